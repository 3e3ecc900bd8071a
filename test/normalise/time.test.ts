import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {
	formatTime,
	parseEventTime,
	timeTextOf,
} from '../../source/normalise/time.js';
import {readFileSync} from 'node:fs';
import {caseFile, projectRoot} from '../helpers/paths.js';
import {caseEvents} from './case-records.js';

const iso = (text: string) => formatTime(parseEventTime(text));

test('CloudTrail eventTime is read as UTC and written back the same', () => {
	assert.equal(iso('2018-11-28T23:09:28Z'), '2018-11-28T23:09:28Z');
	assert.equal(
		parseEventTime('2024-05-01T10:00:00Z'),
		Date.UTC(2024, 4, 1, 10),
	);
});

test('a time without a zone is read as UTC, not as local time', () => {
	assert.equal(iso('2024-05-01 10:00:00'), '2024-05-01T10:00:00Z');
	assert.equal(iso('2024-05-01T10:00:00'), '2024-05-01T10:00:00Z');
	assert.equal(iso('2024-05-01 10:00:00.123456789'), '2024-05-01T10:00:00Z');
	assert.equal(
		parseEventTime('2024-05-01 10:00:00.123456789'),
		Date.UTC(2024, 4, 1, 10, 0, 0, 123),
	);
});

test('explicit offsets are converted to UTC (BR-06 item 2)', () => {
	assert.equal(iso('2024-05-01T12:00:05+02:00'), '2024-05-01T10:00:05Z');
	assert.equal(iso('2024-05-01T02:00:05-08:00'), '2024-05-01T10:00:05Z');
	assert.equal(iso('2024-05-01T15:30:05+0530'), '2024-05-01T10:00:05Z');
});

test('epoch seconds as lookup-events writes them are read (BR-06 item 1)', () => {
	assert.equal(
		formatTime(parseEventTime(1714557600.0)),
		'2024-05-01T10:00:00Z',
	);
	assert.equal(iso('1714557600.0'), '2024-05-01T10:00:00Z');
	assert.equal(
		formatTime(parseEventTime(1714557600000)),
		'2024-05-01T10:00:00Z',
	);
});

test('BR-06 outer EventTime and inner eventTime give the same UTC times', () => {
	const lookup = JSON.parse(readFileSync(caseFile('BR-06.json'), 'utf8')) as {
		Events: Array<{EventTime: unknown; CloudTrailEvent: string}>;
	};
	const outer = lookup.Events.map((item) =>
		formatTime(parseEventTime(item.EventTime)),
	);
	const inner = lookup.Events.map((item) =>
		iso((JSON.parse(item.CloudTrailEvent) as {eventTime: string}).eventTime),
	);
	const expected = ['2024-05-01T10:00:00Z', '2024-05-01T10:00:05Z'];
	assert.deepEqual(outer, expected);
	assert.deepEqual(inner, expected);
});

test('unreadable times give NaN and an empty formatted time', () => {
	for (const bad of [
		'...',
		'redacted',
		'',
		'2024-13-01T00:00:00Z',
		'2023-02-29T00:00:00Z',
		'2024-05-01T25:00:00Z',
		null,
		undefined,
		{},
		[],
	]) {
		assert.ok(Number.isNaN(parseEventTime(bad)), String(bad));
	}

	assert.equal(formatTime(Number.NaN), '');
	assert.equal(iso('2024-02-29T00:00:00Z'), '2024-02-29T00:00:00Z');
});

test('BR-22 events sort by eventTime across files and midnight', () => {
	const events = [...caseEvents('BR-22.a.json'), ...caseEvents('BR-22.b.json')];
	const ordered = events
		.slice()
		.sort((a, b) => a.time - b.time)
		.map((event) => `${event.timeText} ${event.eventName}`);
	assert.deepEqual(ordered, [
		'2024-04-30T23:58:10Z ListBuckets',
		'2024-05-01T00:01:00Z GetBucketAcl',
		'2024-05-01T00:03:00Z DeleteBucket',
	]);
});

test('BR-22 parsing gives the same result under TZ=Asia/Kolkata', () => {
	const moduleUrl = pathToFileURL(
		path.join(projectRoot, 'dist', 'source', 'normalise', 'time.js'),
	).href;
	const script = `
		const {parseEventTime, formatTime} = await import(${JSON.stringify(moduleUrl)});
		const inputs = ['2024-04-30T23:58:10Z', '2024-05-01 00:01:00', '2024-05-01T05:33:00+05:30'];
		process.stdout.write(JSON.stringify({
			offset: new Date(2024, 4, 1).getTimezoneOffset(),
			times: inputs.map((t) => parseEventTime(t)),
			texts: inputs.map((t) => formatTime(parseEventTime(t))),
		}));
	`;
	const output = execFileSync(
		process.execPath,
		['--input-type=module', '-e', script],
		{env: {...process.env, TZ: 'Asia/Kolkata'}},
	).toString();
	const result = JSON.parse(output) as {
		offset: number;
		times: number[];
		texts: string[];
	};
	// The child really ran in India's zone, so a local-time parse would show.
	assert.equal(result.offset, -330);
	assert.deepEqual(result.times, [
		Date.UTC(2024, 3, 30, 23, 58, 10),
		Date.UTC(2024, 4, 1, 0, 1),
		Date.UTC(2024, 4, 1, 0, 3),
	]);
	assert.deepEqual(result.texts, [
		'2024-04-30T23:58:10Z',
		'2024-05-01T00:01:00Z',
		'2024-05-01T00:03:00Z',
	]);
});

test('the shown time is canonical UTC, or the raw text when unreadable', () => {
	const show = (value: unknown) => timeTextOf(value, parseEventTime(value));
	assert.equal(show('2018-11-28T23:09:28Z'), '2018-11-28T23:09:28Z');
	assert.equal(show('2018-11-28 23:09:28.5'), '2018-11-28T23:09:28Z');
	assert.equal(show(1714557600), '2024-05-01T10:00:00Z');
	assert.equal(show('...'), '...');
	assert.equal(show(undefined), '');
	assert.equal(show({at: 1}), '{"at":1}');
	assert.equal(show('x'.repeat(500)).length, 64);
});
