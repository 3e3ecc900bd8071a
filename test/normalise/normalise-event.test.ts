import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {SourcedRecord} from '../../source/core/types.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {caseEvents, caseRecords} from './case-records.js';

const normalise = (record: Record<string, unknown>, extra: object = {}) =>
	normaliseRecord(
		{record, file: 'x.json', index: 3, ...extra},
		bundledRanges(),
	);

test('every field of the event is filled from the record', () => {
	const record = caseRecords('BR-18.json')[0]!;
	const event = normaliseRecord(
		{record, file: 'logs/BR-18.json', index: 0},
		bundledRanges(),
	);
	assert.equal(event.seq, -1);
	assert.deepEqual(event.flags, []);
	assert.equal(event.record, record);
	assert.equal(event.file, 'logs/BR-18.json');
	assert.equal(event.recordIndex, 0);
	assert.equal(event.eventId, '00000000-0000-4000-8000-000000000055');
	assert.equal(event.time, Date.UTC(2024, 4, 1, 10));
	assert.equal(event.timeText, '2024-05-01T10:00:00Z');
	assert.equal(event.eventName, 'GetBucketPolicy');
	assert.equal(event.eventSource, 's3.amazonaws.com');
	assert.equal(event.region, 'us-east-1');
	assert.equal(event.eventType, 'AwsApiCall');
	assert.equal(event.errorCode, 'AccessDenied');
	assert.equal(event.errorMessage, 'Access Denied');
	assert.equal(event.outcome, 'denied');
	assert.match(event.userAgent ?? '', /^aws-cli\/2\.15\.0/);
	assert.equal(event.console, false);
	assert.equal(event.principal.label, 'alice');
	assert.equal(event.source.kind, 'public');
});

test('BR-09 console sessions are marked, AWS Internal calls are not', () => {
	const events = caseEvents('BR-09.json');
	assert.equal(events.length, 3);
	assert.deepEqual(
		events.map((event) => event.console),
		[false, true, true],
	);
	assert.equal(events.filter((event) => event.console).length, 2);
	assert.equal(events[0]?.source.kind, 'aws-internal');
	assert.equal(events[1]?.source.ip, '198.51.100.7');
});

test('console credentials inside sessionContext and sign-ins count as console', () => {
	const inContext = normalise({
		userIdentity: {
			type: 'AssumedRole',
			sessionContext: {sessionCredentialFromConsole: true},
		},
	});
	assert.equal(inContext.console, true);
	assert.equal(
		normalise({sessionCredentialFromConsole: 'false'}).console,
		false,
	);
	assert.ok(caseEvents('BR-17.json').every((event) => event.console));
});

test('BR-12 missing values stay undefined, never the text undefined or null', () => {
	const events = caseEvents('BR-12.json');
	assert.equal(events.length, 3);
	const [query, decrypt, rotate] = events;
	assert.equal(query?.userAgent, undefined);
	assert.equal(query?.source.kind, 'missing');
	assert.equal(rotate?.principal.label, 'AWS internal (service event)');
	assert.equal(rotate?.userAgent, undefined);
	assert.equal(decrypt?.source.ip, '203.0.113.20');
	for (const event of events) {
		const {record: _record, ...rest} = event;
		assert.doesNotMatch(JSON.stringify(rest), /"(undefined|null)"/);
	}
});

test('BR-08, BR-11, BR-13, BR-17, BR-18 and BR-19 load every record', () => {
	const counts = Object.fromEntries(
		['BR-08', 'BR-11', 'BR-13', 'BR-17', 'BR-18', 'BR-19'].map((name) => [
			name,
			caseEvents(`${name}.json`).length,
		]),
	);
	assert.deepEqual(counts, {
		'BR-08': 4,
		'BR-11': 7,
		'BR-13': 3,
		'BR-17': 4,
		'BR-18': 7,
		'BR-19': 5,
	});
});

test('BR-19 keeps the raw user agent in the event', () => {
	const agents = caseEvents('BR-19.json').map((event) => event.userAgent);
	assert.equal(agents[3], caseRecords('BR-19.json')[3]?.['userAgent']);
	assert.equal(agents[4]?.length, 4184);
});

test('the record eventTime wins over the loader fallback time', () => {
	const fallbackTime = Date.UTC(2030, 0, 1);
	const sourced = (eventTime: unknown): SourcedRecord =>
		({
			record: {eventTime},
			file: 'lookup.json',
			index: 0,
			fallbackTime,
		}) as SourcedRecord;
	const inner = normaliseRecord(
		sourced('2024-05-01T10:00:05Z'),
		bundledRanges(),
	);
	assert.equal(inner.timeText, '2024-05-01T10:00:05Z');
	const missing = normaliseRecord(sourced(undefined), bundledRanges());
	assert.equal(missing.time, fallbackTime);
	assert.equal(missing.timeText, '2030-01-01T00:00:00Z');
});

test('an unreadable time is NaN and its raw text is kept for display', () => {
	const event = normalise({eventTime: '...'});
	assert.ok(Number.isNaN(event.time));
	assert.equal(event.timeText, '...');
	assert.equal(normalise({}).timeText, '');
});

test('records of odd shapes normalise without crashing', () => {
	for (const record of [
		{},
		{eventName: 42, eventSource: {}, awsRegion: null, userAgent: ['x']},
		{userIdentity: 'root', sourceIPAddress: 7, errorCode: false},
		{eventTime: 1714557600, eventID: 123, responseElements: 'Failure'},
	]) {
		const event = normalise(record);
		assert.equal(typeof event.eventName, 'string');
		assert.equal(typeof event.principal.label, 'string');
		assert.equal(typeof event.source.kind, 'string');
		assert.equal(event.recordIndex, 3);
	}

	assert.equal(normalise({eventName: 42}).eventName, '42');
	assert.equal(normalise({}).eventName, '');
});

test('every event has the same keys, whatever the record holds', () => {
	const keys = (record: Record<string, unknown>) =>
		Object.keys(normalise(record)).join(',');
	assert.equal(keys({}), keys(caseRecords('BR-18.json')[0]!));
});
