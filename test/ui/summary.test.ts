import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
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

function assertFits(frame: string, columns: number, rows: number): void {
	const lines = rowsOf(frame);
	assert.ok(lines.length <= rows - 1, `${lines.length} lines for ${rows} rows`);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= columns, `too wide: ${line}`);
	}
}

/** The summary's rows: after the title, the tabs and the header. */
function groupRows(frame: string): string[] {
	const rows = rowsOf(frame);
	const header = rows.findIndex((row) => /Events|Flagged/.test(row));
	const status = rows.findIndex((row) => /^ [\d,/]+ events · /.test(row));
	return rows.slice(header + 1, status).filter((row) => row.trim() !== '');
}

const small = {columns: 80, rows: 24};

test('S shows the view by principal at 80×24: events, flagged, first and last seen', async () => {
	const app = await renderApp(flaws2, small);
	const frame = await press(app, 'S', (plain) =>
		plain.includes('Summary by principal · 6 groups in 37 events · times UTC'),
	);
	assertFits(frame, 80, 24);
	const rows = rowsOf(frame);
	assert.match(rows[2] ?? '', /^\[1 principal\] 2 address {2}3 access key/);
	assert.match(
		rows[3] ?? '',
		/Principal +Events↓ +Flagged First seen +Last seen/,
	);
	const groups = groupRows(frame);
	assert.match(groups[0] ?? '', /^▸anonymous +22 +0 23:02:56 +23:09:36$/);
	assert.match(
		groups[1] ?? '',
		/^ role level1 \(session level1\) +9 +4 23:03:12 +23:06:33$/,
	);
	assert.equal(groups.length, 6);
});

test('Tab, arrows and number keys switch the grouping', async () => {
	const app = await renderApp(flaws2, small);
	await press(app, 'S', (plain) => plain.includes('Summary by principal'));
	const address = await press(app, keys.tab, (plain) =>
		plain.includes('Summary by address'),
	);
	assertFits(address, 80, 24);
	assert.match(rowsOf(address)[3] ?? '', /Address +Class +Events↓/);
	assert.match(
		groupRows(address)[0] ?? '',
		/^▸104\.102\.221\.250 +external +27 +5 /,
	);
	assert.match(groupRows(address)[1] ?? '', /^ 34\.234\.236\.212 +AWS +5 +0 /);
	assert.match(
		groupRows(address)[2] ?? '',
		/^ apigateway\.amazonaws\.com +AWS service +2/,
	);
	const api = await press(app, '5', (plain) =>
		plain.includes('Summary by API'),
	);
	assert.match(groupRows(api)[0] ?? '', /^▸s3:GetObject +22 /);
	const error = await press(app, keys.right, (plain) =>
		plain.includes('Summary by error'),
	);
	assert.match(groupRows(error)[0] ?? '', /^▸\(none\) +30 +5 /);
	assert.match(groupRows(error)[1] ?? '', /^ AccessDenied +5 +0 /);
	await press(app, keys.left, (plain) => plain.includes('Summary by API'));
	await press(app, keys.shiftTab, (plain) =>
		plain.includes('Summary by user agent'),
	);
	const principal = await press(app, '1', (plain) =>
		plain.includes('Summary by principal'),
	);
	// Left of the first grouping wraps round to the last.
	assert.match(principal, /\[1 principal\]/);
	await press(app, keys.left, (plain) => plain.includes('Summary by region'));
});

test('s cycles the sort column and r reverses it: ↓ is descending, ↑ ascending', async () => {
	const app = await renderApp(flaws2, small);
	await press(app, ['S', '2'], (plain) => plain.includes('Summary by address'));
	const flagged = await press(app, 's', (plain) => plain.includes('Flagged↓'));
	assert.match(groupRows(flagged)[0] ?? '', /^▸104\.102\.221\.250 /);
	// First seen starts with the earliest, ascending.
	const first = await press(app, 's', (plain) => plain.includes('First seen↑'));
	assert.match(groupRows(first)[0] ?? '', /^▸ecs-tasks\.amazonaws\.com /);
	const reversed = await press(app, 'r', (plain) =>
		plain.includes('First seen↓'),
	);
	assert.match(groupRows(reversed)[0] ?? '', /^▸apigateway\.amazonaws\.com /);
	// Last seen starts with the latest, descending.
	const last = await press(app, 's', (plain) => plain.includes('Last seen↓'));
	assert.match(groupRows(last)[0] ?? '', /^▸104\.102\.221\.250 /);
	const value = await press(app, 's', (plain) => plain.includes('Address↑'));
	assert.deepEqual(
		groupRows(value).map((row) => row.slice(1).split(' ')[0]),
		[
			'104.102.221.250',
			'34.234.236.212',
			'apigateway.amazonaws.com',
			'ecs-tasks.amazonaws.com',
			'lambda.amazonaws.com',
		],
	);
	const back = await press(app, 'r', (plain) => plain.includes('Address↓'));
	assert.match(groupRows(back)[0] ?? '', /^▸lambda\.amazonaws\.com /);
	await press(app, 's', (plain) => plain.includes('Events↓'));
});

test('Enter lists the group’s events; Esc comes back to the summary, then the list', async () => {
	const app = await renderApp(flaws2, small);
	await press(app, ['S', '2', 'j'], (plain) =>
		(groupRows(plain)[1] ?? '').startsWith('▸34.234.236.212'),
	);
	const events = await press(app, keys.enter, (plain) =>
		plain.includes('5/37 events'),
	);
	assert.match(events, /filter ip=34\.234\.236\.212 · 1 back \(Esc\)/);
	const summary = await press(app, keys.escape, (plain) =>
		plain.includes('Summary by address'),
	);
	// The cursor is where it was.
	assert.match(groupRows(summary)[1] ?? '', /^▸34\.234\.236\.212/);
	const list = await press(app, keys.escape, (plain) =>
		plain.includes(' Time '),
	);
	assert.match(list, / 37 events · 5 flagged/);
	assert.ok(!list.includes('· filter '));
});

test('a drill-down narrows the filter in force; the groups without a value drill too', async () => {
	const app = await renderApp(flaws2, {...small, initialFilter: 'flagged'});
	const summary = await press(app, ['S', '3'], (plain) =>
		plain.includes('Summary by access key · 2 groups in 5 events'),
	);
	assert.match(groupRows(summary)[0] ?? '', /^▸ASIAZQNB3KHGIGYQXVVG +4 +4 /);
	const events = await press(app, keys.enter, (plain) =>
		plain.includes('4/37 events'),
	);
	assert.match(events, /filter flagged and key=ASIAZQNB3KHGIGYQXVVG/);
	await press(app, [keys.escape, '6'], (plain) =>
		plain.includes('Summary by error'),
	);
	const none = await press(app, keys.enter, (plain) =>
		plain.includes('5/37 events'),
	);
	assert.match(none, /filter flagged and !error~"" ·/);
});

test('j, k, G and g move through many groups, drawing only the window', async () => {
	const app = await renderApp(sequenceDataset(100), small);
	const frame = await press(app, 'S', (plain) =>
		plain.includes('Summary by principal · 100 groups'),
	);
	assert.match(frame, /1–17\/100/);
	const bottom = await press(app, 'G', (plain) => plain.includes('84–100/100'));
	assertFits(bottom, 80, 24);
	assert.match(groupRows(bottom).at(-1) ?? '', /^▸user099 /);
	await press(app, 'k', (plain) =>
		(groupRows(plain).at(-2) ?? '').startsWith('▸user098'),
	);
	const top = await press(app, 'g', (plain) => plain.includes('1–17/100'));
	assert.match(groupRows(top)[0] ?? '', /^▸user000 /);
	await press(app, 'q', (plain) => plain.includes(' Time '));
});

test('values from the logs are shown without their control characters', async () => {
	const br19 = await openCase('BR-19.json');
	const app = await renderApp(br19, {columns: 130, rows: 30});
	const frame = await press(app, ['S', '4'], (plain) =>
		plain.includes('Summary by user agent'),
	);
	assert.ok(!frame.includes('\u001B]'), 'no OSC sequence');
	assert.ok(!frame.includes('\u0007'), 'no BEL');
	assertFits(frame, 130, 30);
});
