import {test} from 'node:test';
import assert from 'node:assert/strict';
import {scanRecords} from '../../source/load/records-scanner.js';

const slices = (text: string) =>
	scanRecords(text).elements.map((span) => text.slice(span.start, span.end));

test('brackets and quotes inside strings do not end a record', () => {
	const first = String.raw`{"a":"} ] { [ \" \\","b":{"c":[1,{}]}}`;
	const text = `{"Records":[${first},{"d":"\\\\"}, {"e":1`;
	assert.deepEqual(slices(text), [first, String.raw`{"d":"\\"}`]);
	const scan = scanRecords(text);
	assert.equal(scan.closed, false);
	assert.equal(scan.damage, 'the file ends inside record 3');
});

test('keys before Records are skipped, values of any kind included', () => {
	const text = '{"x":[1,{"Records":[9]}],"y":"]","Records":[{"a":1}]}';
	assert.deepEqual(slices(text), ['{"a":1}']);
	assert.equal(scanRecords(text).closed, true);
});

test('a top-level array is scanned like a Records array', () => {
	assert.deepEqual(slices(' [ {"a":1} , {"b":2} ]'), ['{"a":1}', '{"b":2}']);
});

test('mismatched brackets stop the scan at that record', () => {
	const scan = scanRecords('{"Records":[{"a":1},{"b":[2}]}');
	assert.equal(scan.elements.length, 1);
	assert.equal(scan.damage, 'brackets do not match in record 2');
});

test('text without a reachable Records array is not found', () => {
	assert.equal(scanRecords('{"Events":[{}]}').found, false);
	assert.equal(scanRecords('{"x": nul').found, false);
	assert.equal(scanRecords('hello').found, false);
});
