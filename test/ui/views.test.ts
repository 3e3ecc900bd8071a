import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {markRanges} from '../../source/ui/highlight.js';
import {computeLayout} from '../../source/ui/layout.js';
import {lineText} from '../../source/ui/lines.js';
import {
	rowLine,
	tableColumns,
	type DateMode,
} from '../../source/ui/table-columns.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeDataset, sequenceDataset} from '../helpers/ui-dataset.js';
import {press, renderApp, rowsOf} from '../helpers/ui-render.js';
import {openCase} from '../helpers/ui-samples.js';

afterEach(() => {
	cleanup();
});

test('table rows are exactly as wide as the table at every width', () => {
	const [event] = makeEvents([
		{ua: 'x'.repeat(4000), eventName: 'GetBucketPolicyStatus', role: 'r'},
	]);
	for (const mode of ['time', 'month-day', 'full'] as DateMode[]) {
		for (let width = 60; width <= 220; width += 7) {
			const columns = tableColumns(width, mode);
			const total =
				columns.reduce((sum, column) => sum + column.width, 0) +
				columns.length -
				1;
			assert.equal(total, width, `${mode} at ${width}`);
			assert.equal(
				stringWidth(lineText(rowLine(event!, columns, mode))),
				width,
			);
		}
	}
});

test('the user agent gets a column from 120 cells on, cut with an ellipsis', () => {
	const [event] = makeEvents([{ua: `Boto3/1.34.0 ${'A'.repeat(4000)}`}]);
	assert.ok(!tableColumns(119, 'time').some((column) => column.id === 'agent'));
	const columns = tableColumns(120, 'time');
	assert.ok(columns.some((column) => column.id === 'agent'));
	assert.match(
		lineText(rowLine(event!, columns, 'time')),
		/Boto3\/1\.34\.0 A+…$/,
	);
});

test('events over several days show the date in the time column', async () => {
	const events = makeEvents([
		{time: '2024-04-30T23:58:10Z', user: 'late'},
		{time: '2024-05-01T00:03:00Z', user: 'early'},
	]);
	const app = await renderApp(makeDataset(events), {columns: 100, rows: 20});
	const frame = rowsOf(app.lastFrame());
	assert.match(frame[0] ?? '', /2024-04-30 → 2024-05-01 UTC/);
	assert.ok(frame.some((row) => /04-30 23:58:10 .*late/.test(row)));
	assert.ok(frame.some((row) => /05-01 00:03:00 .*early/.test(row)));
});

test('with no events the screen says so and why, without a spinner', async () => {
	const dataset = await openCase('BR-04.json');
	assert.equal(dataset.events.length, 0);
	const app = await renderApp(dataset, {columns: 80, rows: 24});
	const frame = app.lastFrame() ?? '';
	assert.match(frame, /No events loaded\./);
	assert.match(frame, /1 file read: \d+ skipped/);
	assert.match(frame, /0 events/);
	// The reason wraps within the screen rather than running off it.
	for (const row of rowsOf(frame)) {
		assert.ok(stringWidth(row) <= 80, row);
	}
	// Keys still work: the problems view opens and closes.
	await press(app, 'p', (plain) => plain.includes('Load problems'));
	await press(app, 'q', (plain) => plain.includes('No events loaded.'));
});

test('p lists each load problem with its file and message', async () => {
	const dataset = sequenceDataset(
		3,
		[],
		[
			{
				level: 'error',
				file: 'logs/truncated.json.gz',
				message: 'unexpected end of gzip data',
			},
			{
				level: 'warning',
				file: 'logs/appended.json.gz',
				record: 2,
				message: '8 bytes after end of gzip stream',
			},
			{
				level: 'info',
				file: 'logs/digest.json.gz',
				message: 'digest file: skipped',
			},
		],
	);
	const app = await renderApp(dataset, {columns: 100, rows: 30});
	const status = rowsOf(app.lastFrame()).at(-2) ?? '';
	assert.match(status, /load: 1 error, 1 warning, 1 note \(p\)/);
	const frame = await press(app, 'p', (plain) =>
		plain.includes('Load problems (3)'),
	);
	const rows = rowsOf(frame);
	const at = (text: string): number =>
		rows.findIndex((row) => row.includes(text));
	assert.match(rows[at('truncated.json.gz')] ?? '', /^error/);
	assert.match(
		rows[at('truncated.json.gz') + 1] ?? '',
		/unexpected end of gzip data/,
	);
	assert.match(rows[at('appended.json.gz')] ?? '', /^warning .*\(record 3\)/);
	assert.ok(at('digest file: skipped') > 0);
	await press(app, '\u001B', (plain) => plain.includes('Enter detail'));
});

test('the layout keeps the side panel beside the table only on wide terminals', () => {
	assert.equal(computeLayout(100, 30).stacked, true);
	const wide = computeLayout(200, 50);
	assert.equal(wide.stacked, false);
	assert.equal(wide.tableWidth + 1 + wide.sideWidth, 200);
	for (const [columns, rows] of [
		[80, 24],
		[100, 30],
		[200, 50],
	] as const) {
		const layout = computeLayout(columns, rows);
		// Title, body, status, bottom: one row less than the terminal.
		assert.equal(1 + layout.bodyHeight + 1 + layout.bottomHeight, rows - 1);
	}
});

test('search marks land on the shown part of a cut cell only', () => {
	const full = 'GetBucketPolicyStatus';
	const fitted = 'GetBucketPo…';
	assert.deepEqual(
		markRanges(full, fitted, [
			[3, 9],
			[15, 21],
		]),
		[{text: 'Get'}, {text: 'Bucket', tone: 'match'}, {text: 'Po…'}],
	);
	// A match that starts beyond the cut marks nothing.
	assert.deepEqual(markRanges(full, fitted, [[12, 15]]), [{text: fitted}]);
});
