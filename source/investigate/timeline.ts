/**
The timeline over the event table: how many events of a view fall in each
time bucket, and how many of them are flagged. Pure and renderer-free; one
pass over the view, cached per view, so moving the cursor never counts
again.
*/

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** Bucket sizes a person reads at a glance, smallest first. */
export const bucketSizes: readonly number[] = [
	second,
	5 * second,
	10 * second,
	30 * second,
	minute,
	5 * minute,
	10 * minute,
	15 * minute,
	30 * minute,
	hour,
	3 * hour,
	6 * hour,
	12 * hour,
	day,
	7 * day,
	30 * day,
	365 * day,
];

/** 1970-01-01 was a Thursday: weeks start on the Monday after it, minus 7. */
const mondayOffset = 4 * day;

/** The events a timeline counts: their time and whether they are flagged. */
export interface TimedEvent {
	/** Epoch milliseconds; NaN when the record's time is unreadable. */
	readonly time: number;
	readonly flags: readonly unknown[];
}

/** The rows of a view: every event, or the seqs kept, ascending. */
export interface ViewRows {
	readonly length: number;
	readonly seqs: Uint32Array | undefined;
}

/** A span of time, `from` included, `to` excluded (epoch milliseconds). */
export interface TimeWindow {
	from: number;
	to: number;
}

export interface Timeline {
	/** Start of the first bucket (aligned to the bucket size, UTC). */
	start: number;
	/** Bucket size in milliseconds. */
	size: number;
	/** Events per bucket. */
	counts: Uint32Array;
	/** Flagged events per bucket. */
	flagged: Uint32Array;
	/** The largest count. */
	peak: number;
	/** The span shown: the zoom window, else the view's first to last time. */
	from: number;
	to: number;
	/** Events of the view with a readable time, and those without one. */
	dated: number;
	undated: number;
}

/** Where a bucket of `size` starts for a time: UTC-aligned, weeks on Monday. */
export function bucketStart(time: number, size: number): number {
	const offset = size === 7 * day ? mondayOffset : 0;
	return Math.floor((time - offset) / size) * size + offset;
}

/** How many buckets of `size` the span [from, to] touches. */
export function bucketCount(from: number, to: number, size: number): number {
	return (
		Math.floor((bucketStart(to, size) - bucketStart(from, size)) / size) + 1
	);
}

/**
The smallest nice bucket size that shows [from, to] in at most `slots`
buckets (the largest size when none does).
*/
export function bucketSizeFor(from: number, to: number, slots: number): number {
	const room = Math.max(Math.floor(slots), 1);
	for (const size of bucketSizes) {
		if (bucketCount(from, to, size) <= room) {
			return size;
		}
	}

	return bucketSizes.at(-1)!;
}

function seqOf(rows: ViewRows, index: number): number {
	return rows.seqs === undefined ? index : rows.seqs[index]!;
}

/**
The first and last readable time of a view. Events are in time order with
unreadable times last, so the ends are found without a full pass.
*/
function datedEnds(
	events: readonly TimedEvent[],
	rows: ViewRows,
): {first: number; last: number} {
	let end = rows.length;
	while (end > 0 && !Number.isFinite(events[seqOf(rows, end - 1)]!.time)) {
		end--;
	}

	let start = 0;
	while (start < end && !Number.isFinite(events[seqOf(rows, start)]!.time)) {
		start++;
	}

	if (start >= end) {
		return {first: Number.NaN, last: Number.NaN};
	}

	return {
		first: events[seqOf(rows, start)]!.time,
		last: events[seqOf(rows, end - 1)]!.time,
	};
}

/**
Counts a view's events into at most `slots` buckets. The span is `window`
when the view is zoomed (so the buckets cover what was zoomed into), else
the view's first to last readable time. Events without a readable time are
counted apart, as `undated`.
*/
export function buildTimeline(
	events: readonly TimedEvent[],
	rows: ViewRows,
	slots: number,
	window?: TimeWindow,
): Timeline {
	const ends = datedEnds(events, rows);
	const from = window ? window.from : ends.first;
	const to = window ? window.to - 1 : ends.last;
	if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
		return {
			start: Number.NaN,
			size: bucketSizes[0]!,
			counts: new Uint32Array(0),
			flagged: new Uint32Array(0),
			peak: 0,
			from: Number.NaN,
			to: Number.NaN,
			dated: 0,
			undated: rows.length,
		};
	}

	const size = bucketSizeFor(from, to, slots);
	const start = bucketStart(from, size);
	const length = bucketCount(from, to, size);
	const counts = new Uint32Array(length);
	const flagged = new Uint32Array(length);
	let dated = 0;
	let undated = 0;
	for (let index = 0; index < rows.length; index++) {
		const event = events[seqOf(rows, index)]!;
		const bucket = Math.floor((event.time - start) / size);
		if (!(bucket >= 0 && bucket < length)) {
			// NaN, or outside a window the view was not cut to.
			undated += Number.isFinite(event.time) ? 0 : 1;
			continue;
		}

		counts[bucket]!++;
		dated++;
		if (event.flags.length > 0) {
			flagged[bucket]!++;
		}
	}

	let peak = 0;
	for (const count of counts) {
		peak = Math.max(peak, count);
	}

	return {
		start,
		size,
		counts,
		flagged,
		peak,
		from,
		to: to + 1,
		dated,
		undated,
	};
}

/** The bucket holding a time, or undefined outside the timeline. */
export function bucketOf(timeline: Timeline, time: number): number | undefined {
	const bucket = Math.floor((time - timeline.start) / timeline.size);
	return bucket >= 0 && bucket < timeline.counts.length ? bucket : undefined;
}

/** The span of one bucket. */
export function bucketWindow(timeline: Timeline, bucket: number): TimeWindow {
	const from = timeline.start + bucket * timeline.size;
	return {from, to: from + timeline.size};
}

/**
The seqs [low, high) of the events inside a window, by binary search over
events in time order (unreadable times, last, count as after every window).
*/
export function seqRange(
	events: readonly TimedEvent[],
	window: TimeWindow,
): {low: number; high: number} {
	const firstAtOrAfter = (time: number): number => {
		let low = 0;
		let high = events.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const value = events[middle]!.time;
			if (Number.isFinite(value) && value < time) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low;
	};

	return {low: firstAtOrAfter(window.from), high: firstAtOrAfter(window.to)};
}

/** `1s`, `5m`, `3h`, `1d`, `7d`: a bucket size as the label writes it. */
export function sizeLabel(size: number): string {
	const units: Array<[number, string]> = [
		[day, 'd'],
		[hour, 'h'],
		[minute, 'm'],
		[second, 's'],
	];
	for (const [unit, name] of units) {
		if (size >= unit && size % unit === 0) {
			return `${size / unit}${name}`;
		}
	}

	return `${size}ms`;
}

/** The eight bar heights, lowest first. */
export const barBlocks = '▁▂▃▄▅▆▇█';

/**
The bar for a count: blank for none, at least the lowest block for one
event, the full block for the peak.
*/
export function barOf(count: number, peak: number): string {
	if (count <= 0 || peak <= 0) {
		return ' ';
	}

	const level = Math.ceil((count / peak) * barBlocks.length);
	return barBlocks[Math.min(Math.max(level, 1), barBlocks.length) - 1]!;
}
