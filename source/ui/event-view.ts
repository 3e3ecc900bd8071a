import type {TrailEvent} from '../core/types.js';

/**
The rows the table shows: every event, or the events a filter kept. A row
number in this view and an event's `seq` are different numbers as soon as a
filter is on, so each gets its own branded type and mixing them up is a type
error rather than a wrong row.
*/

declare const seqBrand: unique symbol;
declare const viewBrand: unique symbol;

/** An event's position in the whole time-ordered list (`TrailEvent.seq`). */
export type EventSeq = number & {readonly [seqBrand]: true};

/** A row number in the current (possibly filtered) view. */
export type ViewIndex = number & {readonly [viewBrand]: true};

export function asSeq(value: number): EventSeq {
	return value as EventSeq;
}

export function asViewIndex(value: number): ViewIndex {
	return value as ViewIndex;
}

export interface EventView {
	/** Rows in the view. */
	readonly length: number;
	/** The kept seqs in ascending order; undefined when every event is kept. */
	readonly seqs: Uint32Array | undefined;
	/** Flagged events among the rows. */
	readonly flagged: number;
}

/** The view of every event. */
export function allEventsView(
	events: readonly TrailEvent[],
	flagged: number,
): EventView {
	return {length: events.length, seqs: undefined, flagged};
}

/** The events a predicate keeps: one pass, run when a filter is applied. */
export function filteredView(
	events: readonly TrailEvent[],
	keep: (event: TrailEvent) => boolean,
): EventView {
	const kept = new Uint32Array(events.length);
	let length = 0;
	let flagged = 0;
	for (let seq = 0; seq < events.length; seq++) {
		const event = events[seq]!;
		if (keep(event)) {
			kept[length++] = seq;
			if (event.flags.length > 0) {
				flagged++;
			}
		}
	}

	return {length, seqs: kept.slice(0, length), flagged};
}

/** The view of given events (a finding's, a story's): seqs ascending. */
export function seqsView(
	events: readonly TrailEvent[],
	seqs: readonly number[],
): EventView {
	const kept = Uint32Array.from(seqs).sort();
	let flagged = 0;
	for (const seq of kept) {
		if ((events[seq]?.flags.length ?? 0) > 0) {
			flagged++;
		}
	}

	return {length: kept.length, seqs: kept, flagged};
}

/** The events of a view, in order, for a pass over what is shown. */
export function* viewEvents(
	events: readonly TrailEvent[],
	view: EventView,
): Generator<TrailEvent> {
	for (let row = 0; row < view.length; row++) {
		yield events[view.seqs === undefined ? row : view.seqs[row]!]!;
	}
}

/** The events of a view as a list: the events themselves when all are kept. */
export function viewEventList(
	events: readonly TrailEvent[],
	view: EventView,
): readonly TrailEvent[] {
	return view.seqs === undefined && view.length === events.length
		? events
		: [...viewEvents(events, view)];
}

export function seqAt(view: EventView, index: ViewIndex): EventSeq {
	return asSeq(view.seqs === undefined ? index : view.seqs[index]!);
}

/** The event on a row, or undefined outside the view. */
export function eventAt(
	events: readonly TrailEvent[],
	view: EventView,
	index: ViewIndex,
): TrailEvent | undefined {
	if (index < 0 || index >= view.length) {
		return undefined;
	}

	return events[seqAt(view, index)];
}

/** The first row whose seq is at least `seq` (view.length when none). */
export function lowerBound(view: EventView, seq: EventSeq): ViewIndex {
	if (view.seqs === undefined) {
		return asViewIndex(Math.min(Math.max(seq, 0), view.length));
	}

	let low = 0;
	let high = view.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (view.seqs[middle]! < seq) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return asViewIndex(low);
}

/** The row showing an event, or undefined when the view left it out. */
export function indexOfSeq(
	view: EventView,
	seq: EventSeq,
): ViewIndex | undefined {
	const index = lowerBound(view, seq);
	return index < view.length && seqAt(view, index) === seq ? index : undefined;
}
