import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	barOf,
	bucketCount,
	bucketOf,
	bucketSizeFor,
	bucketStart,
	bucketWindow,
	buildTimeline,
	seqRange,
	sizeLabel,
	type TimedEvent,
} from '../../source/investigate/timeline.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = Date.parse('2024-05-01T10:00:00Z');

/** Events at these offsets from t0 (NaN for no time), flagged where asked. */
function events(offsets: number[], flagged: number[] = []): TimedEvent[] {
	return offsets.map((offset, index) => ({
		time: t0 + offset,
		flags: flagged.includes(index) ? ['flag'] : [],
	}));
}

function all(list: readonly TimedEvent[]) {
	return {length: list.length, seqs: undefined};
}

test('the bucket size is the smallest nice size that fits the width', () => {
	assert.equal(bucketSizeFor(t0, t0 + 59 * second, 60), second);
	assert.equal(bucketSizeFor(t0, t0 + 60 * second, 60), 5 * second);
	assert.equal(bucketSizeFor(t0, t0 + 37 * minute, 60), minute);
	assert.equal(bucketSizeFor(t0, t0 + 37 * minute, 78), 30 * second);
	assert.equal(bucketSizeFor(t0, t0 + 5 * hour, 78), 5 * minute);
	assert.equal(bucketSizeFor(t0, t0 + 5 * hour, 20), 30 * minute);
	assert.equal(bucketSizeFor(t0, t0 + 3 * day, 78), hour);
	assert.equal(bucketSizeFor(t0, t0 + 90 * day, 78), 7 * day);
	// Nothing fits in one slot: the largest size.
	assert.equal(bucketSizeFor(t0, t0 + 5000 * day, 1), 365 * day);
	// Every size gives at most the slots asked for.
	for (const span of [1, 999, 61 * second, 2 * hour, 40 * day]) {
		for (const slots of [1, 7, 78, 200]) {
			const size = bucketSizeFor(t0, t0 + span, slots);
			assert.ok(
				bucketCount(t0, t0 + span, size) <= slots || size === 365 * day,
				`${span} in ${slots}`,
			);
		}
	}
});

test('buckets start on their own boundaries, weeks on Mondays (UTC)', () => {
	assert.equal(
		bucketStart(t0 + 7 * minute + 3 * second, 5 * minute),
		t0 + 5 * minute,
	);
	assert.equal(
		new Date(bucketStart(t0, day)).toISOString(),
		'2024-05-01T00:00:00.000Z',
	);
	// 2024-05-01 is a Wednesday: its week starts on Monday 2024-04-29.
	assert.equal(
		new Date(bucketStart(t0, 7 * day)).toISOString(),
		'2024-04-29T00:00:00.000Z',
	);
	assert.equal(sizeLabel(5 * minute), '5m');
	assert.equal(sizeLabel(7 * day), '7d');
	assert.equal(sizeLabel(30 * second), '30s');
});

test('counts per bucket, flagged counts and the peak', () => {
	const list = events(
		[0, 10 * second, 61 * second, 62 * second, 63 * second, 5 * minute],
		[1, 3],
	);
	const timeline = buildTimeline(list, all(list), 10);
	assert.equal(timeline.size, minute);
	assert.equal(timeline.start, t0);
	assert.deepEqual([...timeline.counts], [2, 3, 0, 0, 0, 1]);
	assert.deepEqual([...timeline.flagged], [1, 1, 0, 0, 0, 0]);
	assert.equal(timeline.peak, 3);
	assert.equal(timeline.dated, 6);
	assert.equal(timeline.undated, 0);
	assert.equal(bucketOf(timeline, t0 + 62 * second), 1);
	assert.deepEqual(bucketWindow(timeline, 1), {
		from: t0 + minute,
		to: t0 + 2 * minute,
	});
});

test('only the rows of the view are counted', () => {
	const list = events([0, 1, 2, 3 * second, 4 * second], [0]);
	const view = {length: 2, seqs: Uint32Array.from([3, 4])};
	const timeline = buildTimeline(list, view, 80);
	assert.equal(timeline.from, t0 + 3 * second);
	assert.equal(timeline.dated, 2);
	assert.equal(
		timeline.counts.reduce((a, b) => a + b, 0),
		2,
	);
	assert.equal(
		timeline.flagged.reduce((a, b) => a + b, 0),
		0,
	);
});

test('one event, and many at the same instant, make one bucket', () => {
	const one = buildTimeline(events([0]), all(events([0])), 80);
	assert.equal(one.counts.length, 1);
	assert.equal(one.size, second);
	assert.equal(one.peak, 1);
	const same = events([0, 0, 0], [2]);
	const zero = buildTimeline(same, all(same), 80);
	assert.deepEqual([...zero.counts], [3]);
	assert.deepEqual([...zero.flagged], [1]);
});

test('events without a valid time are counted apart', () => {
	const list = [
		...events([0, 2 * second]),
		...events([Number.NaN, Number.NaN]),
	];
	const timeline = buildTimeline(list, all(list), 80);
	assert.equal(timeline.dated, 2);
	assert.equal(timeline.undated, 2);
	const none = events([Number.NaN]);
	const empty = buildTimeline(none, all(none), 80);
	assert.equal(empty.counts.length, 0);
	assert.equal(empty.undated, 1);
	assert.equal(bucketOf(empty, t0), undefined);
	const nothing = buildTimeline([], {length: 0, seqs: undefined}, 80);
	assert.equal(nothing.counts.length, 0);
});

test('a zoom window sets the span, and its events are found by binary search', () => {
	const list = [
		...events([0, 30 * second, 59 * second, 60 * second, 2 * hour]),
		...events([Number.NaN]),
	];
	const window = {from: t0, to: t0 + minute};
	assert.deepEqual(seqRange(list, window), {low: 0, high: 3});
	assert.deepEqual(seqRange(list, {from: t0 + hour, to: t0 + 3 * hour}), {
		low: 4,
		high: 5,
	});
	assert.deepEqual(seqRange(list, {from: t0 + 3 * hour, to: t0 + 4 * hour}), {
		low: 5,
		high: 5,
	});
	const view = {length: 3, seqs: Uint32Array.from([0, 1, 2])};
	const zoomed = buildTimeline(list, view, 60, window);
	assert.equal(zoomed.from, t0);
	assert.equal(zoomed.to, t0 + minute);
	assert.equal(zoomed.size, second);
	assert.equal(zoomed.counts.length, 60);
	assert.equal(zoomed.counts[30], 1);
});

test('bars go from the lowest block for one event to the full block at the peak', () => {
	assert.equal(barOf(0, 10), ' ');
	assert.equal(barOf(1, 1000), '▁');
	assert.equal(barOf(10, 10), '█');
	assert.equal(barOf(5, 10), '▄');
});

test('a million events are counted in one quick pass', () => {
	const count = 1_000_000;
	const list: TimedEvent[] = new Array(count);
	for (let index = 0; index < count; index++) {
		list[index] = {time: t0 + index * 100, flags: index % 1000 ? [] : ['f']};
	}

	const timeline = buildTimeline(list, all(list), 100);
	assert.equal(timeline.dated, count);
	assert.equal(
		timeline.flagged.reduce((a, b) => a + b, 0),
		count / 1000,
	);
});
