import {
	buildTimeline,
	seqRange,
	type Timeline,
	type TimeWindow,
} from '../investigate/timeline.js';
import type {TrailEvent} from '../core/types.js';
import type {AppContext} from './app-context.js';
import type {AppState} from './app-state.js';
import type {Mode} from './commands.js';
import {allEventsView, filteredView, type EventView} from './event-view.js';

/**
Where the timeline goes and which events it counts: the list's view,
zoomed to a time window or not. A view's timeline is counted once (per
width) and kept with the view, so keys that only move the cursor reuse it.
*/

/**
From this terminal height on the timeline is shown unless `t` hid it: with
its three rows the table keeps at least the rows it has on a 30-row
terminal without it.
*/
export const timelineFrom = 36;

/** Bars, marks and the label. */
export const timelineHeight = 3;

/** Below this terminal height the panes need every row: no timeline. */
export const timelineMinRows = 12;

/** The views under which the event list is drawn. */
const listBodies: ReadonlySet<Mode> = new Set<Mode>([
	'list',
	'search-input',
	'filter-input',
	'note-input',
]);

export function timelineShown(state: AppState): boolean {
	return (
		state.scope === undefined &&
		listBodies.has(state.mode) &&
		state.rows >= timelineMinRows &&
		(state.timeline ?? state.rows >= timelineFrom)
	);
}

export function timelineRows(state: AppState): number {
	return timelineShown(state) ? timelineHeight : 0;
}

/** Buckets across a width: a cell of margin on each side. */
export function timelineSlots(width: number): number {
	return Math.max(width - 2, 1);
}

/** The zoom window of the list; none inside a finding or a story. */
export function activeZoom(state: AppState): TimeWindow | undefined {
	return state.scope === undefined ? state.zoom.at(-1) : undefined;
}

const cache = new WeakMap<
	EventView,
	{slots: number; window: TimeWindow | undefined; timeline: Timeline}
>();

/** The view's timeline for a width, counted once and then kept. */
export function timelineOf(
	events: readonly TrailEvent[],
	view: EventView,
	width: number,
	window: TimeWindow | undefined,
): Timeline {
	const slots = timelineSlots(width);
	const kept = cache.get(view);
	if (kept && kept.slots === slots && kept.window === window) {
		return kept.timeline;
	}

	const timeline = buildTimeline(events, view, slots, window);
	cache.set(view, {slots, window, timeline});
	return timeline;
}

/**
The view for a filter and a zoom window: the window's events are found by
binary search (events are in time order), so a zoomed view costs the
events inside the window, not the whole load.
*/
export function zoomedView(
	context: AppContext,
	test: ((event: TrailEvent) => boolean) | undefined,
	window: TimeWindow | undefined,
): EventView {
	const {events} = context;
	if (window === undefined) {
		return test
			? filteredView(events, test)
			: allEventsView(events, context.flaggedSeqs.length);
	}

	const {low, high} = seqRange(events, window);
	const kept = new Uint32Array(Math.max(high - low, 0));
	let length = 0;
	let flagged = 0;
	for (let seq = low; seq < high; seq++) {
		const event = events[seq]!;
		if (test === undefined || test(event)) {
			kept[length++] = seq;
			if (event.flags.length > 0) {
				flagged++;
			}
		}
	}

	return {length, seqs: kept.slice(0, length), flagged};
}
