import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {memorySessions} from '../../source/investigate/session-store.js';
import {markGlyph} from '../../source/ui/mark-panel-lines.js';
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

/** The table row of a user, if shown. */
function rowOf(frame: string, user: string): string | undefined {
	return rowsOf(frame).find(
		(row) => / \d\d:\d\d:\d\d /.test(` ${row.slice(1)}`) && row.includes(user),
	);
}

test('m marks the selected row with a glyph, and m again unmarks it', async () => {
	const app = await renderApp(sequenceDataset(20, [2]), {
		columns: 100,
		rows: 30,
	});
	const marked = await press(app, ['j', 'j', 'm'], (plain) =>
		plain.includes('1 marked'),
	);
	assert.match(selectedRow(marked) ?? '', /^▸10:00:02 !! \*DescribeInstances/);
	assert.match(marked, /Marked: u \/ U go through the marks/);
	assert.match(marked, /\* Marked · c writes a note/);
	const unmarked = await press(app, 'm', (plain) => plain.includes('Unmarked'));
	assert.ok(!unmarked.includes('1 marked'));
	assert.match(selectedRow(unmarked) ?? '', /^▸10:00:02 !! +DescribeInstances/);
	assert.equal(markGlyph, '*');
});

test('c writes a note shown in the side panel; an empty note keeps the mark', async () => {
	const app = await renderApp(sequenceDataset(20), {columns: 100, rows: 30});
	const prompt = await press(app, ['j', 'c'], (plain) =>
		plain.includes('note: '),
	);
	assert.ok(rowsOf(prompt).at(-1)!.startsWith('note: '));
	const noted = await press(app, ['seen from the VPN', keys.enter], (plain) =>
		plain.includes('Note saved'),
	);
	assert.match(noted, /Note {7}seen from the VPN/);
	assert.match(selectedRow(noted) ?? '', /^▸10:00:01 {4}\*GetObject/);
	// c again edits the note it holds.
	const editing = await press(app, 'c', (plain) =>
		plain.includes('note: seen from the VPN'),
	);
	assert.ok(editing);
	const cleared = await press(app, [keys.ctrlU, keys.enter], (plain) =>
		plain.includes('Note removed; the event stays marked'),
	);
	assert.ok(!cleared.includes('seen from the VPN'));
	assert.match(cleared, /1 marked/);
	// Esc leaves the prompt without a change.
	await press(
		app,
		['c', 'draft', keys.escape],
		(plain) => !plain.includes('note: '),
	);
	assert.ok(!(app.lastFrame() ?? '').includes('draft'));
});

test('u and U go to the next and previous marked event, wrapping', async () => {
	const app = await renderApp(sequenceDataset(20), {columns: 100, rows: 30});
	await press(app, 'u', (plain) => plain.includes('Nothing is marked'));
	await press(app, ['j', 'j', 'm'], (plain) => plain.includes('1 marked'));
	await press(app, ['j', 'j', 'j', 'j', 'j', 'm'], (plain) =>
		plain.includes('2 marked'),
	);
	await press(
		app,
		'g',
		(plain) => selectedRow(plain)?.includes('user000') ?? false,
	);
	await press(
		app,
		'u',
		(plain) => selectedRow(plain)?.includes('user002') ?? false,
	);
	await press(
		app,
		'u',
		(plain) => selectedRow(plain)?.includes('user007') ?? false,
	);
	const wrapped = await press(
		app,
		'u',
		(plain) => selectedRow(plain)?.includes('user002') ?? false,
	);
	assert.match(wrapped, /back to the first/);
	await press(
		app,
		'U',
		(plain) => selectedRow(plain)?.includes('user007') ?? false,
	);
	// Only the marks of the view count.
	await press(app, ['f', 'user=user007', keys.enter], (plain) =>
		plain.includes('1/20 events'),
	);
	await press(app, 'u', (plain) =>
		plain.includes('only marked event in the view'),
	);
});

test('marks and notes come back on the next run over the same events', async () => {
	const sessions = memorySessions();
	const dataset = sequenceDataset(20);
	const first = await renderApp(dataset, {
		columns: 100,
		rows: 30,
		workflow: {sessions},
	});
	await press(first, ['j', 'j', 'j', 'c', 'pivot point', keys.enter], (plain) =>
		plain.includes('Note saved'),
	);
	await press(first, ['j', 'm'], (plain) => plain.includes('2 marked'));
	cleanup();

	const second = await renderApp(dataset, {
		columns: 100,
		rows: 30,
		workflow: {sessions},
	});
	const frame = await waitForText(second, '2 marked');
	assert.match(rowOf(frame, 'user003') ?? '', /\*PutObject/);
	assert.match(rowOf(frame, 'user004') ?? '', /\*AssumeRole/);
	assert.doesNotMatch(rowOf(frame, 'user002') ?? '', /\*/);
	const noted = await press(second, ['j', 'j', 'j'], (plain) =>
		plain.includes('pivot point'),
	);
	assert.match(noted, /Note {7}pivot point/);

	// Other sessions (another set of files) start without marks.
	cleanup();
	const other = await renderApp(sequenceDataset(20), {columns: 100, rows: 30});
	assert.ok(!(other.lastFrame() ?? '').includes('marked'));
});

test('a session that cannot be saved is a one-line notice, and the screen goes on', async () => {
	const sessions = () => ({
		where: 'nowhere',
		load: () => ({
			entries: [],
			writable: true,
			notice: 'The session nowhere is damaged (test): kept as nowhere.bad',
		}),
		save: () => 'Marks not saved: cannot write nowhere (EACCES)',
	});
	const app = await renderApp(sequenceDataset(5), {
		columns: 100,
		rows: 30,
		workflow: {sessions},
	});
	await waitForText(app, 'kept as nowhere.bad');
	const frame = await press(app, 'm', (plain) =>
		plain.includes('Marks not saved'),
	);
	assert.match(frame, /1 marked/);
	await press(app, 'j', (plain) => !plain.includes('Marks not saved'));
});
