/**
Times typed in a filter. Everything in trailtui is UTC, so a time without a
zone is read as UTC, never as the machine's local time (BR-22: the same
filter must give the same answer in every time zone).

A time names a span as long as its precision: `2024-05-01` is that whole
day, `2024-05-01T10:00Z` that whole minute. A range `a..b` runs from the
start of `a` to the end of `b`, so `time:2024-05-01..2024-05-02` is two days;
either end may be left out.

`newest` is the time of the newest event loaded and `newest-2h` two hours
before it (units s, m, h, d, w): CloudTrail folders are often days old, so
"the last two hours" means the last two hours of the logs, not of the clock.
Each is an instant (a span of one millisecond).
*/

import {durationUnits, type DurationUnit} from './query-ast.js';

/** A half-open span of epoch milliseconds: start ≤ t < end. */
export interface TimeSpan {
	start: number;
	end: number;
}

const pattern =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

function offsetMs(zone: string | undefined): number {
	if (!zone || zone.toUpperCase() === 'Z') {
		return 0;
	}

	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2, 4));
	return sign * (hours * hour + minutes * minute);
}

/** The span one written time covers, or undefined when it is not a time. */
export function parseTime(text: string): TimeSpan | undefined {
	const match = pattern.exec(text.trim());
	if (!match) {
		return undefined;
	}

	const [, y, mo, d, h, mi, s, ms, zone] = match;
	const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number);
	const [year, month, dayOfMonth, hours, minutes, seconds] = parts as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	if (
		month < 1 ||
		month > 12 ||
		dayOfMonth < 1 ||
		dayOfMonth > 31 ||
		hours > 23 ||
		minutes > 59 ||
		seconds > 59
	) {
		return undefined;
	}

	const millis = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
	const utc = Date.UTC(
		year,
		month - 1,
		dayOfMonth,
		hours,
		minutes,
		seconds,
		millis,
	);
	// Date.UTC rolls 2024-02-31 over into March: refuse such dates.
	if (new Date(utc).getUTCDate() !== dayOfMonth) {
		return undefined;
	}

	const start = utc - offsetMs(zone);
	const length =
		ms !== undefined
			? 1
			: s !== undefined
				? second
				: mi !== undefined
					? minute
					: h !== undefined
						? hour
						: day;
	return {start, end: start + length};
}

/** A span such as `2h`: its amount and unit, or undefined. */
export function parseDuration(
	text: string,
): {amount: number; unit: DurationUnit} | undefined {
	const match = /^(\d{1,9})([smhdw])$/i.exec(text.trim());
	if (!match) {
		return undefined;
	}

	const amount = Number(match[1]);
	const unit = match[2]!.toLowerCase() as DurationUnit;
	return amount > 0 ? {amount, unit} : undefined;
}

export function durationMs(duration: {
	amount: number;
	unit: DurationUnit;
}): number {
	return duration.amount * durationUnits[duration.unit];
}

/**
`newest` or `newest-2h`: how long before the newest event, or undefined
when the text is no such time.
*/
export function parseNewest(text: string): number | undefined {
	const match = /^newest(?:-(.+))?$/i.exec(text.trim());
	if (!match) {
		return undefined;
	}

	if (match[1] === undefined) {
		return 0;
	}

	const duration = parseDuration(match[1]);
	return duration ? durationMs(duration) : undefined;
}

/**
One end of a range: a written time, or `newest…` given the newest event's
time (NaN when none is known, which matches nothing).
*/
function timeOrNewest(
	text: string,
	latest: number | undefined,
): TimeSpan | undefined {
	const before = parseNewest(text);
	if (before === undefined) {
		return parseTime(text);
	}

	const at = (latest ?? Number.NaN) - before;
	return {start: at, end: at + 1};
}

/**
True for a range `a..b` that holds nothing whatever is loaded, so that the
error can say so rather than "not a time" or give an empty table: two
written times where `b` ends when or before `a` starts (a day, an hour or
a millisecond alike), or two `newest` forms where `b` is further back
than `a`. A written time and a `newest` form depend on the logs loaded.
*/
export function isReversedRange(text: string): boolean {
	const split = text.indexOf('..');
	if (split === -1) {
		return false;
	}

	const from = text.slice(0, split);
	const to = text.slice(split + 2);
	const start = parseTime(from);
	const end = parseTime(to);
	if (start !== undefined && end !== undefined) {
		return end.end <= start.start;
	}

	const startBefore = parseNewest(from);
	const endBefore = parseNewest(to);
	return (
		startBefore !== undefined &&
		endBefore !== undefined &&
		endBefore > startBefore
	);
}

/**
A time or a range `a..b`, `a..`, `..b`; undefined when unreadable. `latest`
is the newest event's time, for `newest` and `newest-2h`.
*/
export function parseTimeRange(
	text: string,
	latest?: number,
): TimeSpan | undefined {
	const split = text.indexOf('..');
	if (split === -1) {
		return timeOrNewest(text, latest);
	}

	const from = text.slice(0, split);
	const to = text.slice(split + 2);
	const start =
		from === ''
			? {start: -Infinity, end: -Infinity}
			: timeOrNewest(from, latest);
	const end =
		to === '' ? {start: Infinity, end: Infinity} : timeOrNewest(to, latest);
	if (!start || !end || (from === '' && to === '') || end.end < start.start) {
		return undefined;
	}

	return {start: start.start, end: end.end};
}
