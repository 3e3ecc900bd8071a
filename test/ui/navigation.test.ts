import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {computeLayout} from '../../source/ui/layout.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {
	press,
	renderApp,
	rowsOf,
	selectedRow,
	type Rendered,
} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

/** Waits until the cursor sits on the row of the given user. */
async function expectCursorOn(
	app: Rendered,
	input: string | string[],
	user: string,
): Promise<void> {
	const frame = await press(
		app,
		input,
		(plain) => selectedRow(plain)?.includes(user) ?? false,
		`with the cursor on ${user}`,
	);
	assert.match(selectedRow(frame) ?? '', new RegExp(user));
}

test('the first frame selects the first event and shows the key reminder', async () => {
	const app = await renderApp(sequenceDataset(100));
	const rows = rowsOf(app.lastFrame());
	assert.match(selectedRow(app.lastFrame()) ?? '', /10:00:00 .* user000/);
	assert.match(rows.at(-1) ?? '', /\/ search/);
	assert.match(rows.at(-1) ?? '', /\? help/);
});

test('j and k, and the arrows, move the cursor one row', async () => {
	const app = await renderApp(sequenceDataset(100));
	await expectCursorOn(app, 'j', 'user001');
	await expectCursorOn(app, keys.down, 'user002');
	await expectCursorOn(app, 'k', 'user001');
	await expectCursorOn(app, keys.up, 'user000');
});

test('keys that arrive together, as with key repeat, each take effect', async () => {
	const app = await renderApp(sequenceDataset(100));
	await expectCursorOn(app, 'jjj', 'user003');
	await expectCursorOn(app, 'kG', 'user099');
});

test('PgDn, Ctrl-f and Space go down a page; PgUp and Ctrl-b go up', async () => {
	const page = computeLayout(100, 30).tableRows;
	const user = (row: number): string => `user${String(row).padStart(3, '0')}`;
	const app = await renderApp(sequenceDataset(100), {columns: 100, rows: 30});
	await expectCursorOn(app, keys.pageDown, user(page));
	await expectCursorOn(app, keys.ctrlF, user(2 * page));
	await expectCursorOn(app, keys.space, user(3 * page));
	await expectCursorOn(app, keys.pageUp, user(2 * page));
	await expectCursorOn(app, keys.ctrlB, user(page));
});

test('G and End go to the last event, g and Home to the first', async () => {
	const app = await renderApp(sequenceDataset(100));
	await expectCursorOn(app, 'G', 'user099');
	await expectCursorOn(app, 'g', 'user000');
	await expectCursorOn(app, keys.end, 'user099');
	await expectCursorOn(app, keys.home, 'user000');
});

test('the table scrolls so the cursor row stays on screen', async () => {
	const app = await renderApp(sequenceDataset(100));
	const frame = await press(
		app,
		'G',
		(plain) => plain.includes('user099'),
		'showing the last event',
	);
	assert.ok(!frame.includes('user000'));
});

test('Tab moves the focus to the side panel, where j scrolls it', async () => {
	const dataset = sequenceDataset(3, [0]);
	dataset.events[0]!.flags[0]!.evidence = Array.from(
		{length: 30},
		(_, index) => `evidence line ${index}`,
	);
	const app = await renderApp(dataset, {columns: 100, rows: 30});
	const focused = await press(
		app,
		keys.tab,
		(plain) => plain.includes('j/k scroll'),
		'with the side panel focused',
	);
	assert.match(focused, /1–12\/\d+/);
	const scrolled = await press(
		app,
		['j', 'j'],
		(plain) => /3–14\/\d+/.test(plain),
		'with the side panel scrolled two lines',
	);
	// The table's cursor stayed where it was.
	assert.match(selectedRow(scrolled) ?? '', /user000/);
	await press(
		app,
		keys.shiftTab,
		(plain) => plain.includes('Tab to scroll'),
		'with the table focused again',
	);
	await expectCursorOn(app, 'j', 'user001');
});

test('Enter opens the whole record, j scrolls it and Esc returns', async () => {
	const app = await renderApp(sequenceDataset(5), {columns: 80, rows: 12});
	const detail = await press(
		app,
		keys.enter,
		(plain) => plain.includes('"eventVersion"'),
		'showing the record',
	);
	assert.match(detail, /record #1 of test\.json/);
	assert.ok(!detail.includes('"recipientAccountId"'));
	await press(
		app,
		'G',
		(plain) => plain.includes('"recipientAccountId"'),
		'scrolled to the end of the record',
	);
	await press(
		app,
		'g',
		(plain) => plain.includes('"eventVersion"'),
		'scrolled back to the top',
	);
	await press(
		app,
		keys.escape,
		(plain) => selectedRow(plain)?.includes('user000') ?? false,
		'back in the list',
	);
});
