import type {AppContext} from './app-context.js';
import {patch, type AppState} from './app-state.js';
import {applyFilter} from './query-actions.js';

/**
The filter stack. A pivot, a facet choice or a summary's drill-down changes
the filter and keeps the screen it came from in `pushed`, so Esc in the
list walks back one step at a time, cursor and all, as a browser's Back
button does. Each saved screen keeps its own `pushed`, cut to a depth.
*/

/** Screens kept to go back to; older ones are forgotten. */
export const maxDepth = 30;

/** How many steps Esc can go back. */
export function stackDepth(state: AppState): number {
	let depth = 0;
	for (let saved = state.pushed; saved; saved = saved.pushed) {
		depth++;
	}

	return depth;
}

/** The state with at most `room` screens in its chain, itself included. */
function trimmed(state: AppState, room: number): AppState {
	const below = state.pushed;
	if (below === undefined) {
		return state;
	}

	if (room <= 1) {
		return {...state, pushed: undefined};
	}

	const kept = trimmed(below, room - 1);
	return kept === below ? state : {...state, pushed: kept};
}

/**
Applies filter text to `base`, keeping `from` (the screen the step started
from) to go back to. A text the filter refuses opens the filter prompt
with its error, as a typed one would.
*/
export function filterPushing(
	context: AppContext,
	from: AppState,
	base: AppState,
	text: string,
): AppState {
	const saved = trimmed(patch(from, {message: undefined}), maxDepth);
	return applyFilter(context, {...base, pushed: saved}, text);
}
