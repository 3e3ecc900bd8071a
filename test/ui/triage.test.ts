import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {findingPanelLines} from '../../source/ui/finding-panel-lines.js';
import {lineText} from '../../source/ui/lines.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {
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

/** Asserts the frame fits 80×24: 23 rows, none wider than 80 columns. */
function assertFits(frame: string): void {
	const rows = rowsOf(frame);
	assert.equal(rows.length, 23);
	for (const row of rows) {
		assert.ok(stringWidth(row) <= 80, `too wide: ${row}`);
	}
}

async function openTriage(app: Rendered): Promise<string> {
	return press(
		app,
		'F',
		(plain) => plain.includes('2 findings'),
		'with the findings',
	);
}

test('F lists the findings most severe first, one row each, and fits 80×24', async () => {
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	const frame = await openTriage(app);
	assertFits(frame);
	const rows = rowsOf(frame);
	const f1 = rows.findIndex((row) => /!! +f1 +Reconnaissance/.test(row));
	const f2 = rows.findIndex((row) => /!! +f2 +Workload credentials/.test(row));
	assert.ok(f1 > 0 && f2 === f1 + 1, frame);
	assert.match(rows[f1]!, /role level3 +1 ev 23:09:28/);
	assert.match(rows[f2]!, /role level1 +4 ev 23:04:54–23:06:33/);
	assert.match(selectedRow(frame) ?? '', /f1/);
	// The side panel explains the selected finding.
	assert.ok(frame.includes('Selected finding'));
	assert.ok(frame.includes('ListBuckets by role level3 from 104.102.221.250'));
	assert.match(frame, /5 flagged events · of 37/);
});

test('Enter lists the finding’s events; Esc goes back to the findings, then to the events', async () => {
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	await openTriage(app);
	await press(app, 'j', (plain) => /^▸.*f2/m.test(plain), 'on f2');
	const events = await press(
		app,
		keys.enter,
		(plain) => plain.includes('4/37 events'),
		"with the finding's events",
	);
	assertFits(events);
	const rows = rowsOf(events);
	assert.match(
		rows[1] ?? '',
		/^f2 {2}HIGH {2}Workload credentials .* · 4 events/,
	);
	const names = rows
		.filter((row) => /^.\d\d:\d\d:\d\d /.test(row))
		.map((row) => row.slice(14, 27).trim());
	assert.deepEqual(names, [
		'ListObjects',
		'ListImages',
		'BatchGetIma…',
		'GetDownload…',
	]);
	assert.match(events, /finding f2/);
	assert.ok(!events.includes('anonymous'));

	const back = await press(
		app,
		keys.escape,
		(plain) => plain.includes('2 findings'),
		'with the findings again',
	);
	assert.match(selectedRow(back) ?? '', /f2/);
	const list = await press(
		app,
		keys.escape,
		(plain) => plain.includes('37 events · 5 flagged'),
		'with every event again',
	);
	assert.match(selectedRow(list) ?? '', /22:31:59 .*AssumeRole/);
	assertFits(list);
});

test('F opens on the finding of the selected event, and F again goes back', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	await press(
		app,
		['f', 'eventName=ListImages', keys.enter],
		(plain) => selectedRow(plain)?.includes('ListImages') ?? false,
		'with ListImages selected',
	);
	const triage = await openTriage(app);
	assert.match(selectedRow(triage) ?? '', /f2 +Workload credentials/);
	const list = await press(
		app,
		'F',
		(plain) => plain.includes('filter eventName=ListImages'),
		'with the filtered list again',
	);
	assert.match(selectedRow(list) ?? '', /ListImages/);
});

test('the side panel of a finding scrolls to each flag’s evidence and next steps', async () => {
	const lines = findingPanelLines(flaws2.findings![1], 78).map((line) =>
		lineText(line).trimEnd(),
	);
	const text = lines.join('\n');
	assert.match(lines[0] ?? '', /^f2 {2}HIGH +Workload credentials used/);
	assert.ok(text.includes('4 events · role level1 · key ASIAZQNB3KHGIGYQXVVG'));
	for (const heading of ['Why', 'Evidence', 'Normal', 'Next']) {
		assert.ok(
			lines.some((row) => row.trim() === heading),
			heading,
		);
	}

	assert.ok(text.includes('34.234.236.212'));
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	await openTriage(app);
	await press(app, ['j', keys.tab], (plain) => plain.includes('j/k scroll'));
	const end = await press(
		app,
		'G',
		(plain) => !/ 1–\d+\/\d+/.test(plain),
		'scrolled to the end of the panel',
	);
	assertFits(end);
	assert.match(end, /aws /);
});

test('with nothing flagged, F says there are no findings and Esc goes back', async () => {
	const app = await renderApp(sequenceDataset(5), {columns: 80, rows: 24});
	const frame = await press(
		app,
		'F',
		(plain) => plain.includes('0 findings'),
		'with no findings',
	);
	assert.ok(frame.includes('No findings: no event is flagged.'));
	assertFits(frame);
	// Enter and s have nothing to open.
	await press(app, [keys.enter, 's'], (plain) => plain.includes('0 findings'));
	await press(app, keys.escape, (plain) => plain.includes('5 events'));
});
