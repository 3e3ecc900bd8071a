import '../helpers/ui-force-color.js';
import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {
	memoryHistoryStore,
	type HistoryStore,
} from '../../source/core/history-store.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeDataset, sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {
	press,
	renderApp,
	rowsOf,
	waitForFrame,
	waitForText,
} from '../helpers/ui-render.js';

/**
The filter prompt's query keys: Tab completion of fields and values, the
history on Up and Down (a store injected, no file), `:` to open it, and
the caret under a mistake in the query language.
*/

afterEach(() => {
	cleanup();
});

/** The prompt's row: the bottom one, or the one over the candidates. */
function promptRow(frame: string): string {
	return rowsOf(frame).find((row) => row.startsWith('filter: ')) ?? '';
}

const prompted = (text: string) => (plain: string) =>
	promptRow(plain).startsWith(`filter: ${text}`);

test('Tab completes a field name, and the shared start of several', async () => {
	const app = await renderApp(sequenceDataset(20));
	await press(app, ['f', 'eventN'], prompted('eventN'));
	await press(app, keys.tab, prompted('eventName '), 'with the field');
	// eventName, eventType and eventCategory share "event".
	await press(app, [keys.ctrlU, 'ev'], prompted('ev '));
	const listed = await press(
		app,
		keys.tab,
		(plain) => plain.includes('Tab cycles (3)'),
		'with the candidates listed',
	);
	assert.ok(promptRow(listed).startsWith('filter: event '), promptRow(listed));
	assert.match(rowsOf(listed).at(-1) ?? '', /eventName.*eventType/);
});

test('Tab completes a value seen in the logs, and cycles through several', async () => {
	const app = await renderApp(sequenceDataset(50));
	await press(app, ['f', 'eventName=Ge'], prompted('eventName=Ge'));
	await press(app, keys.tab, prompted('eventName=GetObject '), 'completed');
	const applied = await press(
		app,
		keys.enter,
		(plain) => plain.includes('10/50 events'),
		'with the filter applied',
	);
	assert.match(applied, /filter eventName=GetObject/);

	await press(app, ['f', keys.ctrlU, 'eventName='], prompted('eventName= '));
	const listed = await press(
		app,
		keys.tab,
		(plain) => plain.includes('Tab cycles (5)'),
		'with the five names and their counts',
	);
	// Most frequent first, ties by name; each with its count.
	assert.match(
		rowsOf(listed).at(-1) ?? '',
		/AssumeRole 10 {2}DescribeInstances 10 {2}GetObject 10/,
	);
	await press(app, keys.tab, prompted('eventName=AssumeRole '), 'the first');
	const second = await press(
		app,
		keys.tab,
		prompted('eventName=DescribeInstances '),
		'the second',
	);
	assert.match(rowsOf(second).at(-1) ?? '', /2\/5: DescribeInstances/);
	// Another key ends the cycle and takes the candidates away.
	const typed = await press(
		app,
		'x',
		(plain) => !plain.includes('2/5'),
		'without the candidates',
	);
	assert.ok(
		promptRow(typed).startsWith('filter: eventName=DescribeInstances x'),
	);
});

test('Up and Down walk the filter history and come back to the draft', async () => {
	const store = memoryHistoryStore({
		filter: ['eventName=GetObject', 'user=user003'],
		search: ['AssumeRole'],
	});
	const app = await renderApp(sequenceDataset(20), {history: store});
	await press(app, [':', 'ab'], prompted('ab'));
	await press(app, keys.up, prompted('user=user003'), 'the newest entry');
	await press(app, keys.up, prompted('eventName=GetObject'), 'the older one');
	await press(
		app,
		keys.up,
		prompted('eventName=GetObject'),
		'still the oldest',
	);
	await press(app, keys.down, prompted('user=user003'), 'newer again');
	await press(app, keys.down, prompted('ab '), 'the draft kept aside');

	// An applied filter becomes the newest entry, and is saved.
	await press(app, [keys.ctrlU, 'eventName=PutObject', keys.enter], (plain) =>
		plain.includes('filter eventName=PutObject'),
	);
	// The App saves once the frame is drawn.
	await waitForFrame(app, () => store.saved.length > 0, 'with it saved');
	assert.deepEqual(store.saved.at(-1)?.filter, [
		'eventName=GetObject',
		'user=user003',
		'eventName=PutObject',
	]);
	// The search prompt has its own list.
	await press(
		app,
		['/', keys.up],
		(plain) => (rowsOf(plain).at(-1) ?? '').startsWith('/AssumeRole'),
		'the search history',
	);
});

test(': opens the filter prompt like f', async () => {
	const app = await renderApp(sequenceDataset(10));
	const frame = await press(app, ':', prompted(''), 'with the prompt');
	assert.ok(promptRow(frame).startsWith('filter: '));
});

test('a bad query shows its error with the caret under the mistake', async () => {
	const app = await renderApp(sequenceDataset(10));
	const frame = await press(
		app,
		[':', 'flagged or (denied', keys.enter],
		(plain) => plain.includes('^'),
		'with the caret line',
	);
	const rows = rowsOf(frame);
	const caretRow = rows.at(-1) ?? '';
	assert.equal(caretRow.indexOf('^'), 'filter: flagged or '.length);
	assert.match(caretRow, /never closed/);
	assert.match(frame, /10 events/);
});

/** A store whose every save fails; it may fail to load too. */
function brokenStore(problem?: string): HistoryStore & {saves: () => number} {
	let saves = 0;
	return {
		saves: () => saves,
		load: () => ({
			history: {filter: [], search: []},
			...(problem ? {problem} : {}),
		}),
		save() {
			saves++;
			return 'History not saved (EROFS): /x/history.json';
		},
	};
}

test('a history that cannot be saved is a notice, told once, and the session goes on', async () => {
	const broken = brokenStore();
	const app = await renderApp(sequenceDataset(20), {history: broken});
	const applied = await press(
		app,
		['f', 'eventName=GetObject', keys.enter],
		(plain) => plain.includes('History not saved (EROFS)'),
		'with the notice',
	);
	assert.match(applied, /4\/20 events/);
	await press(
		app,
		['f', keys.ctrlU, 'eventName=PutObject', keys.enter],
		(plain) => plain.includes('filter eventName=PutObject'),
	);
	await waitForFrame(app, () => broken.saves() === 2, 'with the second save');
	const after = app.lastFrame() ?? '';
	assert.doesNotMatch(after, /History not saved/, 'told once');
});

test('a history that cannot be read is told once: its saves are not told again', async () => {
	// Issue 5, item 5: "not read" (EISDIR) was followed by "not saved".
	const broken = brokenStore('History not read (EISDIR): /x/history.json');
	const app = await renderApp(sequenceDataset(20), {history: broken});
	await waitForText(app, 'History not read (EISDIR)');
	await press(app, ['f', 'eventName=GetObject', keys.enter], (plain) =>
		plain.includes('4/20 events'),
	);
	await waitForFrame(app, () => broken.saves() === 1, 'with the save');
	// A later key renders again, after the save's effect.
	await press(app, ['f', keys.ctrlU, 'flagged'], prompted('flagged'));
	const told = app.frames.filter((frame) => frame.includes('History not'));
	assert.ok(told.length > 0);
	assert.ok(
		app.frames.every((frame) => !frame.includes('History not saved')),
		'the save is not told after the read',
	);
});

test('Tab with the cursor inside a keyword leaves the line as it is', async () => {
	// Issue 5, item 6: `or` became `outcome`.
	const dataset = makeDataset(
		makeEvents([
			{user: 'user-1'},
			{user: 'user-2'},
			{role: 'reader', session: 's1'},
		]),
	);
	const app = await renderApp(dataset);
	await press(app, ['f', 'user=user-1 or principal=ro'], prompted('user='));
	const completed = 'user=user-1 or principal="role reader (session s1)" ';
	await press(app, keys.tab, prompted(completed), 'completed');
	const home = await press(
		app,
		[keys.home, ...Array.from({length: 13}, () => keys.right)],
		(plain) => plain.includes(`filter: user=user-1 or`),
	);
	// Ink drops the spaces that end a row.
	const line = `filter: ${completed.trimEnd()}`;
	assert.ok(promptRow(home).startsWith(line), promptRow(home));
	const after = await press(
		app,
		keys.tab,
		(plain) => plain.includes('is a keyword'),
		'with the note',
	);
	assert.ok(promptRow(after).startsWith(line), promptRow(after));
});

test('a filter wider than the screen scrolls sideways to keep the cursor in view', async () => {
	// Issue 5, item 7, at 80×24: the end and the cursor were cut off.
	const app = await renderApp(sequenceDataset(20), {columns: 80, rows: 24});
	const typed = Array.from({length: 5}, (_, i) => `user=user00${i}`).join(
		' or ',
	);
	const filter = `${typed} or eventName=GetObject or eventName=PutObject`;
	assert.ok(filter.length > 100);
	const end = await press(app, ['f', filter], (plain) =>
		promptRow(plain).includes('PutObject'),
	);
	assert.match(promptRow(end), /^filter: …[^…]*eventName=PutObject\s*$/);
	const home = await press(app, keys.home, prompted('user=user000 or'));
	assert.match(promptRow(home), /…\s*$/);
	await press(app, keys.end, (plain) => promptRow(plain).includes('PutObject'));
	const left = await press(app, [keys.left, keys.left, keys.left], (plain) =>
		promptRow(plain).includes('PutObject'),
	);
	for (const frame of [end, home, left]) {
		for (const row of rowsOf(frame)) {
			assert.ok(row.length <= 80, row);
		}
	}
});

test('an error past the screen width shows its caret under the mistake and the start of its message', async () => {
	const wrong = `${'eventName=GetObject or '.repeat(4)}bogusword`;
	for (const [columns, rows] of [
		[80, 24],
		[120, 40],
	] as const) {
		const app = await renderApp(sequenceDataset(20), {columns, rows});
		const frame = await press(
			app,
			['f', wrong, keys.enter],
			(plain) => plain.includes('unknown word'),
			'with the error',
		);
		const lines = rowsOf(frame);
		const caretRow = lines.at(-1) ?? '';
		const prompt = promptRow(frame);
		assert.equal(
			prompt.slice(caretRow.indexOf('^')).slice(0, 9),
			'bogusword',
			`${prompt}\n${caretRow}`,
		);
		assert.match(caretRow, /unknown word "bogusword"/);
		assert.ok(caretRow.length <= columns);
		cleanup();
	}
});

test('a filter on a field no event has runs, and the message line says so', async () => {
	// Issue 5, item 9: `foo=bar` gave an empty table without a word.
	const app = await renderApp(sequenceDataset(20));
	const empty = await press(
		app,
		['f', 'foo=bar', keys.enter],
		(plain) => plain.includes('no event has a field named "foo"'),
		'with the warning',
	);
	assert.match(empty, /No events match this filter: no event has a field/);
	assert.match(empty, /filter foo=bar/);
	const all = await press(
		app,
		['f', keys.ctrlU, '!foo=bar', keys.enter],
		(plain) => plain.includes('filter !foo=bar'),
	);
	assert.match(all, /20\/20 events/);
	assert.match(all, /No event has a field named "foo"/);
});
