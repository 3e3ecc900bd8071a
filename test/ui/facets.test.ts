import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf} from '../helpers/ui-render.js';
import {openCase, openFlaws2} from '../helpers/ui-samples.js';

let flaws2: Dataset;

before(async () => {
	flaws2 = await openFlaws2();
});

afterEach(() => {
	cleanup();
});

/** The frame fits the terminal: rows - 1 lines, none too wide. */
function assertFits(frame: string, columns: number, rows: number): void {
	const lines = rowsOf(frame);
	assert.ok(lines.length <= rows - 1, `${lines.length} lines for ${rows} rows`);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= columns, `too wide: ${line}`);
	}
}

const small = {columns: 80, rows: 24};

test('v lists the fields, Enter lists the values with counts, shares and bars', async () => {
	const app = await renderApp(flaws2, small);
	const fields = await press(app, 'v', (plain) =>
		plain.includes('Values: pick a field · 37 events in this view'),
	);
	assertFits(fields, 80, 24);
	assert.match(fields, /▸ eventName +the API call/);
	assert.match(rowsOf(fields).at(-1) ?? '', /^field: /);
	const values = await press(app, keys.enter, (plain) =>
		plain.includes('Values of eventName · 9 distinct in 37 events'),
	);
	assertFits(values, 80, 24);
	const rows = rowsOf(values);
	assert.match(rows[2] ?? '', /^▸ GetObject +22 +59\.5% █{7} *$/);
	assert.match(rows[3] ?? '', /^ {2}CreateLogStream +5 +13\.5% █{2} *$/);
	assert.ok(rows.some((row) => /^ {2}ListBuckets +1 +2\.7% █ *$/.test(row)));
	assert.match(rows.at(-1) ?? '', /^eventName: /);
});

test('typing narrows the values, and Enter adds field=value to the filter', async () => {
	const app = await renderApp(flaws2, small);
	await press(app, ['v', keys.enter], (plain) =>
		plain.includes('Values of eventName'),
	);
	const narrowed = await press(app, 'lb', (plain) =>
		(rowsOf(plain)[2] ?? '').includes('ListBuckets'),
	);
	assert.match(rowsOf(narrowed)[3] ?? '', /ListObjects/);
	assert.match(rowsOf(narrowed).at(-1) ?? '', /^eventName: lb/);
	const filtered = await press(app, keys.enter, (plain) =>
		plain.includes('1/37 events'),
	);
	assert.match(filtered, /filter eventName=ListBuckets · 1 back \(Esc\)/);
	// Esc takes the choice back.
	const back = await press(app, keys.escape, (plain) =>
		plain.includes(' 37 events · 5 flagged'),
	);
	assert.ok(!back.includes('· filter '));
});

test('! leaves the value out, narrowing the filter already in force', async () => {
	const app = await renderApp(flaws2, {
		...small,
		initialFilter: 'ip=104.102.221.250',
	});
	await press(app, ['v', keys.enter], (plain) =>
		plain.includes('Values of eventName · 6 distinct in 27 events'),
	);
	const frame = await press(app, '!', (plain) => plain.includes('5/37 events'));
	assert.match(frame, /filter ip=104\.102\.221\.250 and !eventName=GetObject/);
	// Back to the address alone.
	await press(app, keys.escape, (plain) =>
		plain.includes('27/37 events · 5 flagged · filter ip=104.102.221.250 ·'),
	);
});

test('a field is found by typing, and Esc goes back a step at a time', async () => {
	const app = await renderApp(flaws2, small);
	const typed = await press(app, ['v', 'ip'], (plain) =>
		(rowsOf(plain)[2] ?? '').startsWith('▸ ip '),
	);
	// Whole names before names that only hold the text.
	assert.match(rowsOf(typed)[3] ?? '', /^ {2}principal /);
	const values = await press(app, keys.enter, (plain) =>
		plain.includes('Values of ip · 5 distinct in 37 events'),
	);
	assert.match(rowsOf(values)[2] ?? '', /^▸ 104\.102\.221\.250 +27 +73\.0%/);
	const fields = await press(app, keys.escape, (plain) =>
		plain.includes('Values: pick a field'),
	);
	// What was typed comes back, with the picked field selected.
	assert.match(rowsOf(fields).at(-1) ?? '', /^field: ip/);
	assert.match(rowsOf(fields)[2] ?? '', /^▸ ip /);
	const list = await press(app, keys.escape, (plain) =>
		plain.includes(' Time '),
	);
	assert.ok(!list.includes('· filter '));
});

test('a path typed at the field step lists the values found there', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	const fields = await press(
		app,
		['v', 'requestParameters.bucketName'],
		(plain) => plain.includes('a path into the record'),
	);
	assert.match(rowsOf(fields)[2] ?? '', /▸ requestParameters\.bucketName/);
	const values = await press(app, keys.enter, (plain) =>
		plain.includes('Values of requestParameters.bucketName'),
	);
	assert.match(
		values,
		/the-end-962b72bjahfm5b4wcktm8t9z4sapemjb\.flaws2\.cloud/,
	);
	assert.match(values, /\d+ without/);
	await press(app, '!', (plain) =>
		/filter !requestParameters\.bucketName=/.test(plain),
	);
});

test('a field no event has says so and stays on the fields', async () => {
	const app = await renderApp(flaws2, small);
	const frame = await press(app, ['v', 'user', keys.enter], (plain) =>
		plain.includes('No event in this view has a value for user'),
	);
	assert.match(frame, /Values: pick a field/);
});

test('values from the logs are shown without their control characters', async () => {
	const br19 = await openCase('BR-19.json');
	const app = await renderApp(br19, {columns: 130, rows: 30});
	const frame = await press(app, ['v', 'ua', keys.enter], (plain) =>
		plain.includes('Values of ua'),
	);
	assert.ok(!frame.includes('\u001B]'), 'no OSC sequence');
	assert.ok(!frame.includes('\u0007'), 'no BEL');
	assert.match(frame, /\\x1b/);
	assertFits(frame, 130, 30);
});

test('the bottom line says letters narrow and the arrows move: j is typed, ↓ moves', async () => {
	const app = await renderApp(flaws2, small);
	const fields = await press(app, 'v', (plain) =>
		plain.includes('Values: pick a field'),
	);
	assert.match(
		rowsOf(fields).at(-1) ?? '',
		/^field: +letters narrow +\? help +↑↓ move +Enter pick +! exclude +Esc back$/,
	);
	// j is text, as k9s users might not expect: it narrows the fields.
	const typed = await press(app, 'j', (plain) =>
		(rowsOf(plain).at(-1) ?? '').startsWith('field: j'),
	);
	assert.match(rowsOf(typed)[2] ?? '', /^▸ j +a path into the record/);
	await press(app, keys.backspace, (plain) =>
		(rowsOf(plain)[2] ?? '').startsWith('▸ eventName'),
	);
	await press(app, keys.down, (plain) =>
		(rowsOf(plain)[3] ?? '').startsWith('▸ principal'),
	);
});

test('a long field name keeps as many reminders as fit', async () => {
	const app = await renderApp(flaws2, small);
	const values = await press(
		app,
		['v', 'requestParameters.bucketName', keys.enter],
		(plain) => plain.includes('Values of requestParameters.bucketName'),
	);
	assert.match(
		rowsOf(values).at(-1) ?? '',
		/^requestParameters\.bucketName: +letters narrow +\? help +↑↓ move/,
	);
	assertFits(values, 80, 24);
});
