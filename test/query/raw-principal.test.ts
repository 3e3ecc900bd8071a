import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type {TrailEvent} from '../../source/core/types.js';
import {parseFilter} from '../../source/query/filter.js';
import {openDataset} from '../../source/pipeline.js';
import {hostileNames, writeHostileTrail} from '../helpers/hostile-names.js';

/**
Issue 5, item 1: `principal` compares the raw names, like `user`, `ua` and
`ip`; escaping belongs to the views. A name holding a real ESC and one
written with the four characters `\x1b` are different names.
*/

let file: string;
let events: TrailEvent[];

before(async () => {
	file = writeHostileTrail();
	events = (await openDataset([file])).events;
});

after(() => {
	fs.rmSync(path.dirname(file), {recursive: true, force: true});
});

/** The user names of the events a filter keeps, once each. */
function usersOf(text: string): string[] {
	const parsed = parseFilter(text);
	assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error}`);
	const names = events
		.filter((event) => parsed.filter.test(event))
		.map((event) => event.principal.userName ?? '');
	return [...new Set(names)].sort();
}

test('the principal label keeps the raw characters of the name', () => {
	const labels = new Set(events.map((event) => event.principal.label));
	assert.ok(labels.has(hostileNames.realEscape));
	assert.ok(labels.has(hostileNames.writtenEscape));
	assert.ok(labels.has(hostileNames.realBidi));
});

test('principal~x1b finds the name written with a backslash, not a real ESC', () => {
	assert.deepEqual(usersOf('principal~x1b'), [hostileNames.writtenEscape]);
	assert.deepEqual(usersOf('principal~u202e'), [hostileNames.writtenBidi]);
});

test('principal and user agree on which names hold a backslash', () => {
	const principal = usersOf(String.raw`principal~"\\"`);
	assert.deepEqual(principal, usersOf(String.raw`user~"\\"`));
	assert.deepEqual(
		principal,
		[
			hostileNames.backslash,
			hostileNames.lone,
			hostileNames.writtenBidi,
			hostileNames.writtenEscape,
		].sort(),
	);
});

test('a name written with backslashes matches itself, not the real escape', () => {
	const written = String.raw`principal="new\\x1b]0;owned\\x07title"`;
	assert.deepEqual(usersOf(written), [hostileNames.writtenEscape]);
});
