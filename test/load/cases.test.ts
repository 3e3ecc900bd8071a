import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {createGunzip, gzipSync} from 'node:zlib';
import {loadRecords} from '../../source/load/load-records.js';
import {caseFile} from '../helpers/paths.js';
import {ofLevel, show} from './problems.js';
import {type Scratch, makeScratch} from './scratch.js';

let scratch: Scratch;
before(async () => {
	scratch = await makeScratch();
});
after(async () => {
	await scratch.cleanup();
});

const read = (name: string) => readFile(caseFile(name));

describe('BR-01: digest files beside the logs', () => {
	test('loads 2 events and skips both digests, the renamed one by content', async () => {
		const account = 't1/AWSLogs/111122223333';
		const day = 'us-east-1/2024/05/01';
		await scratch.write(
			`${account}/CloudTrail/${day}/111122223333_CloudTrail_us-east-1_20240501T1005Z_EXAMPLEabcd1234.json.gz`,
			gzipSync(await read('BR-01.log.json')),
		);
		await scratch.write(
			`${account}/CloudTrail-Digest/${day}/111122223333_CloudTrail-Digest_us-east-1_example-trail_us-east-1_20240501T100000Z.json.gz`,
			gzipSync(await read('BR-01.digest.json')),
		);
		await scratch.write(
			't1/misc-renamed.json.gz',
			gzipSync(await read('BR-01.digest.json')),
		);
		const {records, summary} = await loadRecords([`${scratch.dir}/t1`]);
		assert.equal(records.length, 2);
		assert.equal(summary.events, 2);
		assert.equal(summary.skippedDigest, 2);
		assert.equal(summary.filesRead, 3);
		assert.deepEqual(ofLevel(summary.problems, 'error'), []);
		assert.deepEqual(ofLevel(summary.problems, 'warning'), []);
		const digestNotes = ofLevel(summary.problems, 'info').filter((problem) =>
			problem.message.includes('digest'),
		);
		assert.equal(digestNotes.length, 2, show(summary.problems));
	});
});

describe('BR-02: the name does not tell the compression', () => {
	test('reads 4 events from 4 files with notes on the misnamed ones', async () => {
		await scratch.write('t2/a.json.gz', gzipSync(await read('BR-02.a.json')));
		await scratch.write('t2/b.json', await read('BR-02.b.json'));
		await scratch.write('t2/c.json.gz', await read('BR-02.c.json'));
		await scratch.write('t2/d.json', gzipSync(await read('BR-02.d.json')));
		const {summary} = await loadRecords([`${scratch.dir}/t2`]);
		assert.equal(summary.events, 4);
		assert.equal(summary.filesRead, 4);
		assert.equal(summary.filesWithErrors, 0);
		const notes = ofLevel(summary.problems, 'info').map((problem) => [
			path.basename(problem.file),
			problem.message,
		]);
		assert.deepEqual(notes, [
			['c.json.gz', 'named .gz but not gzip, read as plain JSON'],
			['d.json', 'gzip content without .gz suffix'],
		]);
	});
});

describe('BR-03: truncated gzip and bytes after the gzip stream', () => {
	test('a truncated gzip keeps the records inside the decoded prefix, with one error', async () => {
		const original = await read('BR-03.json');
		const text = original.toString('utf8').trim();
		const parsed = JSON.parse(text) as {Records: unknown[]};
		// The fixture is compact, so each record's end offset can be computed.
		assert.equal(JSON.stringify(parsed), text);
		const gzip = gzipSync(original);
		const file = await scratch.write(
			't3-alone/truncated.json.gz',
			gzip.subarray(0, gzip.length - 40),
		);
		const prefix = await decodedPrefix(gzip.subarray(0, gzip.length - 40));
		let end = '{"Records":['.length;
		let inside = 0;
		for (const record of parsed.Records) {
			end += JSON.stringify(record).length + (inside > 0 ? 1 : 0);
			if (end <= prefix.length) {
				inside++;
			}
		}

		assert.ok(inside >= 1, 'the cut must leave at least one whole record');
		const {records, summary} = await loadRecords([file]);
		assert.equal(records.length, inside);
		assert.equal(summary.partialFiles, 1);
		const errors = ofLevel(summary.problems, 'error');
		assert.equal(errors.length, 1, show(summary.problems));
		assert.equal(errors[0]!.file, file);
		assert.match(errors[0]!.message, /^unexpected end of gzip data/);
		assert.match(errors[0]!.message, /partial file/);
	});

	test('appended bytes keep all 3 events and warn with the exact count', async () => {
		const gzip = gzipSync(await read('BR-03.json'));
		const file = await scratch.write(
			't3-alone/appended.json.gz',
			Buffer.concat([gzip, Buffer.from('APPENDED')]),
		);
		const {summary} = await loadRecords([file]);
		assert.equal(summary.events, 3);
		assert.deepEqual(
			summary.problems.map((problem) => [problem.level, problem.message]),
			[
				[
					'warning',
					'8 bytes after end of gzip stream: file altered? (aws cloudtrail validate-logs would reject it)',
				],
			],
		);
	});

	test('the three files together: 7 records read, 1 error, 1 warning', async () => {
		const original = await read('BR-03.json');
		const gzip = gzipSync(original);
		await scratch.write('t3/good.json.gz', gzip);
		await scratch.write(
			't3/truncated.json.gz',
			gzip.subarray(0, gzip.length - 40),
		);
		await scratch.write(
			't3/appended.json.gz',
			Buffer.concat([gzip, Buffer.from('APPENDED')]),
		);
		const {summary} = await loadRecords([`${scratch.dir}/t3`]);
		// All three hold the same eventIDs: the copies are merged.
		assert.equal(summary.events + summary.duplicates, 7);
		assert.equal(summary.events, 3);
		assert.equal(ofLevel(summary.problems, 'error').length, 1);
		assert.equal(ofLevel(summary.problems, 'warning').length, 1);
		assert.equal(summary.partialFiles, 1);
		assert.equal(summary.filesWithErrors, 1);
	});
});

/** What a stream decoder yields from a cut gzip before it fails. */
async function decodedPrefix(gzip: Buffer): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		const stream = createGunzip();
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('error', () => resolve(Buffer.concat(chunks).toString()));
		stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
		stream.end(gzip);
	});
}

describe('BR-04: empty Records and empty files', () => {
	test('gives 0 events, warns only on the zero-byte and {} files', async () => {
		const empty = await read('BR-04.json');
		await scratch.write('t4/empty-records.json', empty);
		await scratch.write('t4/empty-records.json.gz', gzipSync(empty));
		await scratch.write('t4/zero-bytes.json', '');
		await scratch.write('t4/no-records.json', '{}');
		const {summary} = await loadRecords([`${scratch.dir}/t4`]);
		assert.equal(summary.events, 0);
		assert.equal(summary.filesRead, 4);
		assert.equal(summary.skippedEmpty, 3);
		assert.deepEqual(
			summary.problems.map((problem) => [
				problem.level,
				path.basename(problem.file),
				problem.message,
			]),
			[
				['warning', 'no-records.json', 'no Records array / unrecognised JSON'],
				['warning', 'zero-bytes.json', 'empty file'],
			],
		);
	});
});

describe('BR-05: JSON Lines and pretty JSON', () => {
	test('JSON Lines with a BOM, CRLF and a blank line gives 4 events', async () => {
		const {records, summary} = await loadRecords([caseFile('BR-05.jsonl')]);
		assert.equal(records.length, 4);
		assert.deepEqual(summary.problems, []);
		assert.deepEqual(
			records.map((sourced) => sourced.record['eventName']),
			['ListBuckets', 'ListUsers', 'ListRoles', 'GetCallerIdentity'],
		);
		assert.deepEqual(
			records.map((sourced) => sourced.index),
			[0, 1, 2, 3],
		);
	});

	test('pretty multi-line JSON gives 2 events and no per-line errors', async () => {
		const {records, summary} = await loadRecords([
			caseFile('BR-05.pretty.json'),
		]);
		assert.equal(records.length, 2);
		assert.deepEqual(summary.problems, []);
	});
});

describe('BR-06: aws cloudtrail lookup-events output', () => {
	test('reads the embedded records with both EventTime formats', async () => {
		const {records, summary} = await loadRecords([caseFile('BR-06.json')]);
		assert.equal(records.length, 2);
		const [first, second] = records;
		const response = first!.record['responseElements'] as {
			accessKey: {accessKeyId: string};
		};
		assert.equal(response.accessKey.accessKeyId, 'AKIAEXAMPLEBOB00001');
		assert.equal(first!.record['eventName'], 'CreateAccessKey');
		assert.equal(first!.fallbackTime, Date.UTC(2024, 4, 1, 10, 0, 0));
		assert.equal(second!.fallbackTime, Date.UTC(2024, 4, 1, 10, 0, 5));
		const identity = second!.record['userIdentity'] as {type: string};
		assert.equal(identity.type, 'AssumedRole');
		assert.deepEqual(
			summary.problems.map((problem) => [problem.level, problem.message]),
			[['info', 'NextToken present: this export is incomplete']],
		);
	});
});

describe('BR-21: the same event delivered by two trails', () => {
	test('keeps 3 of 4 records and notes the duplicate', async () => {
		await scratch.write('t21/BR-21.org.json', await read('BR-21.org.json'));
		await scratch.write('t21/BR-21.acct.json', await read('BR-21.acct.json'));
		const {records, summary} = await loadRecords([`${scratch.dir}/t21`]);
		assert.equal(records.length, 3);
		assert.equal(summary.events, 3);
		assert.equal(summary.duplicates, 1);
		const notes = summary.problems.map((problem) => problem.message);
		assert.deepEqual(notes, ['1 duplicate (same eventID) seen in 2 files']);
		const assumeRoles = records.filter(
			(sourced) => sourced.record['eventName'] === 'AssumeRole',
		);
		assert.equal(assumeRoles.length, 2);
		assert.equal(
			assumeRoles[0]!.record['sharedEventID'],
			assumeRoles[1]!.record['sharedEventID'],
		);
	});
});
