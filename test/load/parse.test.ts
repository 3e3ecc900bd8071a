import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseText} from '../../source/load/parse.js';

const event = (id: string) => ({eventID: id, eventName: 'ListBuckets'});
const ids = (text: string) =>
	parseText(text, 'f.json').records.map((parsed) => parsed.record['eventID']);

test('a compact Records file gives its records with their positions', () => {
	const parsed = parseText(
		JSON.stringify({Records: [event('a'), event('b')]}),
		'f.json',
	);
	assert.equal(parsed.kind, 'records');
	assert.deepEqual(
		parsed.records.map((record) => [record.record['eventID'], record.index]),
		[
			['a', 0],
			['b', 1],
		],
	);
	assert.deepEqual(parsed.problems, []);
});

test('a bare array of events and a single bare event are read', () => {
	assert.deepEqual(ids(JSON.stringify([event('a'), event('b')])), ['a', 'b']);
	assert.deepEqual(ids(JSON.stringify(event('c'))), ['c']);
});

test('JSON Lines may mix bare events, Records batches and arrays', () => {
	const text = [
		JSON.stringify(event('a')),
		JSON.stringify({Records: [event('b'), event('c')]}),
		'   ',
		JSON.stringify([event('d')]),
	].join('\r\n');
	const parsed = parseText(text, 'f.jsonl');
	assert.equal(parsed.kind, 'lines');
	assert.deepEqual(
		parsed.records.map((record) => [record.record['eventID'], record.index]),
		[
			['a', 0],
			['b', 1],
			['c', 2],
			['d', 3],
		],
	);
});

test('a broken line in JSON Lines is one error naming the line, the rest loads', () => {
	const text = [
		JSON.stringify(event('a')),
		'{"eventID": "b",',
		JSON.stringify(event('c')),
	].join('\n');
	const parsed = parseText(text, 'f.jsonl');
	assert.deepEqual(
		parsed.records.map((record) => record.record['eventID']),
		['a', 'c'],
	);
	assert.equal(parsed.partial, true);
	assert.equal(parsed.problems.length, 1);
	assert.equal(parsed.problems[0]!.level, 'error');
	assert.equal(parsed.problems[0]!.record, 1);
	assert.match(parsed.problems[0]!.message, /^line 2: broken JSON: /);
});

test('records that are not objects are reported by index and skipped', () => {
	const parsed = parseText('{"Records":[{"eventID":"a"},null,7]}', 'f.json');
	assert.deepEqual(
		parsed.records.map((record) => record.index),
		[0],
	);
	assert.deepEqual(
		parsed.problems.map((problem) => [problem.level, problem.record]),
		[
			['warning', 1],
			['warning', 2],
		],
	);
	assert.match(parsed.problems[0]!.message, /^record 2 is null/);
});

test('a missing comma between records costs one error and no record', () => {
	const pretty = JSON.stringify(
		{Records: [event('a'), event('b'), event('c')]},
		undefined,
		2,
	);
	// Remove the comma between the second and third records.
	const cut = pretty.lastIndexOf('},');
	const broken = pretty.slice(0, cut + 1) + pretty.slice(cut + 2);
	const parsed = parseText(broken, 'f.json');
	assert.deepEqual(
		parsed.records.map((record) => record.record['eventID']),
		['a', 'b', 'c'],
	);
	assert.equal(parsed.damage, undefined);
	assert.equal(parsed.partial, false);
	assert.equal(parsed.problems.length, 1);
	assert.equal(parsed.problems[0]!.level, 'error');
	assert.equal(parsed.problems[0]!.record, 2);
	assert.match(
		parsed.problems[0]!.message,
		/^missing ',' between record 2 and record 3 at line 11, column 5/,
	);
});

test('a record broken inside is named and skipped, and the records after it are kept', () => {
	const parsed = parseText(
		'{"Records":[{"eventID":"a"},{"eventID" "b"},{"eventID":"c"}]}',
		'f.json',
	);
	assert.deepEqual(
		parsed.records.map((record) => [record.record['eventID'], record.index]),
		[
			['a', 0],
			['c', 2],
		],
	);
	assert.equal(parsed.partial, true);
	assert.equal(parsed.problems.length, 1);
	assert.equal(parsed.problems[0]!.record, 1);
	assert.match(parsed.problems[0]!.message, /^record 2: broken JSON at line 1/);
});

test('a file cut inside a record keeps the complete ones', () => {
	const whole = JSON.stringify({Records: [event('a'), event('b')]});
	const parsed = parseText(whole.slice(0, -8), 'f.json');
	assert.deepEqual(
		parsed.records.map((record) => record.record['eventID']),
		['a'],
	);
	assert.match(parsed.damage!.message, /the file ends inside record 2/);
});

test('garbage after a complete Records array keeps every record', () => {
	const parsed = parseText('{"Records":[{"eventID":"a"}]} trailing', 'f');
	assert.equal(parsed.records.length, 1);
	assert.equal(parsed.partial, false);
	assert.match(parsed.damage!.message, /after the Records array/);
});

test('JSON that is broken before any Records is one error with a place', () => {
	const parsed = parseText('{"other": tru', 'f.json');
	assert.equal(parsed.kind, 'broken');
	assert.deepEqual(parsed.records, []);
	assert.match(parsed.damage!.message, /^not valid JSON/);
});

test('digests, empty files and unknown JSON are told apart', () => {
	const digest = parseText('{"logFiles":[],"digestEndTime":"x"}', 'd');
	assert.equal(digest.kind, 'digest');
	assert.equal(digest.problems[0]!.level, 'info');
	assert.equal(parseText('{"Records":[]}', 'e').kind, 'empty');
	assert.deepEqual(parseText('{"Records":[]}', 'e').problems, []);
	assert.equal(parseText('[]', 'e').kind, 'empty');
	const blank = parseText(' \r\n', 'z');
	assert.equal(blank.kind, 'empty');
	assert.equal(blank.problems[0]!.message, 'empty file');
	const unknown = parseText('{}', 'u');
	assert.equal(unknown.kind, 'not-cloudtrail');
	assert.deepEqual(
		unknown.problems.map((problem) => [problem.level, problem.message]),
		[['warning', 'no Records array / unrecognised JSON']],
	);
	const policy = parseText('{"Version":"2012-10-17","Statement":[]}', 'p');
	assert.equal(policy.kind, 'not-cloudtrail');
	assert.equal(policy.problems[0]!.level, 'info');
});

test('lookup-events output reads each embedded event and its EventTime', () => {
	const inner = JSON.stringify(event('a'));
	const parsed = parseText(
		JSON.stringify({
			Events: [
				{EventTime: 1714557600.5, CloudTrailEvent: inner},
				{EventTime: '2024-05-01T12:00:05+02:00', CloudTrailEvent: '{bad'},
				{EventTime: 'garbage', CloudTrailEvent: inner},
			],
		}),
		'l.json',
	);
	assert.equal(parsed.kind, 'lookup-events');
	assert.deepEqual(
		parsed.records.map((record) => [record.index, record.fallbackTime]),
		[
			[0, 1714557600500],
			[2, undefined],
		],
	);
	assert.equal(parsed.partial, true);
	assert.equal(parsed.problems[0]!.level, 'error');
	assert.match(parsed.problems[0]!.message, /^record 2: CloudTrailEvent/);
});

test('thousands of bad records are counted, not listed one by one', () => {
	const parsed = parseText(`[${'1,'.repeat(5000)}1]`, 'many.json');
	assert.equal(parsed.problems.length, 21);
	assert.match(parsed.problems[20]!.message, /and 4981 more problems/);
});

test('escape sequences quoted from broken JSON are shown, not passed on', () => {
	const parsed = parseText('{"a": x\u001b[2J\u009b}', 'hostile.json');
	assert.ok(parsed.damage);
	assert.ok(!parsed.damage.message.includes('\u001b'));
	assert.ok(!parsed.damage.message.includes('\u009b'));
	assert.match(parsed.damage.message, /\\u001b\[2J\\u009b/);
});
