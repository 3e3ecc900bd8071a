import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {configDir} from '../../source/core/config-dir.js';
import {
	fileHistoryStore,
	historyCap,
	maxEntryLength,
	remember,
} from '../../source/core/history-store.js';

/** A scratch XDG_CONFIG_HOME, so nothing touches the user's own folder. */
function scratchConfig(): string {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-history-'));
	return configDir({XDG_CONFIG_HOME: home});
}

test('remember puts an entry last, once, and keeps the newest ones', () => {
	assert.deepEqual(remember(['a', 'b', 'c'], 'a'), ['b', 'c', 'a']);
	assert.deepEqual(remember(['a', 'b'], 'b'), ['a', 'b']);
	assert.deepEqual(remember(['a'], ''), ['a']);
	const full = Array.from({length: historyCap}, (_, i) => `q${i}`);
	const next = remember(full, 'new');
	assert.equal(next.length, historyCap);
	assert.equal(next[0], 'q1');
	assert.equal(next.at(-1), 'new');
	assert.deepEqual(remember(['a', 'b', 'c'], 'd', 2), ['c', 'd']);
});

test('a first run has an empty history and no notice', () => {
	const store = fileHistoryStore(scratchConfig());
	assert.deepEqual(store.load(), {history: {filter: [], search: []}});
});

test('the history is saved in the config folder, mode 0600, and read back', () => {
	const dir = scratchConfig();
	const store = fileHistoryStore(dir);
	const history = {filter: ['ip=10.0.0.0/8', 'flagged'], search: ['AKIA']};
	assert.equal(store.save(history), undefined);
	const file = path.join(dir, 'history.json');
	assert.equal(fs.statSync(file).mode & 0o777, 0o600);
	// Written to a temporary file and renamed: none is left behind.
	assert.deepEqual(fs.readdirSync(dir), ['history.json']);
	assert.deepEqual(fileHistoryStore(dir).load(), {history});
	// Saved again over the old file, still the user's alone.
	fs.chmodSync(file, 0o644);
	assert.equal(store.save({...history, search: []}), undefined);
	assert.equal(fs.statSync(file).mode & 0o777, 0o600);
	assert.deepEqual(store.load().history.search, []);
});

test('characters that reorder or hide text are escaped in the file', () => {
	const dir = scratchConfig();
	const history = {filter: ['ua~\u202Egnp.exe\u200B'], search: []};
	assert.equal(fileHistoryStore(dir).save(history), undefined);
	const text = fs.readFileSync(path.join(dir, 'history.json'), 'utf8');
	assert.doesNotMatch(text, /[\u202E\u200B]/);
	assert.match(text, /\\u202e/);
	assert.deepEqual(fileHistoryStore(dir).load(), {history});
});

test('a damaged file is a notice and an empty history, never a crash', () => {
	const dir = scratchConfig();
	fs.mkdirSync(dir, {recursive: true});
	const file = path.join(dir, 'history.json');
	for (const text of ['{"filter": [', '[1, 2]', 'null', '']) {
		fs.writeFileSync(file, text);
		const loaded = fileHistoryStore(dir).load();
		assert.deepEqual(loaded.history, {filter: [], search: []}, text);
		assert.match(loaded.problem ?? '', /^History not read .*history\.json$/);
	}

	// Items that are no prompt text are left out and counted; the rest are
	// kept, control characters included.
	fs.writeFileSync(
		file,
		JSON.stringify({
			filter: ['a', 7, 'a', 'x\u001B[31m', 'b', 'y'.repeat(5000)],
			search: 'not a list',
		}),
	);
	const loaded = fileHistoryStore(dir).load();
	assert.deepEqual(loaded.history, {
		filter: ['a', 'x\u001B[31m', 'b'],
		search: [],
	});
	assert.match(
		loaded.problem ?? '',
		/^History: 3 entries left out \(not text, or longer than 4000 characters\): .*history\.json$/,
	);
});

test('entries holding control characters come back on the next start', () => {
	// Issue 5, item 4: they were dropped without a word, even those saved.
	const dir = scratchConfig();
	const history = {
		filter: ['ua="curl/8 \u202Egnp"', 'principal="new\u001B]0;x\u0007"'],
		search: ['tab\there'],
	};
	assert.equal(fileHistoryStore(dir).save(history), undefined);
	assert.deepEqual(fileHistoryStore(dir).load(), {history});
});

test('an entry too long to keep is not remembered, so never saved', () => {
	assert.deepEqual(remember(['a'], 'y'.repeat(maxEntryLength + 1)), ['a']);
	assert.deepEqual(remember(['a'], 'y'.repeat(maxEntryLength)).length, 2);
});

test('a history that cannot be read or written says so and throws nothing', () => {
	const dir = scratchConfig();
	fs.mkdirSync(path.join(dir, 'history.json'), {recursive: true});
	const store = fileHistoryStore(dir);
	assert.match(store.load().problem ?? '', /History not read \(EISDIR\)/);
	assert.match(
		store.save({filter: ['x'], search: []}) ?? '',
		/History not saved \(\w+\)/,
	);
	assert.deepEqual(
		fs.readdirSync(dir),
		['history.json'],
		'no temporary file left',
	);

	// The config folder's place is a file: nothing can be made there.
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-history-'));
	fs.writeFileSync(path.join(home, 'trailtui'), 'not a folder');
	const blocked = fileHistoryStore(configDir({XDG_CONFIG_HOME: home}));
	assert.match(
		blocked.save({filter: ['x'], search: []}) ?? '',
		/History not saved \((ENOTDIR|EEXIST)\)/,
	);
	assert.match(blocked.load().problem ?? '', /History not read \(ENOTDIR\)/);
});
