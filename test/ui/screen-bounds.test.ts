import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {lineText} from '../../source/ui/lines.js';
import {keys} from '../helpers/ui-keys.js';
import {caseFile} from '../helpers/paths.js';
import {
	press,
	renderApp,
	rowsOf,
	waitForFrame,
	type Rendered,
} from '../helpers/ui-render.js';
import {openCase, openFlaws2} from '../helpers/ui-samples.js';

let br19: Dataset;
let flaws2: Dataset;

before(async () => {
	br19 = await openCase('BR-19.json');
	flaws2 = await openFlaws2();
});

afterEach(() => {
	cleanup();
});

/** Asserts the frame fits the terminal: rows - 1 lines, none too wide. */
function assertFits(frame: string, columns: number, rows: number): void {
	const lines = rowsOf(frame);
	assert.ok(lines.length <= rows - 1, `${lines.length} lines for ${rows} rows`);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= columns, `too wide: ${line}`);
	}
}

/** Escape sequences a log could use to act on the terminal. */
function assertNoTerminalControl(frame: string): void {
	assert.ok(!frame.includes('\u001B]'), 'no OSC (window title) sequence');
	assert.ok(!frame.includes('\u0007'), 'no BEL');
	assert.ok(!frame.includes('\u001B[2K'), 'no erase-line sequence');
}

test('a user agent full of escape sequences stays in its own cell on one row', async () => {
	const app = await renderApp(br19, {columns: 130, rows: 30});
	const frame = app.lastFrame() ?? '';
	assertNoTerminalControl(frame);
	const rows = rowsOf(frame);
	assert.equal(rows.length, 29);
	assert.equal(rows[0]?.trim(), 'trailtui  2024-05-01 UTC');
	const tableRows = rows.filter((row) => /^.\d\d:\d\d:\d\d /.test(row));
	assert.deepEqual(
		tableRows.map((row) => row.slice(1, 9)),
		['10:00:00', '10:01:00', '10:02:00', '10:03:00', '10:04:00'],
	);
	const curl = tableRows[3] ?? '';
	assert.match(curl, /ListBuckets +alice/);
	assert.ok(curl.includes('curl/8.5.0\\x1b]0;owned\\x07'), curl);
	assert.ok(!rows.some((row) => row.startsWith('FAKE')), 'no forged row');
	// The 4 KB user agent is cut, with an ellipsis, at the table's edge.
	const long = tableRows[4] ?? '';
	assert.equal(stringWidth(long.trimEnd()), 130);
	assert.ok(long.trimEnd().endsWith('…'));
	assertFits(frame, 130, 30);
});

test('the escaped user agent is harmless in the side panel and detail view too', async () => {
	const app = await renderApp(br19, {columns: 80, rows: 24});
	const panel = await press(
		app,
		['j', 'j', 'j'],
		(plain) => plain.includes('curl/8.5.0'),
		'with the curl event selected',
	);
	assertNoTerminalControl(panel);
	assertFits(panel, 80, 24);
	const detail = await press(
		app,
		keys.enter,
		(plain) => plain.includes('"userAgent"'),
		'with the record',
	);
	assertNoTerminalControl(detail);
	assertFits(detail, 80, 24);
});

test('the detail view shows the 4 KB user agent in full', async () => {
	const raw = JSON.parse(await readFile(caseFile('BR-19.json'), 'utf8')) as {
		Records: Array<{userAgent: string}>;
	};
	const agent = raw.Records[4]!.userAgent;
	const event = br19.events[4]!;
	assert.equal(event.userAgent, agent);
	const rows = detailLines(event, 80).map((line) => lineText(line).trim());
	const start = rows.findIndex((row) => row.startsWith('"userAgent"'));
	const end = rows.findIndex(
		(row, index) => index > start && row.endsWith('",'),
	);
	// Rows are cut at spaces or mid-word: compare without the white space.
	const shown = rows
		.slice(start, end + 1)
		.join('')
		.replaceAll(/\s/g, '');
	const expected = `"userAgent":${JSON.stringify(agent)},`.replaceAll(
		/\s/g,
		'',
	);
	assert.ok(start >= 0 && end > start);
	assert.ok(shown === expected, 'every character of the user agent is shown');
});

async function visit(app: Rendered, input: string[], expect: string) {
	return press(app, input, (plain) => plain.includes(expect), `with ${expect}`);
}

test('at 80×24 no view is taller than 23 rows or wider than 80 columns', async () => {
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	const frames = [
		app.lastFrame() ?? '',
		await visit(
			app,
			['f', 'eventName=ListBuckets', keys.enter],
			'filter event',
		),
		await visit(app, [keys.tab, 'G'], 'j/k scroll'),
		await visit(app, [keys.enter], '"eventVersion"'),
		await visit(app, ['G'], '}'),
		await visit(app, ['?'], 'Keys of the event detail'),
		await visit(app, [keys.escape, keys.escape, 'p'], 'Load problems'),
		await visit(app, [keys.escape, 'f', keys.ctrlU, 'ip!=', keys.enter], '^'),
	];
	for (const frame of frames) {
		assertFits(frame, 80, 24);
		assert.equal(rowsOf(frame).length, 23);
	}
});

test('the screen follows a resize of the terminal', async () => {
	const app = await renderApp(flaws2, {follow: true});
	// ink-testing-library's stream has 100 columns and no rows: 100×24.
	assert.equal(rowsOf(app.lastFrame()).length, 23);
	Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: 40, configurable: true});
	app.stdout.emit('resize');
	const bigger = await waitForFrame(
		app,
		(frame) => rowsOf(frame).length === 39,
		'39 rows tall',
	);
	assertFits(bigger, 80, 40);
	Object.defineProperty(app.stdout, 'rows', {value: 24, configurable: true});
	app.stdout.emit('resize');
	const smaller = await waitForFrame(
		app,
		(frame) => rowsOf(frame).length === 23,
		'23 rows tall again',
	);
	assertFits(smaller, 80, 24);
});
