import {RecordCollector} from './collect.js';
import {parseEventTime} from './event-time.js';
import {errorText} from './json-errors.js';
import type {Parsed, ParsedKind} from './parsed.js';
import {
	describeOtherJson,
	describeValue,
	isDigest,
	isObject,
	looksLikeEvent,
} from './shapes.js';

const unrecognised = 'no Records array / unrecognised JSON';

/** `aws cloudtrail lookup-events` output: each event's body is a string. */
function readLookupEvents(
	events: readonly unknown[],
	collector: RecordCollector,
): boolean {
	let broken = false;
	for (const item of events) {
		if (!isObject(item) || typeof item['CloudTrailEvent'] !== 'string') {
			// The Insights variant lists plain records.
			collector.element(item);
			continue;
		}

		let inner: unknown;
		try {
			inner = JSON.parse(item['CloudTrailEvent']);
		} catch (error: unknown) {
			collector.unreadable(
				`CloudTrailEvent is not valid JSON: ${errorText(error)}`,
			);
			broken = true;
			continue;
		}

		collector.element(inner, parseEventTime(item['EventTime']));
	}

	return broken;
}

/** Sort a whole, valid JSON document into one of the known shapes. */
export function readDocument(
	document: unknown,
	collector: RecordCollector,
): Parsed {
	// An empty Records (or Events) array is valid and silent, but skipped.
	const holdsEvents = (kind: ParsedKind) =>
		kind === 'array' || kind === 'records' || kind === 'lookup-events';
	const done = (kind: ParsedKind, partial = false): Parsed => ({
		kind: holdsEvents(kind) && collector.count === 0 ? 'empty' : kind,
		records: collector.records,
		problems: collector.finish(),
		partial,
	});

	if (Array.isArray(document)) {
		collector.elements(document);
		return done('array');
	}

	if (!isObject(document)) {
		collector.note('warning', `${unrecognised} (${describeValue(document)})`);
		return done('not-cloudtrail');
	}

	const records = document['Records'];
	if (Array.isArray(records)) {
		collector.elements(records);
		return done('records');
	}

	if (records !== undefined) {
		collector.note(
			'warning',
			`Records is ${describeValue(records)}, not an array: ${unrecognised}`,
		);
		return done('not-cloudtrail');
	}

	const events = document['Events'];
	if (Array.isArray(events)) {
		const token = document['NextToken'];
		if (token !== undefined && token !== null && token !== '') {
			collector.note('info', 'NextToken present: this export is incomplete');
		}

		return done('lookup-events', readLookupEvents(events, collector));
	}

	if (isDigest(document)) {
		collector.note(
			'info',
			'CloudTrail digest file (signatures, no events): skipped',
		);
		return done('digest');
	}

	if (looksLikeEvent(document)) {
		collector.element(document);
		return done('event');
	}

	const other = describeOtherJson(document);
	collector.note(
		other ? 'info' : 'warning',
		other ? `${other}, not a CloudTrail log: skipped` : unrecognised,
	);
	return done('not-cloudtrail');
}
