import assert from 'node:assert/strict';
import {test} from 'node:test';
import {recallNewer, recallOlder} from '../../source/ui/prompt-history.js';

const list = ['a', 'b', 'c'];

test('Up goes to older entries and stops at the oldest', () => {
	const first = recallOlder(list, 'draft', undefined);
	assert.deepEqual(first, {draft: 'c', recall: {index: 2, draft: 'draft'}});
	const second = recallOlder(list, 'c', first!.recall);
	assert.deepEqual(second, {draft: 'b', recall: {index: 1, draft: 'draft'}});
	const oldest = recallOlder(list, 'a', {index: 0, draft: 'draft'});
	assert.equal(oldest, undefined);
	assert.equal(recallOlder([], 'x', undefined), undefined);
});

test('Down goes to newer entries, then back to the draft kept aside', () => {
	assert.deepEqual(recallNewer(list, 'b', {index: 1, draft: 'draft'}), {
		draft: 'c',
		recall: {index: 2, draft: 'draft'},
	});
	assert.deepEqual(recallNewer(list, 'c', {index: 2, draft: 'draft'}), {
		draft: 'draft',
		recall: undefined,
	});
	assert.equal(recallNewer(list, 'draft', undefined), undefined);
});

test('an entry equal to the text shown is skipped', () => {
	// The filter prompt opens on the filter in use, often the newest entry.
	assert.deepEqual(recallOlder(list, 'c', undefined), {
		draft: 'b',
		recall: {index: 1, draft: 'c'},
	});
	assert.deepEqual(
		recallNewer(['a', 'b', 'b2', 'c'], 'b', {index: 0, draft: 'd'}),
		{
			draft: 'b2',
			recall: {index: 2, draft: 'd'},
		},
	);
});
