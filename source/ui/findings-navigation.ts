import type {AppContext} from './app-context.js';
import {clamp, layoutOf, patch, type AppState} from './app-state.js';

/**
The triage view's cursor and window over the findings, kept apart from the
event table's (which a finding's events or a story reuse), so that going
back to the findings finds the cursor where it was.
*/

/** Keeps the findings cursor in range and its row in the window. */
export function settleFindings(context: AppContext, state: AppState): AppState {
	const {tableRows} = layoutOf(state);
	const count = context.findings.length;
	const cursor = clamp(state.findingCursor, 0, count - 1);
	let top = clamp(state.findingTop, 0, Math.max(count - tableRows, 0));
	if (cursor < top) {
		top = cursor;
	} else if (tableRows > 0 && cursor >= top + tableRows) {
		top = cursor - tableRows + 1;
	}

	return patch(state, {findingCursor: cursor, findingTop: top});
}

/** Puts the findings cursor on a row; the side panel starts at its top. */
export function moveFinding(
	context: AppContext,
	state: AppState,
	row: number,
): AppState {
	const cursor = clamp(row, 0, context.findings.length - 1);
	if (cursor === state.findingCursor) {
		return state;
	}

	return settleFindings(
		context,
		patch(state, {
			findingCursor: cursor,
			scroll: {...state.scroll, side: 0},
		}),
	);
}
