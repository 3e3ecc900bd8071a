import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PostingLists} from '../../source/query/posting-lists.js';

test('a list of one position is read back', () => {
	const lists = new PostingLists();
	lists.add(0, 7);
	lists.add(1, 0);
	assert.deepEqual(lists.positionsOf(0), [7]);
	assert.deepEqual(lists.positionsOf(1), [0]);
	assert.equal(lists.size, 2);
	assert.equal(lists.postings, 2);
});

test('a position added twice in a row is listed once', () => {
	const lists = new PostingLists();
	lists.add(0, 3);
	lists.add(0, 3);
	lists.add(0, 5);
	lists.add(0, 5);
	assert.deepEqual(lists.positionsOf(0), [3, 5]);
	assert.equal(lists.postings, 2);
});

test('positions going down and lists skipped are refused', () => {
	const lists = new PostingLists();
	lists.add(0, 10);
	assert.throws(() => {
		lists.add(0, 9);
	}, RangeError);
	assert.throws(() => {
		lists.add(2, 11);
	}, RangeError);
	assert.deepEqual(lists.positionsOf(0), [10]);
});

test('interleaved long lists with small and huge gaps read back exactly', () => {
	const lists = new PostingLists();
	const expected: number[][] = [[], [], [], []];
	// List 0 on every position, 1 on every 3rd, 2 with growing gaps that
	// need 1 to 5 varint bytes, 3 on a few. Enough to chain many blocks and
	// fill more than one 1 MiB page.
	// The sparse list is list 2, started first so that lists come in order.
	let sparse = 0;
	lists.add(0, 0);
	lists.add(1, 0);
	lists.add(2, 0);
	lists.add(3, 0);
	expected[2]!.push(0);
	for (let position = 0; position < 1_200_000; position++) {
		lists.add(0, position);
		expected[0]!.push(position);
		if (position % 3 === 0) {
			lists.add(1, position);
			expected[1]!.push(position);
		}

		if (position % 100_000 === 0) {
			lists.add(3, position);
			expected[3]!.push(position);
		}
	}

	// Gaps at the edges of 1, 2, 3, 4 and 5 varint bytes.
	for (const gap of [
		127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456,
	]) {
		sparse += gap;
		lists.add(2, sparse);
		expected[2]!.push(sparse);
	}

	for (const list of [0, 1, 2, 3]) {
		assert.deepEqual(lists.positionsOf(list), expected[list]);
	}

	assert.equal(
		lists.postings,
		expected.reduce((total, list) => total + list.length, 0),
	);
	// A dense list costs about a byte a position, not four.
	assert.ok(lists.bytes < 4 * 1_200_000, `${lists.bytes} bytes`);
});
