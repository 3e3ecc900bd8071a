import type {AppContext} from './app-context.js';
import {
	clamp,
	layoutOf,
	patch,
	selectedEvent,
	selectedFinding,
	setScroll,
	settle,
	type AppState,
	type ScrollPane,
} from './app-state.js';
import {detailLines} from './detail-lines.js';
import {
	asSeq,
	asViewIndex,
	indexOfSeq,
	seqAt,
	type ViewIndex,
} from './event-view.js';
import {findingPanelLines} from './finding-panel-lines.js';
import {moveFinding} from './findings-navigation.js';
import {helpLines} from './help-lines.js';
import type {Line} from './lines.js';
import {problemsLines} from './problems-lines.js';
import {eventPanelLines} from './mark-panel-lines.js';

/**
Movement: the same keys move the table's cursor or scroll whichever text
pane has the focus, each within its own limits.
*/

/** A movement key, as a step of rows. */
export type Step =
	| {kind: 'line'; by: 1 | -1}
	| {kind: 'page'; by: 1 | -1}
	| {kind: 'end'; by: 1 | -1};

/** Puts the cursor on a row; the side panel starts at its top again. */
export function moveCursor(state: AppState, row: number): AppState {
	const last = Math.max(state.view.length - 1, 0);
	const cursor = asViewIndex(clamp(row, 0, last));
	if (cursor === state.cursor) {
		return state;
	}

	return settle(patch(state, {cursor, scroll: {...state.scroll, side: 0}}));
}

/** The row a step leads to from `current`, before clamping. */
export function stepTarget(
	current: number,
	step: Step,
	page: number,
	last: number,
): number {
	switch (step.kind) {
		case 'line':
			return current + step.by;
		case 'page':
			return current + step.by * Math.max(page, 1);
		case 'end':
			return step.by < 0 ? 0 : last;
	}
}

/** The lines of a scrolling pane, and how many rows it shows. */
function paneText(
	context: AppContext,
	state: AppState,
	pane: ScrollPane,
): {lines: readonly Line[]; rows: number} {
	const layout = layoutOf(state);
	switch (pane) {
		case 'side':
			return {
				lines: showsFindings(state)
					? findingPanelLines(selectedFinding(context, state), layout.sideWidth)
					: selectedPanelLines(context, state, layout.sideWidth),
				rows: layout.sideRows,
			};
		case 'detail': {
			const event = selectedEvent(context, state);
			return {
				lines: event ? detailLines(event, layout.width) : [],
				rows: layout.pageRows,
			};
		}

		case 'help':
			return {
				lines: helpLines(state.helpFor, layout.width),
				rows: layout.pageRows,
			};
		case 'problems':
			return {
				lines: problemsLines(context.summary, layout.width),
				rows: layout.pageRows,
			};
	}
}

/** The side panel's lines for the selected event, its mark first. */
function selectedPanelLines(
	context: AppContext,
	state: AppState,
	width: number,
): Line[] {
	const event = selectedEvent(context, state);
	return eventPanelLines(event, event && state.marks.get(event.seq), width);
}

/** The largest useful scroll offset of a pane: its last page. */
export function maxScroll(
	context: AppContext,
	state: AppState,
	pane: ScrollPane,
): number {
	const {lines, rows} = paneText(context, state, pane);
	return Math.max(lines.length - rows, 0);
}

function scrollPane(
	context: AppContext,
	state: AppState,
	pane: ScrollPane,
	step: Step,
): AppState {
	const {lines, rows} = paneText(context, state, pane);
	const last = Math.max(lines.length - rows, 0);
	const target = stepTarget(state.scroll[pane], step, rows - 1, last);
	return setScroll(state, pane, clamp(target, 0, last));
}

/** True when the side panel explains a finding rather than an event. */
function showsFindings(state: AppState): boolean {
	return (
		state.mode === 'findings' ||
		(state.mode === 'help' && state.helpFor === 'findings')
	);
}

/** Which pane the movement keys drive in the current mode, if any. */
function movedPane(
	state: AppState,
): ScrollPane | 'table' | 'findings' | undefined {
	switch (state.mode) {
		case 'list':
		case 'finding':
		case 'story':
			return state.pane === 'side' ? 'side' : 'table';
		case 'findings':
			return state.pane === 'side' ? 'side' : 'findings';
		case 'detail':
		case 'help':
		case 'problems':
			return state.mode;
		default:
			return undefined;
	}
}

export function move(
	context: AppContext,
	state: AppState,
	step: Step,
): AppState {
	const pane = movedPane(state);
	if (pane === undefined) {
		return state;
	}

	if (pane === 'findings') {
		const {tableRows} = layoutOf(state);
		const last = Math.max(context.findings.length - 1, 0);
		const target = stepTarget(state.findingCursor, step, tableRows, last);
		return moveFinding(context, state, target);
	}

	if (pane !== 'table') {
		return scrollPane(context, state, pane, step);
	}

	const {tableRows} = layoutOf(state);
	const last = Math.max(state.view.length - 1, 0);
	return moveCursor(state, stepTarget(state.cursor, step, tableRows, last));
}

/** Re-clamps every pane's scroll, e.g. after a resize narrowed the text. */
export function clampScrolls(context: AppContext, state: AppState): AppState {
	let next = state;
	for (const pane of ['side', 'detail', 'help', 'problems'] as const) {
		const limit = maxScroll(context, next, pane);
		if (next.scroll[pane] > limit) {
			next = setScroll(next, pane, limit);
		}
	}

	return next;
}

/**
The next flagged row after the cursor (or before it, for -1), found in the
sorted list of flagged seqs rather than by walking the view; wraps around.
*/
export function nextFlagged(
	context: AppContext,
	state: AppState,
	direction: 1 | -1,
): AppState {
	const {flaggedSeqs} = context;
	if (state.view.length === 0 || state.view.flagged === 0) {
		return patch(state, {
			message: {tone: 'warning', text: 'No flagged events in this view'},
		});
	}

	const current = seqAt(state.view, state.cursor);
	const start = firstAbove(flaggedSeqs, current);
	const count = flaggedSeqs.length;
	// Seqs after the cursor's (or before it), then the others: the wrap.
	for (let step = 0; step < count; step++) {
		const position =
			direction > 0
				? (start + step) % count
				: (start - 1 - step + 2 * count) % count;
		const seq = asSeq(flaggedSeqs[position]!);
		const row: ViewIndex | undefined = indexOfSeq(state.view, seq);
		if (row === undefined || (seq === current && step < count - 1)) {
			continue;
		}

		const wrapped = direction > 0 ? row <= state.cursor : row >= state.cursor;
		const moved = moveCursor(state, row);
		return wrapped
			? patch(moved, {
					message: {
						tone: 'notice',
						text:
							direction > 0
								? 'Last flagged event passed: back to the first'
								: 'First flagged event passed: on to the last',
					},
				})
			: moved;
	}

	return state;
}

/** Index of the first value strictly above `value` in an ascending list. */
function firstAbove(sorted: Uint32Array, value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]! <= value) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}
