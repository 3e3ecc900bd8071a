/**
CloudTrail's `eventTime` is UTC, but exports and test fixtures also carry
`2024-05-01 10:00:00` (no zone), nanosecond fractions, explicit offsets and
epoch seconds. `Date.parse` reads a date-time without a zone as local time,
which would shift every such event by the machine's offset, so the text is
taken apart here and assembled with `Date.UTC`.
*/

const isoLike =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

function daysIn(month: number, year: number): number {
	if (month === 2) {
		const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		return leap ? 29 : 28;
	}

	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Milliseconds of a zone suffix east of UTC; 0 for `Z`, `UTC` or none. */
function zoneOffset(zone: string | undefined): number {
	if (zone === undefined || zone === 'Z' || zone === 'z' || zone === 'UTC') {
		return 0;
	}

	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	return sign * (hours * 60 + minutes) * 60_000;
}

function parseIsoText(text: string): number {
	const m = isoLike.exec(text);
	if (m === null) {
		return Number.NaN;
	}

	const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysIn(month, year) ||
		hour > 23 ||
		minute > 59 ||
		second > 60
	) {
		return Number.NaN;
	}

	const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
	const date = new Date(
		Date.UTC(year, month - 1, day, hour, minute, second, ms),
	);
	if (year < 100) {
		// Date.UTC maps years 0-99 to 1900-1999.
		date.setUTCFullYear(year);
	}

	return date.getTime() - zoneOffset(zone);
}

/**
An epoch number as CloudTrail exports write it: seconds (`1714557600.0`, the
`aws cloudtrail lookup-events` form) or, when too large to be seconds,
milliseconds.
*/
function fromEpoch(value: number): number {
	if (!Number.isFinite(value) || value < 0) {
		return Number.NaN;
	}

	return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
}

/** The number written in `count` digits from `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
	let n = 0;
	for (let i = from; i < from + count; i++) {
		const digit = text.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) {
			return -1;
		}

		n = n * 10 + digit;
	}

	return n;
}

/**
True for CloudTrail's own form, `2018-11-28T23:09:28Z`, which is also the
display form: nearly every record has it, so it is read without a regular
expression and shown as it came.
*/
function isCanonical(text: string): boolean {
	return (
		text.length === 20 &&
		text[4] === '-' &&
		text[7] === '-' &&
		text[10] === 'T' &&
		text[13] === ':' &&
		text[16] === ':' &&
		text[19] === 'Z'
	);
}

function parseCanonical(text: string): number {
	const year = digitsAt(text, 0, 4);
	const month = digitsAt(text, 5, 2);
	const day = digitsAt(text, 8, 2);
	const hour = digitsAt(text, 11, 2);
	const minute = digitsAt(text, 14, 2);
	const second = digitsAt(text, 17, 2);
	if (year < 100) {
		// Date.UTC would move years 0-99 to the 1900s; the slow path handles them.
		return parseIsoText(text);
	}

	if (
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysIn(month, year) ||
		hour < 0 ||
		hour > 23 ||
		minute < 0 ||
		minute > 59 ||
		second < 0 ||
		second > 60
	) {
		return Number.NaN;
	}

	return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
Epoch milliseconds of an `eventTime` value read as UTC whatever the machine's
time zone; NaN when it cannot be read.
*/
export function parseEventTime(value: unknown): number {
	return inDateRange(readEventTime(value));
}

/**
The largest distance from the epoch a `Date` can hold. A number past it is
finite but `new Date(ms).toISOString()` throws, so every later stage (the
table, the detectors' dates) would crash on one odd record.
*/
export const maxDateMs = 8.64e15;

/** The time itself when a `Date` can hold it, else NaN. */
export function inDateRange(ms: number): number {
	return Number.isFinite(ms) && Math.abs(ms) <= maxDateMs ? ms : Number.NaN;
}

function readEventTime(value: unknown): number {
	if (typeof value === 'number') {
		return fromEpoch(value);
	}

	if (typeof value !== 'string') {
		return Number.NaN;
	}

	if (isCanonical(value)) {
		return parseCanonical(value);
	}

	const text = value.trim();
	if (/^\d+(?:\.\d+)?$/.test(text)) {
		return fromEpoch(Number(text));
	}

	return parseIsoText(text);
}

/**
A time as CloudTrail writes it, to the second: `2018-11-28T23:09:28Z`.
Fractions are dropped so that every row's time has the same width; the order
of events still uses the full value. Empty for NaN.
*/
export function formatTime(ms: number): string {
	if (Number.isNaN(inDateRange(ms))) {
		return '';
	}

	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, iso.indexOf('.'))}Z`;
}

/**
The text shown for a time: the canonical form when the time was read (the
logged text itself when it already is), else the raw value, bounded, so that
a person sees what the record holds; empty when there was none.
*/
export function timeTextOf(value: unknown, time: number): string {
	if (!Number.isNaN(time)) {
		return typeof value === 'string' && isCanonical(value)
			? value
			: formatTime(time);
	}

	if (value === undefined || value === null) {
		return '';
	}

	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 64 ? `${text.slice(0, 63)}…` : text;
}
