import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TextPool} from '../../source/query/text-pool.js';

function scanned(pool: TextPool, needle: string): number[] {
	const ids: number[] = [];
	pool.scan(needle, (id) => ids.push(id));
	return ids;
}

test('a text is held once and keeps its id', () => {
	const pool = new TextPool();
	assert.equal(pool.idOf('listbuckets'), 0);
	assert.equal(pool.idOf('getobject'), 1);
	assert.equal(pool.idOf('listbuckets'), 0);
	assert.equal(pool.size, 2);
	assert.equal(pool.textOf(1), 'getobject');
	assert.equal(pool.characters, 'listbuckets\ngetobject\n'.length);
});

test('a scan finds each text holding the needle once, never across two', () => {
	const pool = new TextPool();
	for (const text of ['abcabc', 'xab', 'cx', 'abc']) {
		pool.idOf(text);
	}

	assert.deepEqual(scanned(pool, 'abc'), [0, 3]);
	assert.deepEqual(scanned(pool, 'ab'), [0, 1, 3]);
	// "xab\ncx": the newline between texts is never part of a match.
	assert.deepEqual(scanned(pool, 'bc'), [0, 3]);
	assert.deepEqual(scanned(pool, 'b\nc'), []);
	assert.deepEqual(scanned(pool, ''), []);
});

test('ids, texts and scans agree across many full chunks and the open one', () => {
	const pool = new TextPool();
	const count = 120_000;
	const text = (i: number) => `value-${i}-${'x'.repeat(i % 40)}`;
	for (let i = 0; i < count; i++) {
		assert.equal(pool.idOf(text(i)), i);
	}

	// Several megabytes: most texts are in joined chunks by now.
	assert.ok(pool.characters > 3_000_000);
	for (const i of [0, 1, 77_777, count - 1]) {
		assert.equal(pool.idOf(text(i)), i);
		assert.equal(pool.textOf(i), text(i));
	}

	assert.equal(pool.size, count);
	assert.deepEqual(scanned(pool, 'value-77777-'), [77_777]);
	assert.deepEqual(scanned(pool, `-${count - 1}-`), [count - 1]);
	assert.equal(scanned(pool, 'value-').length, count);
	// A text added after a scan is found by the next one.
	pool.idOf('late-arrival');
	assert.deepEqual(scanned(pool, 'late-arr'), [count]);
});

test('long texts that hash alike are still told apart', () => {
	const pool = new TextPool();
	// Long texts are hashed by their ends only: these differ in the middle.
	const ends = 'e'.repeat(40);
	const a = `${ends}${'a'.repeat(100)}${ends}`;
	const b = `${ends}${'b'.repeat(100)}${ends}`;
	assert.equal(pool.idOf(a), 0);
	// Enough filler that `a` is compared in a joined chunk, not the open one.
	for (let i = 0; pool.characters < 2_000_000; i++) {
		pool.idOf(`filler-${i}-${'f'.repeat(50)}`);
	}

	const bId = pool.idOf(b);
	assert.notEqual(bId, 0);
	assert.equal(pool.idOf(a), 0);
	assert.equal(pool.idOf(b), bId);
	assert.equal(pool.textOf(0), a);
	assert.equal(pool.textOf(bId), b);
	assert.deepEqual(scanned(pool, 'aab'), []);
	assert.deepEqual(scanned(pool, 'abbb'), []);
	assert.deepEqual(scanned(pool, 'ebbb'), [bId]);
});
