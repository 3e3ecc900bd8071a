const isoTime =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Minutes east of UTC in a `+02:00`, `-0800` or `Z` suffix. */
function offsetMinutes(zone: string | undefined): number {
	if (zone === undefined || zone.toUpperCase() === 'Z') {
		return 0;
	}

	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** An ISO 8601 time as epoch ms; no zone means UTC, never the machine's. */
function parseIso(text: string): number | undefined {
	const match = isoTime.exec(text.trim());
	if (!match) {
		return undefined;
	}

	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	if (
		Number(month) < 1 ||
		Number(month) > 12 ||
		Number(day) < 1 ||
		Number(day) > 31 ||
		Number(hour) > 23 ||
		Number(minute) > 59 ||
		Number(second ?? 0) > 60
	) {
		return undefined;
	}

	const ms = Number(((fraction ?? '') + '000').slice(0, 3));
	const utc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second ?? 0),
		ms,
	);
	const time = utc - offsetMinutes(zone) * 60_000;
	return Number.isFinite(time) ? time : undefined;
}

/**
Read the `EventTime` of `lookup-events` output: epoch seconds (a float, as
CLI v1 and the API documentation show) or an ISO string with an offset (CLI
v2 renders the local zone). Returns epoch milliseconds, or undefined.
*/
export function parseEventTime(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
	}

	if (typeof value !== 'string' || value.trim() === '') {
		return undefined;
	}

	if (/^\d+(\.\d+)?$/.test(value.trim())) {
		return parseEventTime(Number(value));
	}

	return parseIso(value);
}
