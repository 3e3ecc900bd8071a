import {test} from 'node:test';
import assert from 'node:assert/strict';
import {boundedJson} from '../../source/core/bounded-json.js';
import {parseFilter} from '../../source/query/filter.js';
import {valuesAtPath} from '../../source/query/filter-fields.js';
import {createSearchIndex, searchEvents} from '../../source/query/search.js';
import {makeEvent} from '../helpers/make-event.js';

/** `levels` arrays, one inside the other, around `inner`. */
function nested(levels: number, inner: unknown): unknown {
	let value = inner;
	for (let i = 0; i < levels; i++) {
		value = [value];
	}

	return value;
}

const deep = makeEvent({
	requestParameters: {x: nested(10_000, 1), bucketName: 'deep-bucket'},
});

function test10k(filter: string): boolean {
	const parsed = parseFilter(filter);
	assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
	return parsed.filter.test(deep);
}

test('a filter on a value nested 10,000 deep does not throw', () => {
	assert.doesNotThrow(() => test10k('requestParameters.x=1'));
	assert.doesNotThrow(() => test10k('requestParameters~1'));
	assert.doesNotThrow(() => test10k('requestParameters.x~"]]]"'));
});

test('what lies past the depth bound does not match; what lies before it does', () => {
	assert.equal(test10k('requestParameters.x=1'), false);
	assert.equal(test10k('requestParameters~deep-bucket'), true);
	assert.equal(test10k('requestParameters.bucketName=deep-bucket'), true);
});

test('the bounded JSON of ordinary values is what JSON.stringify writes', () => {
	const values: unknown[] = [
		{a: [1, 'x"y', {b: null, c: true, u: undefined}], d: {}, e: []},
		[nested(50, 'z'), -0.5, 'é\n'],
		'text',
		null,
	];
	for (const value of values) {
		assert.equal(boundedJson(value, 10_000), JSON.stringify(value));
	}
});

test('the bounded JSON stops at its depth and at its length', () => {
	const text = boundedJson(nested(10_000, 1), 1_000_000, 100);
	assert.equal(text, `${'['.repeat(100)}…${']'.repeat(100)}`);
	assert.equal(boundedJson(nested(10_000, 1), 30).length, 30);
	assert.deepEqual(valuesAtPath({a: nested(3, 2)}, 'a'), ['[[[2]]]']);
});

test('search over a record nested 10,000 deep does not throw', () => {
	const index = createSearchIndex([deep]);
	assert.deepEqual(searchEvents(index, 'deep-bucket'), [deep.seq]);
});
