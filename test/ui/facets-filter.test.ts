import {test} from 'node:test';
import assert from 'node:assert/strict';
import {facetFields, matchFields} from '../../source/ui/facets-fields.js';
import {isSubsequence, narrow} from '../../source/ui/facets-filter.js';

const values = [
	'GetObject',
	'ListBuckets',
	'ListObjects',
	'CreateLogStream',
	'list',
	'AssumeRole',
];

const names = (query: string, limit?: number) =>
	narrow(values, (value) => value, query, limit).rows;

test('typing narrows: whole values, then starts, then holds, then letters in order', () => {
	assert.deepEqual(names('list'), ['list', 'ListBuckets', 'ListObjects']);
	assert.deepEqual(names('object'), ['GetObject', 'ListObjects']);
	assert.deepEqual(names('lbk'), ['ListBuckets']);
	assert.deepEqual(names('LOGSTR'), ['CreateLogStream']);
	assert.deepEqual(names('zz'), []);
	// Nothing typed: the list as it is.
	assert.deepEqual(names('  '), values);
});

test('at most the limit is kept, and the rest is counted', () => {
	const many = Array.from({length: 100_000}, (_, i) => `value-${i}`);
	const all = narrow(many, (v) => v, '', 1000);
	assert.equal(all.rows.length, 1000);
	assert.equal(all.more, 99_000);
	const some = narrow(many, (v) => v, 'value-99', 50);
	assert.equal(some.rows.length, 50);
	assert.equal(some.rows[0], 'value-99');
	assert.deepEqual(some.rows.slice(0, 2), ['value-99', 'value-990']);
	assert.equal(
		some.rows.length + some.more,
		many.filter((value) => isSubsequence('value-99', value)).length,
	);
});

test('a subsequence keeps its letters in order', () => {
	assert.ok(isSubsequence('gto', 'getobject'));
	assert.ok(!isSubsequence('otg', 'getobject'));
	assert.ok(isSubsequence('', 'x'));
});

test('the field step lists the named fields, and what else was typed as a path', () => {
	assert.equal(matchFields('').rows.length, facetFields.length);
	assert.deepEqual(
		matchFields('ip').rows.map((field) => field.name),
		['ip', 'principal'],
	);
	const path = matchFields('requestParameters.bucketName').rows;
	assert.deepEqual(path.at(-1), {
		name: 'requestParameters.bucketName',
		about: 'a path into the record',
		path: true,
	});
	// Not a path: spaces and operators.
	assert.deepEqual(matchFields('a b').rows, []);
});
