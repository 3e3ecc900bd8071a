import {test} from 'node:test';
import assert from 'node:assert/strict';
import {addClause} from '../../source/investigate/add-clause.js';

test('a clause added to no filter is the filter', () => {
	assert.equal(addClause(undefined, 'ip=203.0.113.9'), 'ip=203.0.113.9');
	assert.equal(addClause('  ', 'flagged'), 'flagged');
});

test('a clause narrows the filter in force with and', () => {
	assert.equal(
		addClause('eventName=ListBuckets', '!ip=203.0.113.9'),
		'eventName=ListBuckets and !ip=203.0.113.9',
	);
});

test('a filter holding or is put in parentheses first', () => {
	assert.equal(
		addClause('region=eu-west-1 or flagged', 'key=AKIA1'),
		'(region=eu-west-1 or flagged) and key=AKIA1',
	);
	assert.equal(addClause('(a=1 or b=2)', 'c=3'), '((a=1 or b=2)) and c=3');
	// "or" inside a quoted value or a word is not an alternative.
	assert.equal(
		addClause('principal="this or that" and error~Error', 'c=3'),
		'principal="this or that" and error~Error and c=3',
	);
	assert.equal(addClause('user=gregor', 'c=3'), 'user=gregor and c=3');
});
