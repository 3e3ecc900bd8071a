import '../helpers/ui-force-color.js';
import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {keys} from '../helpers/ui-keys.js';
import {
	plain as plainOf,
	press,
	renderApp,
	rowsOf,
	selectedRow,
	type Rendered,
} from '../helpers/ui-render.js';
import {openFlaws2} from '../helpers/ui-samples.js';

let flaws2: Dataset;

before(async () => {
	flaws2 = await openFlaws2();
});

afterEach(() => {
	cleanup();
});

/** Like press, but gives the frame without colour codes. */
async function pressPlain(...args: Parameters<typeof press>): Promise<string> {
	return plainOf(await press(...args));
}

/** The table's rows: cursor cell, then a clock. */
function tableRows(frame: string): string[] {
	return rowsOf(frame).filter((row) => /^.\d\d:\d\d:\d\d /.test(row));
}

async function selectByFilter(
	app: Rendered,
	eventName: string,
): Promise<string> {
	return pressPlain(
		app,
		['f', `eventName=${eventName}`, keys.enter],
		(plain) => selectedRow(plain)?.includes(eventName) ?? false,
		`with ${eventName} selected`,
	);
}

test('flaws2: from the level3 ListBuckets, the address pivot shows the level1 calls and the web visits', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 70});
	await selectByFilter(app, 'ListBuckets');
	const menu = await pressPlain(app, 'o', (plain) =>
		plain.includes('Pivot: the filter'),
	);
	const rows = rowsOf(menu);
	assert.match(rows.at(-4) ?? '', /^ a {2}address +ip=104\.102\.221\.250/);
	const pivoted = await pressPlain(app, 'a', (plain) =>
		plain.includes('27/37 events'),
	);
	assert.match(
		pivoted,
		/27\/37 events · 5 flagged · filter ip=104\.102\.221\.250 · 1 back \(Esc\)/,
	);
	const table = tableRows(pivoted);
	assert.equal(table.length, 27);
	for (const row of table) {
		assert.match(row, /104\.102\.221\.250/);
	}

	const level1 = table.filter((row) => row.includes('role level1'));
	assert.deepEqual(
		level1.map((row) => /!! +(\S+)/.exec(row)?.[1]),
		['ListObjects', 'ListImages', 'BatchGetImage', 'GetDownloadUrlFo…'],
	);
	const web = table.filter((row) => /GetObject +anonymous/.test(row));
	assert.equal(web.length, 22);
	// The cursor stays on the event pivoted from.
	assert.match(selectedRow(pivoted) ?? '', /ListBuckets +role level3/);

	// Esc pops back to the filter before the pivot, then clears it.
	const back = await pressPlain(app, keys.escape, (plain) =>
		plain.includes('1/37 events'),
	);
	assert.match(back, /filter eventName=ListBuckets · load/);
	await pressPlain(app, keys.escape, (plain) =>
		plain.includes(' 37 events · 5 flagged'),
	);
});

test('each pivot replaces the filter with its clause, and Esc comes back', async () => {
	const app = await renderApp(flaws2, {columns: 160, rows: 40});
	await selectByFilter(app, 'ListBuckets');
	const expected: Array<[string, string, string]> = [
		[
			'p',
			'principal="role level3 (session d190d14a-2404-45d6-9113-4eda22d7f2c7)"',
			'1/37',
		],
		['r', 'role=level3', '1/37'],
		['a', 'ip=104.102.221.250', '27/37'],
		['k', 'key=ASIAZQNB3KHGNXWXBSJS', '1/37'],
		['s', 'session=d190d14a-2404-45d6-9113-4eda22d7f2c7', '1/37'],
		['u', 'ua~aws-cli', '5/37'],
	];
	for (const [key, clause, count] of expected) {
		const frame = await pressPlain(
			app,
			['o', key],
			(plain) => plain.includes(`filter ${clause} · 1 back (Esc)`),
			`with the ${key} pivot`,
		);
		assert.match(frame, new RegExp(`${count} events`));
		await pressPlain(app, keys.escape, (plain) =>
			plain.includes('filter eventName=ListBuckets · load'),
		);
	}
});

test('choices the event lacks are dimmed, say why, and do nothing', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	await selectByFilter(app, 'GetObject');
	const menu = await press(app, 'o', (plain) =>
		plain.includes('Pivot: the filter'),
	);
	const rows = menu.split('\n');
	const keyRow = rows.find((row) => plainOf(row).startsWith(' k  access key'))!;
	assert.match(plainOf(keyRow), /— no access key in this event/);
	// Dim (SGR 2) where the available choices are green commands.
	assert.ok(keyRow.includes('\u001B[2m'), 'the key row is dimmed');
	const addressRow = rows.find((row) =>
		plainOf(row).startsWith(' a  address'),
	)!;
	assert.ok(!addressRow.includes('\u001B[2m'), 'the address row is not dimmed');
	assert.match(
		plainOf(menu),
		/ r {2}role +— not a role: no role name in this event/,
	);
	assert.match(plainOf(menu), / s {2}session +— no role session in this event/);
	const after = await pressPlain(app, 'k', (plain) =>
		plain.includes('No access key to pivot on: no access key in this event'),
	);
	assert.match(after, /22\/37 events/);
	assert.match(after, /filter eventName=GetObject · load/);
});

test('Esc or q closes the menu without a pivot', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	await pressPlain(app, 'o', (plain) => plain.includes('Pivot: the filter'));
	const closed = await pressPlain(
		app,
		keys.escape,
		(plain) => !plain.includes('Pivot:'),
	);
	assert.match(closed, / 37 events · 5 flagged/);
	await pressPlain(app, 'o', (plain) => plain.includes('Pivot: the filter'));
	await pressPlain(app, 'q', (plain) => !plain.includes('Pivot:'));
});

test('a pivot from a story lands in the event list, and Esc goes back to the story', async () => {
	const app = await renderApp(flaws2, {columns: 160, rows: 40});
	await selectByFilter(app, 'ListBuckets');
	await pressPlain(app, 's', (plain) => plain.includes('· story'));
	const menu = await pressPlain(app, 'o', (plain) =>
		plain.includes('Pivot: the filter'),
	);
	// The story's head stays over the table while the menu is open.
	assert.match(menu, /key ASIAZQNB3KHGNXWXBSJS of role level3/);
	const pivoted = await pressPlain(app, 'u', (plain) =>
		plain.includes('5/37 events'),
	);
	assert.match(pivoted, /filter ua~aws-cli · 1 back \(Esc\)/);
	assert.ok(!pivoted.includes('· story'));
	const story = await pressPlain(app, keys.escape, (plain) =>
		plain.includes('· story'),
	);
	assert.match(story, /2\/37 events/);
	// And on back to the list it was opened from.
	await pressPlain(app, keys.escape, (plain) =>
		plain.includes('filter eventName=ListBuckets'),
	);
});

test('the pivot menu fits an 80×24 terminal under the table', async () => {
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	await selectByFilter(app, 'ListBuckets');
	const frame = await pressPlain(app, 'o', (plain) =>
		plain.includes('Pivot: the filter'),
	);
	const lines = rowsOf(frame);
	assert.ok(lines.length <= 23, `${lines.length} lines`);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= 80, `too wide: ${line}`);
	}

	assert.match(lines.at(-1) ?? '', /^ u {2}user-agent family ua~aws-cli/);
	assert.ok(selectedRow(frame)?.includes('ListBuckets'));
});
