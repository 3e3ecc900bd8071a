import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseQuery} from '../../source/query/filter.js';
import {
	missingPathKeys,
	missingPathWarning,
	pathKeysOf,
} from '../../source/query/filter-paths.js';
import {makeEvents} from '../helpers/make-event.js';

/**
Issue 5, item 9: a record path whose first key no event has is most
likely a typo; the filter still runs, and a warning names the key.
*/

const events = makeEvents([
	{requestParameters: {bucketName: 'a'}},
	{extra: {readOnly: true}},
]);

function query(text: string) {
	const parsed = parseQuery(text);
	assert.ok(parsed.ok, text);
	return parsed.query;
}

test('the keys of every record path a query names, short fields left out', () => {
	assert.deepEqual(
		pathKeysOf(
			query(
				'foo=bar and !(a.b[0].c~x or user=alice) eventName in (x) z in (1)',
			),
		),
		['foo', 'a', 'z'],
	);
	assert.deepEqual(pathKeysOf(query('flagged last 2h ua~x')), []);
});

test('only keys that no loaded event has are missing', () => {
	assert.deepEqual(
		missingPathKeys(
			query('foo=bar or requestParameters.bucketName=a or readOnly=true'),
			events,
		),
		['foo'],
	);
	assert.deepEqual(missingPathKeys(query('foo=1 bar=2'), []), ['foo', 'bar']);
	assert.equal(
		missingPathWarning(['foo', 'bar']),
		'no event has a field named "foo" or "bar"',
	);
	assert.equal(missingPathWarning([]), undefined);
});
