import {after, afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf, type Rendered} from '../helpers/ui-render.js';
import {openFlaws2} from '../helpers/ui-samples.js';

let dir: string;
let flaws2: Dataset;

before(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-dialog-'));
	flaws2 = await openFlaws2();
});

after(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

afterEach(() => {
	cleanup();
});

async function open(): Promise<Rendered> {
	return renderApp(flaws2, {
		columns: 100,
		rows: 30,
		workflow: {cwd: () => dir, now: () => Date.parse('2024-05-01T10:00:00Z')},
	});
}

/** Types a file name over the proposed one and writes. */
async function writeAs(app: Rendered, name: string): Promise<string> {
	await press(app, keys.enter, (plain) =>
		rowsOf(plain).at(-1)!.startsWith('file: '),
	);
	return press(app, [keys.ctrlU, name, keys.enter], (plain) =>
		/Wrote|exists|cannot write/.test(plain),
	);
}

test('w opens the dialog: the view or the marked events, three formats', async () => {
	const app = await open();
	const dialog = await press(app, 'w', (plain) =>
		plain.includes('Write events to a file'),
	);
	assert.match(
		dialog,
		/\[x\] a the view \(37 events\) +\[ \] m the marked events \(0\)/,
	);
	assert.match(
		dialog,
		/\[ \] j JSON Lines +\[ \] c CSV +\[x\] n Markdown note/,
	);
	// The proposed file name follows the format.
	await press(app, keys.enter, (plain) =>
		/file: trailtui-note-\d{8}T\d{6}Z\.md/.test(plain),
	);
	await press(app, [keys.escape, 'j', keys.enter], (plain) =>
		/file: trailtui-events-\d{8}T\d{6}Z\.jsonl/.test(plain),
	);
	await press(
		app,
		[keys.escape, keys.escape],
		(plain) => !plain.includes('Write events'),
	);
});

test('JSON Lines of the filtered view go to the file typed, relative to the folder', async () => {
	const app = await open();
	await press(app, ['f', 'principal~level1', keys.enter], (plain) =>
		plain.includes('filter principal~level1'),
	);
	await press(app, ['w', 'j'], (plain) => plain.includes('[x] j JSON Lines'));
	const done = await writeAs(app, 'level1.jsonl');
	const file = path.join(dir, 'level1.jsonl');
	assert.match(
		done,
		new RegExp(
			`Wrote 9 events to ${file.replaceAll('.', '\\.')} \\(JSON Lines\\)`,
		),
	);
	const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
	const level1 = flaws2.events.filter((event) =>
		event.principal.label.includes('level1'),
	);
	assert.equal(level1.length, 9);
	assert.deepEqual(
		lines.map((line) => JSON.parse(line) as unknown),
		level1.map((event) => event.record),
	);
});

test('CSV of the marked events, with the columns chosen in the dialog', async () => {
	const app = await open();
	await press(
		app,
		['e'],
		(plain) => plain.includes('1 flagged') || plain.includes('5 flagged'),
	);
	await press(app, ['m', 'G', 'c', 'last one', keys.enter], (plain) =>
		plain.includes('2 marked'),
	);
	await press(app, ['w', 'm', 'c', 'e'], (plain) =>
		rowsOf(plain).at(-1)!.startsWith('columns: '),
	);
	await press(app, [keys.ctrlU, 'time,eventName,note', keys.enter], (plain) =>
		plain.includes('Columns  time,eventName,note'),
	);
	const done = await writeAs(app, 'marked.csv');
	assert.match(done, /Wrote 2 events to .*marked\.csv \(CSV\)/);
	const listObjects = flaws2.events.find(
		(event) => event.eventName === 'ListObjects',
	)!;
	const last = flaws2.events.at(-1)!;
	assert.equal(
		fs.readFileSync(path.join(dir, 'marked.csv'), 'utf8'),
		'time,eventName,note\r\n' +
			`${listObjects.timeText},ListObjects,\r\n` +
			`${last.timeText},${last.eventName},last one\r\n`,
	);
});

test('the Markdown note of the view, with its marks and notes', async () => {
	const app = await open();
	await press(app, ['f', 'flagged', keys.enter], (plain) =>
		plain.includes('5/37 events'),
	);
	await press(app, ['G', 'c', 'level3 | stolen', keys.enter], (plain) =>
		plain.includes('1 marked'),
	);
	await press(app, ['w', 'n'], (plain) =>
		plain.includes('[x] n Markdown note'),
	);
	const done = await writeAs(app, 'note.md');
	assert.match(done, /Wrote 5 events to .*note\.md \(Markdown note\)/);
	const note = fs.readFileSync(path.join(dir, 'note.md'), 'utf8');
	assert.match(note, /Written by trailtui on 2024-05-01 10:00:00 UTC/);
	assert.match(note, /- Filter: `flagged`/);
	assert.match(note, /### f1 · HIGH/);
	assert.match(note, /\| Marked among them \| 1 \|/);
	assert.match(note, /level3 \\\| stolen/);
});

test('an existing file is replaced only once the person says so', async () => {
	const file = path.join(dir, 'again.csv');
	fs.writeFileSync(file, 'keep me');
	const app = await open();
	await press(app, ['w', 'c'], (plain) => plain.includes('[x] c CSV'));
	const asked = await writeAs(app, 'again.csv');
	assert.match(
		rowsOf(asked).at(-1)!,
		/again\.csv exists\. Overwrite it\? y yes {2}n no/,
	);
	// No: back to the file name, the file untouched.
	await press(app, 'n', (plain) =>
		rowsOf(plain).at(-1)!.startsWith('file: again.csv'),
	);
	assert.equal(fs.readFileSync(file, 'utf8'), 'keep me');
	await press(app, keys.enter, (plain) => plain.includes('Overwrite it?'));
	const replaced = await press(app, 'y', (plain) =>
		plain.includes('Wrote 37 events'),
	);
	assert.match(replaced, /again\.csv \(CSV\)/);
	assert.match(
		fs.readFileSync(file, 'utf8'),
		/^time,eventName,principal,ip,ua,region,error,flags\r\n/,
	);
});

test('a file that cannot be written is said in the dialog, and the screen goes on', async () => {
	const app = await open();
	await press(app, 'w', (plain) => plain.includes('Write events'));
	const failed = await writeAs(app, path.join('absent', 'x.md'));
	assert.match(failed, /cannot write absent\/x\.md \(ENOENT\)/);
	assert.ok(rowsOf(failed).at(-1)!.startsWith('file: absent/x.md'));
	await press(app, [keys.escape, keys.escape], (plain) =>
		plain.includes('37 events'),
	);
});
