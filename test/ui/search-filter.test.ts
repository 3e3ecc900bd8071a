import '../helpers/ui-force-color.js';
import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {
	press,
	renderApp,
	rowsOf,
	selectedRow,
	waitForText,
} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

const cursorOn =
	(user: string) =>
	(plain: string): boolean =>
		selectedRow(plain)?.includes(user) ?? false;

/** The match tone: yellow background, maybe with more codes before the text. */
function highlighted(frame: string, text: string): boolean {
	return new RegExp(`\u001B\\[43m(?:\u001B\\[[0-9;]*m)*${text}`).test(frame);
}

test('/ types on the bottom line and Enter moves to the first hit', async () => {
	const app = await renderApp(sequenceDataset(50));
	await press(app, 'j', cursorOn('user001'));
	const prompt = await press(
		app,
		['/', 'Assume', 'Role'],
		(plain) => rowsOf(plain).at(-1)?.startsWith('/AssumeRole') ?? false,
		'with the prompt on the bottom line',
	);
	// Typing does not move the cursor.
	assert.match(selectedRow(prompt) ?? '', /user001/);
	const found = await press(app, keys.enter, cursorOn('user004'));
	assert.match(found, /search “AssumeRole” 1\/10/);
	assert.ok(highlighted(found, 'AssumeRole'), 'the match is highlighted');
});

test('n and N step through the hits and wrap with a message', async () => {
	const app = await renderApp(sequenceDataset(50));
	await press(app, ['/', 'AssumeRole', keys.enter], cursorOn('user004'));
	await press(app, 'n', cursorOn('user009'));
	const second = await waitForText(app, '2/10');
	assert.match(second, /2\/10/);
	await press(app, 'N', cursorOn('user004'));
	const wrapped = await press(app, 'N', cursorOn('user049'));
	assert.match(rowsOf(wrapped).at(-1) ?? '', /hit TOP, continuing at BOTTOM/);
	const back = await press(app, 'n', cursorOn('user004'));
	assert.match(rowsOf(back).at(-1) ?? '', /hit BOTTOM, continuing at TOP/);
});

test('a valid filter narrows the table and shows on the status line', async () => {
	const app = await renderApp(sequenceDataset(50));
	const frame = await press(
		app,
		['f', 'eventName=GetObject', keys.enter],
		(plain) => plain.includes('10/50 events'),
		'with the filter applied',
	);
	assert.match(frame, /filter eventName=GetObject/);
	const tableRows = rowsOf(frame).filter((row) => /^.\d\d:\d\d:\d\d/.test(row));
	assert.ok(tableRows.length > 0);
	for (const row of tableRows) {
		assert.match(row, /GetObject/);
	}
});

test('an invalid filter shows the error with a caret under its position', async () => {
	const app = await renderApp(sequenceDataset(10));
	const frame = await press(
		app,
		['f', 'eventName=', keys.enter],
		(plain) => plain.includes('^'),
		'with the caret line',
	);
	const rows = rowsOf(frame);
	const input = rows.at(-2) ?? '';
	const caretRow = rows.at(-1) ?? '';
	assert.match(input, /^filter: eventName=/);
	const caret = caretRow.indexOf('^');
	assert.ok(caret >= 'filter: '.length, 'the caret is under the text');
	assert.ok(caret <= 'filter: eventName='.length, 'the caret is within it');
	assert.ok(caretRow.slice(caret + 1).trim().length > 0, 'a message follows');
	// The table is unchanged: every event still counts.
	assert.match(frame, /10 events/);
	// Typing clears the error; Esc leaves the prompt.
	await press(app, 'x', (plain) => !plain.includes('^'), 'without the caret');
	await press(
		app,
		keys.escape,
		(plain) => (rowsOf(plain).at(-1) ?? '').includes('? help'),
		'back in the list',
	);
});

test('e and E jump between flagged events and wrap', async () => {
	const app = await renderApp(sequenceDataset(30, [5, 20]));
	await press(app, 'e', cursorOn('user005'));
	await press(app, 'e', cursorOn('user020'));
	const wrapped = await press(app, 'e', cursorOn('user005'));
	assert.match(rowsOf(wrapped).at(-1) ?? '', /back to the first/);
	await press(app, 'E', cursorOn('user020'));
});

test('Esc clears the search, then the filter', async () => {
	const app = await renderApp(sequenceDataset(20));
	await press(app, ['f', 'eventName=GetObject', keys.enter], (plain) =>
		plain.includes('filter eventName=GetObject'),
	);
	await press(app, ['/', 'user006', keys.enter], (plain) =>
		plain.includes('search “user006”'),
	);
	const noSearch = await press(
		app,
		keys.escape,
		(plain) => !plain.includes('search “'),
		'without the search',
	);
	assert.match(noSearch, /filter eventName=GetObject/);
	await press(
		app,
		keys.escape,
		(plain) =>
			plain.includes('20 events') && !plain.includes('filter eventName'),
		'without the filter',
	);
});
