import type {TrailEvent} from '../core/types.js';
import type {AppContext} from './app-context.js';
import {initialState, settle, type AppState} from './app-state.js';
import {asViewIndex, seqAt} from './event-view.js';
import type {CommandId} from './keymap.js';
import type {Mode} from './keymap.js';

/**
While files are still loading, the screen shows the events read so far and
moves over them; what needs every event (search, filter, flagged events,
findings, stories) waits for the end, with a note saying so.
*/
export const waitsForLoad: ReadonlySet<CommandId> = new Set<CommandId>([
	'start-search',
	'next-hit',
	'previous-hit',
	'start-filter',
	'next-flagged',
	'previous-flagged',
	'toggle-findings',
	'open-finding',
	'open-story',
	'open-facets',
	'open-pivots',
	'open-summary',
	'zoom-in',
	'zoom-out',
	'toggle-timeline',
	'toggle-mark',
	'edit-note',
	'next-marked',
	'previous-marked',
	'open-export',
]);

/** Views that survive a new batch of events: the rest need the whole load. */
const keptModes: ReadonlySet<Mode> = new Set<Mode>([
	'list',
	'detail',
	'help',
	'problems',
]);

/**
The state for a new list of events (more of them, or the judged whole),
keeping the selected event selected on the same screen row, and the open
view. `previous` is the list the state was made for: its events carry
their new `seq` already.
*/
export function rebase(
	context: AppContext,
	state: AppState,
	previous: readonly TrailEvent[],
): AppState {
	const fresh = initialState(context, state.columns, state.rows);
	const selected =
		state.view.length === 0
			? undefined
			: previous[seqAt(state.view, state.cursor)];
	// A cursor on the first row stays on the first row: events earlier than
	// those shown first come in as other folders are read (regions), and a
	// person who has not moved expects the start of the trail.
	const seq =
		state.cursor !== 0 &&
		selected !== undefined &&
		context.events[selected.seq] === selected
			? selected.seq
			: 0;
	const mode = keptModes.has(state.mode) ? state.mode : 'list';
	return settle({
		...fresh,
		mode,
		helpFor: keptModes.has(state.helpFor) ? state.helpFor : 'list',
		detailFrom: 'list',
		pane: state.pane,
		scroll: state.scroll,
		message: state.message,
		history: state.history,
		cursor: asViewIndex(seq),
		top: asViewIndex(Math.max(0, seq - (state.cursor - state.top))),
	});
}
