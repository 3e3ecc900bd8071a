import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
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

const mebibyte = 1024 * 1024;
const goodLog = () => readFile(caseFile('BR-03.json'));
const event = (id: string, extra: Record<string, unknown> = {}) => ({
	eventVersion: '1.08',
	eventID: id,
	eventTime: '2024-05-01T10:00:00Z',
	eventName: 'ListBuckets',
	eventSource: 's3.amazonaws.com',
	...extra,
});
const ids = (records: ReadonlyArray<{record: Record<string, unknown>}>) =>
	records.map(({record}) => record['eventID']);

test('a file whose name is not UTF-8 loads under a name that shows its bad bytes', async () => {
	const folder = path.join(scratch.dir, 'names');
	await mkdir(folder);
	const name = Buffer.concat([
		Buffer.from(`${folder}/bad-`),
		Buffer.from([0xff, 0xfe]),
		Buffer.from('.json'),
	]);
	await writeFile(name, await goodLog());
	const {records, summary} = await loadRecords([folder]);
	assert.equal(summary.events, 3, show(summary.problems));
	assert.deepEqual(summary.problems, []);
	assert.equal(records[0]!.file, path.join(folder, 'bad-\\xff\\xfe.json'));
});

test('records that share an eventID but differ are both kept with a warning naming both', async () => {
	const real = event('x1', {userName: 'alice', sourceIPAddress: '10.0.0.1'});
	const forged = event('x1', {userName: 'bob', sourceIPAddress: '8.8.8.8'});
	const a = await scratch.write(
		'conflict/a.json',
		JSON.stringify({Records: [event('a0'), real]}),
	);
	const b = await scratch.write(
		'conflict/b.json',
		JSON.stringify({Records: [event('b0'), forged]}),
	);
	const {records, summary} = await loadRecords([`${scratch.dir}/conflict`]);
	assert.deepEqual(ids(records), ['a0', 'x1', 'b0', 'x1']);
	assert.equal(summary.duplicates, 0);
	const warnings = ofLevel(summary.problems, 'warning');
	assert.deepEqual(
		warnings.map((warning) => warning.message),
		[
			`2 records share eventID x1 but differ (${a} record 2, ${b} record 2): ` +
				'both kept; one may be forged',
		],
	);
});

test('identical copies merge and the kept one is attributed to the file without problems', async () => {
	const gzip = gzipSync(await goodLog());
	await scratch.write(
		'copies/appended.json.gz',
		Buffer.concat([gzip, Buffer.from('APPENDED')]),
	);
	const good = await scratch.write('copies/good.json.gz', gzip);
	const {records, summary} = await loadRecords([`${scratch.dir}/copies`]);
	assert.equal(summary.events, 3);
	assert.equal(summary.duplicates, 3);
	assert.deepEqual(
		records.map((record) => [record.file, record.index]),
		[
			[good, 0],
			[good, 1],
			[good, 2],
		],
	);
});

test('glued JSON objects are read as a stream of events and Records batches', async () => {
	const glued =
		JSON.stringify(event('g0')) +
		JSON.stringify({Records: [event('g1'), event('g2')]}) +
		'\n' +
		JSON.stringify(event('g3'));
	const file = await scratch.write('glued/firehose', glued);
	const {records, summary} = await loadRecords([file]);
	assert.deepEqual(ids(records), ['g0', 'g1', 'g2', 'g3']);
	assert.deepEqual(ofLevel(summary.problems, 'error'), []);
	assert.equal(summary.partialFiles, 0);
});

test('a NUL byte inside the first record costs that record only, named by number', async () => {
	const text = JSON.stringify({
		Records: [event('n0'), event('n1'), event('n2')],
	}).replace('"n0"', '"n\0"');
	const file = await scratch.write('nul/log.json', text);
	const {records, summary} = await loadRecords([file]);
	assert.deepEqual(ids(records), ['n1', 'n2']);
	assert.deepEqual(
		records.map((record) => record.index),
		[1, 2],
	);
	const errors = ofLevel(summary.problems, 'error');
	assert.equal(errors.length, 1, show(summary.problems));
	assert.equal(errors[0]!.file, file);
	assert.equal(errors[0]!.record, 0);
	assert.match(
		errors[0]!.message,
		/^record 1: broken JSON .*control character/i,
	);
	assert.equal(summary.partialFiles, 1);
});

test('NUL padding after a plain JSON file is not an error', async () => {
	const file = await scratch.write(
		'padded/log.json',
		Buffer.concat([await goodLog(), Buffer.alloc(5000)]),
	);
	const {summary} = await loadRecords([file]);
	assert.equal(summary.events, 3);
	assert.deepEqual(summary.problems, []);
});

test('a gzip past the cap keeps the complete records before it, marked partial', async () => {
	const many = Array.from({length: 3000}, (_, i) => event(`c${i}`));
	const file = await scratch.write(
		'capped/big.json.gz',
		gzipSync(JSON.stringify({Records: many})),
	);
	const {records, summary} = await loadRecords([file], {
		maxDecodedBytes: 64 * 1024,
	});
	assert.ok(records.length > 100 && records.length < 3000, `${records.length}`);
	assert.equal(summary.partialFiles, 1);
	const errors = ofLevel(summary.problems, 'error');
	assert.equal(errors.length, 1, show(summary.problems));
	assert.match(errors[0]!.message, /--max-file-mb/);
	assert.match(errors[0]!.message, /complete records? kept before the cut/);
});

test('a decompression bomb of zeros is stopped at the cap, naming --max-file-mb', async () => {
	const file = await scratch.write(
		'zeros/bomb.gz',
		gzipSync(Buffer.alloc(32 * mebibyte), {level: 1}),
	);
	const {summary} = await loadRecords([file], {maxDecodedBytes: mebibyte});
	assert.equal(summary.events, 0);
	const errors = ofLevel(summary.problems, 'error');
	assert.equal(errors.length, 1, show(summary.problems));
	assert.match(errors[0]!.message, /cap of 1 MiB .*--max-file-mb/);
	assert.doesNotMatch(errors[0]!.message, /maxDecodedBytes/);
});

test('an empty folder gives a warning that no files were found in it', async () => {
	const folder = path.join(scratch.dir, 'empty');
	await mkdir(path.join(folder, 'inner'), {recursive: true});
	const {summary} = await loadRecords([folder]);
	assert.deepEqual(
		summary.problems.map((problem) => [problem.level, problem.message]),
		[['warning', `no files found in ${folder}`]],
	);
});

test('UTF-16 without a byte-order mark is read, with a hint about the encoding', async () => {
	const text = (await goodLog()).toString('utf8');
	const file = await scratch.write(
		'utf16/log.json',
		Buffer.from(text, 'utf16le'),
	);
	const {summary} = await loadRecords([file]);
	assert.equal(summary.events, 3, show(summary.problems));
	assert.match(
		show(summary.problems),
		/UTF-16LE text without a byte-order mark/,
	);
});

test('a Records batch nested in Records is read as its records, not a phantom event', async () => {
	const file = await scratch.write(
		'nested/log.json',
		JSON.stringify({
			Records: [event('o0'), {Records: [event('i0'), event('i1')]}],
		}),
	);
	const {records} = await loadRecords([file]);
	assert.deepEqual(ids(records), ['o0', 'i0', 'i1']);
});
