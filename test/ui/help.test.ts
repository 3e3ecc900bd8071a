import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {helpRows, keysText} from '../../source/ui/help-lines.js';
import {bindingsFor} from '../../source/ui/keymap.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

test('? lists every key of the list view, from the keymap', async () => {
	const app = await renderApp(sequenceDataset(10), {columns: 100, rows: 40});
	const frame = await press(
		app,
		'?',
		(plain) => plain.includes('Keys of the event list'),
		'with the help',
	);
	const rows = rowsOf(frame);
	const listed = new Set<string>();
	for (const help of helpRows('list')) {
		const row = rows.find((candidate) => candidate.startsWith(`${help.keys} `));
		assert.ok(row, `a row for ${help.keys}`);
		assert.ok(row.includes(help.description), help.keys);
		for (const command of help.commands) {
			listed.add(command);
		}
	}

	// Every binding has its keys on a row: alone, or beside its opposite.
	for (const binding of bindingsFor('list')) {
		assert.ok(listed.has(binding.command), binding.command);
		const keys = keysText(binding.keys);
		assert.ok(
			rows.some((row) => row.startsWith(keys) || row.includes(`/ ${keys} `)),
			keys,
		);
	}

	// A few keys written out, so a keymap that lost them fails here too.
	for (const literal of [
		'j, ↓ / k, ↑',
		'PgDn, Ctrl-f, Space',
		'g, Home / G, End',
		'e / E',
		'F ',
		's ',
	]) {
		assert.ok(
			rows.some((row) => row.startsWith(literal)),
			literal,
		);
	}

	for (const key of [
		'/',
		'n / N ',
		// `:` opens the filter too, as in lnav and vim.
		'f, : ',
		'Tab / Shift-Tab',
		'Enter',
		'?',
		'Esc',
		'q, Ctrl-c',
		'p ',
	]) {
		assert.ok(
			rows.some((row) => row.startsWith(key)),
			key,
		);
	}
});

test('the help of the detail view lists its keys and not the list-only ones', async () => {
	const app = await renderApp(sequenceDataset(3), {columns: 100, rows: 40});
	await press(app, keys.enter, (plain) => plain.includes('"eventVersion"'));
	const frame = await press(
		app,
		'?',
		(plain) => plain.includes('Keys of the event detail'),
		'with the detail help',
	);
	assert.ok(frame.includes('Close this view'));
	assert.ok(!frame.includes('Fuzzy search'));
	// Esc closes the help and returns to the detail view.
	await press(app, keys.escape, (plain) => plain.includes('"eventVersion"'));
});

test('the help fits an 80×24 terminal without scrolling', async () => {
	const app = await renderApp(sequenceDataset(3), {columns: 80, rows: 24});
	const frame = await press(app, '?', (plain) => plain.includes('Keys of'));
	const rows = rowsOf(frame);
	assert.ok(rows.length <= 23);
	// No "1–19/20" position: everything is on the page.
	assert.ok(
		!/\d+–\d+\/\d+/.test(rows.find((row) => row.includes('Keys of')) ?? ''),
	);
	assert.ok(rows.some((row) => row.startsWith('q, Ctrl-c')));
});
