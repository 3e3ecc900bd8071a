import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseEventTime} from '../../source/load/event-time.js';

const utc = Date.UTC(2024, 4, 1, 10, 0, 5);

test('epoch seconds, as a number or a numeric string, become milliseconds', () => {
	assert.equal(parseEventTime(1714557605.0), utc);
	assert.equal(parseEventTime('1714557605.25'), utc + 250);
});

test('ISO times honour their offset and default to UTC, never the local zone', () => {
	assert.equal(parseEventTime('2024-05-01T12:00:05+02:00'), utc);
	assert.equal(parseEventTime('2024-05-01T02:00:05-0800'), utc);
	assert.equal(parseEventTime('2024-05-01T10:00:05Z'), utc);
	assert.equal(parseEventTime('2024-05-01T10:00:05'), utc);
	assert.equal(parseEventTime('2024-05-01 10:00:05.123Z'), utc + 123);
});

test('anything else gives no time', () => {
	for (const value of ['...', '', '2024-13-01T00:00:00Z', null, {}, NaN]) {
		assert.equal(parseEventTime(value), undefined, String(value));
	}
});
