import type {
	Principal,
	RawRecord,
	SourceInfo,
	SourcedRecord,
	TrailEvent,
} from '../core/types.js';
import type {AwsRanges} from '../enrich/aws-ranges.js';
import {errorCodeOf, outcomeOf} from './outcome.js';
import {describePrincipal} from './principal.js';
import {classifySource} from './source-address.js';
import {inDateRange, parseEventTime, timeTextOf} from './time.js';

/**
Turns one raw record into the event the rest of the pipeline reads. It runs
once per record on logs of a million events, so it reads each field once and
gives every event the same set of keys (one object shape for the engine):
a missing optional string is a key holding undefined, which the views show
as `—`. Nothing here makes text
safe for the terminal: the record keeps the logged values, and the views
escape what they draw.
*/

/** A field as text: strings as they are, numbers and booleans written out. */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value === '' ? undefined : value;
	}

	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}

	return undefined;
}

function isTrue(value: unknown): boolean {
	return value === true || value === 'true';
}

/**
A console session: CloudTrail marks calls made with console credentials with
`sessionCredentialFromConsole` (at the top of the record, and in some
layouts inside `sessionContext`), which stays reliable now that the console's
user agent may read `AWS Internal`. Sign-in events are console events too.
*/
export function isConsoleEvent(record: RawRecord): boolean {
	if (isTrue(record['sessionCredentialFromConsole'])) {
		return true;
	}

	const identity = record['userIdentity'];
	if (typeof identity === 'object' && identity !== null) {
		const context = (identity as Record<string, unknown>)['sessionContext'];
		if (
			typeof context === 'object' &&
			context !== null &&
			isTrue(
				(context as Record<string, unknown>)['sessionCredentialFromConsole'],
			)
		) {
			return true;
		}
	}

	return (
		record['eventName'] === 'ConsoleLogin' ||
		record['eventType'] === 'AwsConsoleSignIn'
	);
}

/**
The event for one record: `seq` is -1 and `flags` empty until the pipeline
orders the events and the detectors run. The record's own `eventTime` wins
over the loader's `fallbackTime` (the `EventTime` of a lookup-events export).
*/
export interface NormaliseHelpers {
	/** `describePrincipal`, or a cache of it. */
	principal?: (record: RawRecord) => Principal;
	/** `classifySource`, or a cache of it. */
	source?: (record: RawRecord) => SourceInfo;
}

export function normaliseRecord(
	sourced: SourcedRecord,
	ranges: AwsRanges,
	helpers: NormaliseHelpers = {},
): TrailEvent {
	const record = sourced.record;
	const eventTime = record['eventTime'];
	const parsed = parseEventTime(eventTime);
	// Read defensively: the loader adds this field for lookup-events exports.
	const fallback = (sourced as {fallbackTime?: unknown}).fallbackTime;
	const useFallback =
		Number.isNaN(parsed) &&
		typeof fallback === 'number' &&
		!Number.isNaN(inDateRange(fallback));
	const time = useFallback ? fallback : parsed;

	return {
		seq: -1,
		record,
		file: sourced.file,
		recordIndex: sourced.index,
		eventId: textOf(record['eventID']),
		time,
		timeText: timeTextOf(useFallback ? undefined : eventTime, time),
		eventName: textOf(record['eventName']) ?? '',
		eventSource: textOf(record['eventSource']) ?? '',
		region: textOf(record['awsRegion']) ?? '',
		eventType: textOf(record['eventType']),
		errorCode: errorCodeOf(record),
		errorMessage: textOf(record['errorMessage']),
		outcome: outcomeOf(record),
		userAgent: textOf(record['userAgent']),
		console: isConsoleEvent(record),
		principal: helpers.principal
			? helpers.principal(record)
			: describePrincipal(record),
		source: helpers.source
			? helpers.source(record)
			: classifySource(record, ranges),
		flags: [],
	};
}
