import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import test from 'node:test';
import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {openDataset} from '../../source/pipeline.js';
import {referenceDataset} from '../helpers/reference-pipeline.js';
import {caseFile, sample, sharedData} from '../helpers/paths.js';
import {makeScratch} from './scratch.js';
import {ensureDataset} from '../../bench/generate.js';
import {logsRoot} from '../../bench/files.js';

/**
Loading on worker threads into the compact store must give what the
one-thread loader with full records gives: the same events in the same
order, the same fields, records, flags, findings and summary.
*/

function eventView(event: TrailEvent): unknown {
	return {
		seq: event.seq,
		file: event.file,
		recordIndex: event.recordIndex,
		eventId: event.eventId,
		time: event.time,
		timeText: event.timeText,
		eventName: event.eventName,
		eventSource: event.eventSource,
		region: event.region,
		eventType: event.eventType,
		errorCode: event.errorCode,
		errorMessage: event.errorMessage,
		outcome: event.outcome,
		userAgent: event.userAgent,
		console: event.console,
		// JSON drops the keys that hold undefined, which the store does too.
		principal: JSON.parse(JSON.stringify(event.principal)) as unknown,
		source: JSON.parse(JSON.stringify(event.source)) as unknown,
		flags: event.flags,
	};
}

function assertSame(actual: Dataset, expected: Dataset, label: string): void {
	assert.equal(actual.events.length, expected.events.length, label);
	for (const [seq, event] of expected.events.entries()) {
		const got = actual.events[seq]!;
		assert.deepEqual(eventView(got), eventView(event), `${label} #${seq}`);
		assert.deepEqual(got.record, event.record, `${label} record #${seq}`);
	}

	assert.deepEqual(actual.summary, expected.summary, `${label} summary`);
	assert.deepEqual(actual.findings, expected.findings, `${label} findings`);
}

async function check(paths: string[], label: string): Promise<void> {
	const expected = await referenceDataset(paths);
	for (const threads of [2, 0]) {
		const actual = await openDataset(paths, {threads});
		assertSame(actual, expected, `${label}, ${threads} threads`);
	}
}

test('flaws2: threads and one thread match the full-record loader', async () => {
	await check([sample('flaws2')], 'flaws2');
});

test('the shared cases match, damaged and duplicated files included', async () => {
	await check([path.dirname(caseFile('BR-01.log.json'))], 'cases');
});

function call(id: number, extra: Record<string, unknown> = {}): unknown {
	return {
		eventVersion: '1.08',
		eventID: `id-${id}`,
		eventTime: `2024-05-01T10:${String(id % 60).padStart(2, '0')}:00Z`,
		eventSource: 's3.amazonaws.com',
		eventName: id % 3 === 0 ? 'PutBucketPolicy' : 'ListBuckets',
		awsRegion: 'us-east-1',
		sourceIPAddress: '203.0.113.9',
		userAgent: 'aws-cli/2.15.0 Python/3.11 Darwin/23.0.0 exe/x86_64',
		readOnly: id % 3 !== 0,
		requestParameters: id % 2 === 0 ? null : {bucketName: `b-${id % 5}`},
		userIdentity: {
			type: 'IAMUser',
			userName: `user-${id % 4}`,
			accountId: '111122223333',
			accessKeyId: `AKIAEXAMPLE${id % 4}`,
		},
		...extra,
	};
}

function records(from: number, count: number): string {
	return JSON.stringify({
		Records: Array.from({length: count}, (_, i) => call(from + i)),
	});
}

test('every way a file is kept gives back the records read', async () => {
	const scratch = await makeScratch();
	try {
		const gz = (text: string | Buffer) => gzipSync(text);
		// Clean gzip, kept as its own bytes.
		await scratch.write('a/clean.json.gz', gz(records(0, 50)));
		// Gzip padded with zeros, as a copy tool may leave it.
		await scratch.write(
			'a/padded.json.gz',
			Buffer.concat([gz(records(100, 10)), Buffer.alloc(64)]),
		);
		// A byte-order mark, and a large plain file compressed on load.
		await scratch.write('b/bom.json', `\uFEFF${records(200, 5)}`);
		await scratch.write('b/large.json', records(300, 900));
		await scratch.write(
			'b/padded.json',
			Buffer.concat([Buffer.from(records(1200, 3)), Buffer.alloc(32)]),
		);
		// Files whose decoding met a problem: kept as decoded text.
		await scratch.write(
			'c/utf16.json',
			Buffer.from(`\uFEFF${records(1300, 4)}`, 'utf16le'),
		);
		await scratch.write(
			'c/cut.json.gz',
			gz(records(1400, 40)).subarray(0, 900),
		);
		await scratch.write('c/twice.json.gz', gz(gz(records(1500, 3))));
		await scratch.write(
			'c/latin1.json',
			Buffer.from(records(1600, 2).replace('user-0', 'us\u00e9r'), 'latin1'),
		);
		// Copies of the clean file's first events, in a damaged file.
		await scratch.write(
			'd/copies.json',
			`${records(0, 3).slice(0, -2)},{"broken":`,
		);
		// A lookup-events export, whose times come from the wrapper.
		await scratch.write(
			'e/lookup.json',
			JSON.stringify({
				Events: [1700, 1701].map((id) => ({
					EventId: `id-${id}`,
					EventTime: '2024-05-01T11:00:00+00:00',
					CloudTrailEvent: JSON.stringify(call(id, {eventTime: 'bad'})),
				})),
			}),
		);
		await check([scratch.dir], 'scratch');
	} finally {
		await scratch.cleanup();
	}
});

test(
	'../shared/data: threads and one thread match the full-record loader',
	{skip: existsSync(sharedData) ? false : 'no ../shared/data beside the clone'},
	async () => {
		await check([sharedData], 'shared data');
	},
);

test('a generated trail of 20,000 events: threads and one thread match the full-record loader', async () => {
	const dir = path.join(os.tmpdir(), `trailtui-parallel-${process.pid}`);
	try {
		ensureDataset(dir, 20_000, 3);
		await check([logsRoot(dir)], 'generated');
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
