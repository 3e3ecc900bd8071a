import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseEventTime} from '../../source/normalise/time.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {openDataset} from '../../source/pipeline.js';
import {formatTime} from '../../source/ui/table-columns.js';

const outOfRange: unknown[] = [
	1e16,
	'10000000000000000',
	1.23e29,
	'1.23e29',
	-1e16,
	Number.MAX_VALUE,
	Infinity,
];

test('a time a Date cannot hold is NaN, never a number that crashes later', () => {
	for (const value of outOfRange) {
		const ms = parseEventTime(value);
		assert.ok(Number.isNaN(ms), `${String(value)} gave ${ms}`);
	}
});

test('every parsed time is NaN or one that toISOString accepts', () => {
	const values: unknown[] = [
		...outOfRange,
		8.64e15,
		'8640000000000000',
		'275760-09-13T00:00:00Z',
		'9999-12-31T23:59:60Z',
		'2024-02-30T10:00:00Z',
		0,
		'0001-01-01T00:00:00Z',
	];
	for (const value of values) {
		const ms = parseEventTime(value);
		if (!Number.isNaN(ms)) {
			assert.doesNotThrow(() => new Date(ms).toISOString(), String(value));
		}
	}
});

test('a loader fallback time out of range is not used', () => {
	const event = normaliseRecord(
		{record: {}, file: 'x.json', index: 0, fallbackTime: 1e20},
		bundledRanges(),
	);
	assert.ok(Number.isNaN(event.time));
});

test('the table shows — for an unreadable or missing time, never the raw text', () => {
	for (const eventTime of [1e16, '2024-02-30T10:00:00Z', undefined]) {
		const event = normaliseRecord(
			{record: {eventTime}, file: 'x.json', index: 0},
			bundledRanges(),
		);
		assert.equal(formatTime(event, 'time'), '—');
		assert.equal(formatTime(event, 'full'), '—');
	}
});

test('each file with unreadable times gets one warning naming the first record', async () => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailtui-time-'));
	try {
		const good = {eventTime: '2024-05-01T10:00:00Z', eventName: 'A'};
		const records = [
			good,
			{...good, eventID: '2'},
			{eventTime: '2024-02-30T10:00:00Z', eventID: '3'},
			{eventTime: 1e16, eventID: '4'},
		];
		await fs.writeFile(
			path.join(dir, 'a.json'),
			JSON.stringify({Records: records}),
		);
		await fs.writeFile(
			path.join(dir, 'b.json'),
			JSON.stringify({Records: [{...good, eventID: '5'}]}),
		);
		const dataset = await openDataset([dir]);
		const warnings = dataset.summary.problems.filter((problem) =>
			problem.message.includes('unreadable eventTime'),
		);
		assert.equal(warnings.length, 1);
		assert.equal(warnings[0]?.level, 'warning');
		assert.equal(path.basename(warnings[0]?.file ?? ''), 'a.json');
		assert.equal(
			warnings[0]?.message,
			'2 records with an unreadable eventTime (record 3: "2024-02-30T10:00:00Z"): shown last, with — as time',
		);
		const last = dataset.events.at(-1);
		assert.ok(last && Number.isNaN(last.time));
	} finally {
		await fs.rm(dir, {recursive: true, force: true});
	}
});
