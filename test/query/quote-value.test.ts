import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseFilter} from '../../source/query/filter.js';
import {quoteValue} from '../../source/query/quote-value.js';
import {makeEvent} from '../helpers/make-event.js';

test('plain values stay bare; awkward ones are quoted and escaped', () => {
	assert.equal(quoteValue('ListBuckets'), 'ListBuckets');
	assert.equal(quoteValue('203.0.113.9'), '203.0.113.9');
	assert.equal(quoteValue(''), '""');
	assert.equal(quoteValue('aws-cli/1.16 Python'), '"aws-cli/1.16 Python"');
	assert.equal(quoteValue('a"b\\c'), '"a\\"b\\\\c"');
	assert.equal(quoteValue('=x'), '"=x"');
	assert.equal(quoteValue('/re/'), '"/re/"');
	assert.equal(quoteValue('f(x)'), '"f(x)"');
});

test('a quoted value reads back as itself in a filter', () => {
	for (const value of ['a b', 'a"b', 'x\\y', '=x', 'Boto3/1.9 (x, y)']) {
		const parsed = parseFilter(`ua=${quoteValue(value)}`);
		assert.ok(parsed.ok, value);
		assert.ok(parsed.filter.test(makeEvent({ua: value})), value);
		assert.ok(!parsed.filter.test(makeEvent({ua: value + '!'})));
	}
});
