import assert from 'node:assert/strict';
import {test} from 'node:test';
import {countValues} from '../../source/query/field-values.js';
import {parseFilter} from '../../source/query/filter.js';
import {quoteValue} from '../../source/query/quote-value.js';
import {makeEvents} from '../helpers/make-event.js';

const events = makeEvents([
	{eventName: 'ListBuckets', ip: '203.0.113.9', role: 'level3'},
	{eventName: 'ListBuckets', ip: '203.0.113.9', role: 'level3'},
	{eventName: 'GetObject', ip: '198.51.100.1', user: 'alice'},
	{eventName: 'ListBuckets', ip: null, user: 'alice'},
]);

test('values come most frequent first, with counts and the missing', () => {
	const names = countValues(events, 'eventName');
	assert.deepEqual(names.values, [
		{value: 'ListBuckets', count: 3},
		{value: 'GetObject', count: 1},
	]);
	assert.equal(names.distinct, 2);
	assert.equal(names.missing, 0);

	const ips = countValues(events, 'ip', 1);
	assert.deepEqual(ips.values, [{value: '203.0.113.9', count: 2}]);
	assert.equal(ips.distinct, 2);
	assert.equal(ips.missing, 1);
});

test('field=value matches exactly the events counted for the value', () => {
	for (const field of ['eventName', 'ip', 'principal', 'role', 'user']) {
		for (const {value, count} of countValues(events, field).values) {
			const parsed = parseFilter(`${field}=${quoteValue(value)}`);
			assert.ok(parsed.ok, `${field}=${value}`);
			const matched = events.filter((e) => parsed.filter.test(e)).length;
			assert.equal(matched, count, `${field}=${value}`);
		}
	}
});
