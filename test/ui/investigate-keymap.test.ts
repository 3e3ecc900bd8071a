import {test} from 'node:test';
import assert from 'node:assert/strict';
import {helpRows} from '../../source/ui/help-lines.js';
import {commandFor} from '../../source/ui/keymap.js';

test('v, o and S open the values picker, the pivot menu and the summary', () => {
	assert.equal(commandFor('list', 'v'), 'open-facets');
	assert.equal(commandFor('list', 'o'), 'open-pivots');
	assert.equal(commandFor('story', 'o'), 'open-pivots');
	assert.equal(commandFor('finding', 'o'), 'open-pivots');
	assert.equal(commandFor('list', 'S'), 'open-summary');
	// Only the list has a filter to add to.
	assert.equal(commandFor('story', 'v'), undefined);
	assert.equal(commandFor('finding', 'S'), undefined);
});

test('in the values picker letters are text; Enter, ! and the arrows act', () => {
	assert.equal(commandFor('facets', 'j'), undefined);
	assert.equal(commandFor('facets', 'q'), undefined);
	assert.equal(commandFor('facets', 'enter'), 'facet-pick');
	assert.equal(commandFor('facets', '!'), 'facet-exclude');
	assert.equal(commandFor('facets', 'down'), 'line-down');
	assert.equal(commandFor('facets', 'escape'), 'back');
});

test('the summary moves like the list and has its own keys', () => {
	assert.equal(commandFor('summary', 'j'), 'line-down');
	assert.equal(commandFor('summary', 'G'), 'go-bottom');
	assert.equal(commandFor('summary', 'tab'), 'next-grouping');
	assert.equal(commandFor('summary', 'left'), 'previous-grouping');
	assert.equal(commandFor('summary', '7'), 'choose-grouping');
	assert.equal(commandFor('summary', 's'), 'cycle-sort');
	assert.equal(commandFor('summary', 'r'), 'reverse-sort');
	assert.equal(commandFor('summary', 'enter'), 'drill-down');
	assert.equal(commandFor('summary', 'q'), 'close');
});

test("the list's help shows the new keys beside their relatives", () => {
	const keys = helpRows('list').map((row) => row.keys);
	assert.ok(keys.includes('f, : / v'));
	assert.ok(keys.includes('s / o'));
	assert.ok(keys.includes('F / S'));
});
