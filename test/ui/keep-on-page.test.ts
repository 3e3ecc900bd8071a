import {test} from 'node:test';
import assert from 'node:assert/strict';
import {keepOnPage} from '../../source/ui/app-state.js';

test('the page follows the cursor by the least move, within the list', () => {
	assert.deepEqual(keepOnPage(5, 0, 100, 10), {cursor: 5, top: 0});
	assert.deepEqual(keepOnPage(12, 0, 100, 10), {cursor: 12, top: 3});
	assert.deepEqual(keepOnPage(2, 8, 100, 10), {cursor: 2, top: 2});
	assert.deepEqual(keepOnPage(500, 0, 100, 10), {cursor: 99, top: 90});
	assert.deepEqual(keepOnPage(-3, 4, 100, 10), {cursor: 0, top: 0});
	// A list shorter than the page starts at its top.
	assert.deepEqual(keepOnPage(2, 5, 4, 10), {cursor: 2, top: 0});
});
