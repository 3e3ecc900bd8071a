import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {buildTimeline} from '../../source/investigate/timeline.js';
import {lineText} from '../../source/ui/lines.js';
import {renderTimeline} from '../../source/ui/timeline-lines.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf, selectedRow} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

/** The table's event rows: cursor cell, then a clock. */
function tableRows(frame: string): string[] {
	return rowsOf(frame).filter((row) => /^.\d\d:\d\d:\d\d /.test(row));
}

test('the timeline rows: bars, flag and selection marks, and a label', () => {
	const {events} = sequenceDataset(10, [3]);
	const timeline = buildTimeline(events, {length: 10, seqs: undefined}, 20);
	const [bars, marks, label] = renderTimeline(timeline, 5, 22).map(lineText);
	// 10 one-second buckets across 20 cells: two cells each.
	assert.equal(bars, ` ${'█'.repeat(20)}`);
	assert.equal(marks, `       !   ▲         `);
	assert.equal(
		label,
		' 2024-05-01 10:00:00–10:00:09 UTC · 1s buckets · peak 1 · ▲ 1 event',
	);
	const empty = renderTimeline(
		buildTimeline([], {length: 0, seqs: undefined}, 20),
		undefined,
		22,
	);
	assert.match(
		lineText(empty[0]!),
		/No event of this view has a readable time/,
	);
});

test('the timeline shows on a tall terminal, and t hides and shows it', async () => {
	const app = await renderApp(sequenceDataset(100, [10, 40]), {
		columns: 100,
		rows: 40,
	});
	const shown = rowsOf(app.lastFrame());
	assert.match(shown[1]!, /^ [▁▂▃▄▅▆▇█]+/);
	assert.match(shown[2]!, /▲/);
	assert.match(
		shown[3]!,
		/10:00:00–10:01:39 UTC · 5s buckets · peak 5 · ▲ 5 events/,
	);
	const hidden = await press(app, 't', (plain) => !plain.includes('buckets'));
	assert.match(rowsOf(hidden)[1]!, /^ Time /);
	await press(app, 't', (plain) => plain.includes('5s buckets'));
});

test('at 80×24 the timeline waits for t, and the screen still fits', async () => {
	const app = await renderApp(sequenceDataset(30, [5]), {
		columns: 80,
		rows: 24,
	});
	assert.ok(!(app.lastFrame() ?? '').includes('buckets'));
	const frame = await press(app, 't', (plain) => plain.includes('buckets'));
	const rows = rowsOf(frame);
	assert.equal(rows.length, 23);
	assert.match(rows[3]!, /1s buckets/);
	assert.ok(selectedRow(frame)?.includes('10:00:00'));
});

test('a terminal too short for the timeline says so, and nothing overflows', async () => {
	const app = await renderApp(sequenceDataset(30), {columns: 40, rows: 11});
	const frame = await press(app, 't', (plain) =>
		plain.includes('timeline needs 12 rows'),
	);
	assert.ok(rowsOf(frame).length <= 10);
	const tall = await renderApp(sequenceDataset(30), {columns: 40, rows: 12});
	const shown = await press(tall, 't', (plain) => plain.includes('▲'));
	assert.equal(rowsOf(shown).length, 11);
});

test('z zooms the view to the selected bucket, Z and Esc zoom back out', async () => {
	// 100 events a second apart: 5-second buckets at 100 columns.
	const app = await renderApp(sequenceDataset(100, [12]), {
		columns: 100,
		rows: 40,
	});
	await press(
		app,
		['j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j'],
		(plain) => selectedRow(plain)?.includes('user012') ?? false,
	);
	const zoomed = await press(app, 'z', (plain) =>
		plain.includes('5/100 events'),
	);
	assert.deepEqual(
		tableRows(zoomed).map((row) => row.slice(1, 9)),
		['10:00:10', '10:00:11', '10:00:12', '10:00:13', '10:00:14'],
	);
	assert.match(zoomed, /zoom 2024-05-01 10:00:10–10:00:15 UTC/);
	assert.match(zoomed, /10:00:10–10:00:15 UTC · 1s buckets · peak 1/);
	assert.ok(selectedRow(zoomed)?.includes('user012'));
	// One level deeper: the one-second bucket of the event.
	const deeper = await press(app, 'z', (plain) =>
		plain.includes('1/100 events'),
	);
	assert.deepEqual(tableRows(deeper).length, 1);
	const floor = await press(app, 'z', (plain) =>
		plain.includes('as far as it goes'),
	);
	assert.match(floor, /1\/100 events/);
	const back = await press(app, 'Z', (plain) => plain.includes('5/100 events'));
	assert.ok(selectedRow(back)?.includes('user012'));
	await press(app, keys.escape, (plain) =>
		plain.includes('100 events · 1 flagged'),
	);
	await press(app, 'Z', (plain) => plain.includes('Not zoomed in'));
});

test('the zoom keeps the filter, and a filter applied while zoomed keeps the zoom', async () => {
	// 300 events a second apart; every fifth is a GetObject (names cycle).
	const app = await renderApp(sequenceDataset(300), {columns: 100, rows: 40});
	await press(app, ['f', 'eventName=GetObject', keys.enter], (plain) =>
		plain.includes('60/300 events'),
	);
	// 5-second buckets: one GetObject in each.
	const zoomed = await press(app, 'z', (plain) =>
		plain.includes('1/300 events'),
	);
	assert.match(zoomed, /zoom 2024-05-01 10:00:00–10:00:05 UTC/);
	assert.match(tableRows(zoomed)[0]!, /GetObject/);
	// Esc clears the filter first: the zoom stays.
	const unfiltered = await press(app, keys.escape, (plain) =>
		plain.includes('5/300 events'),
	);
	assert.match(unfiltered, /zoom 2024-05-01 10:00:00–10:00:05 UTC/);
	const filtered = await press(
		app,
		['f', 'eventName=PutObject', keys.enter],
		(plain) => plain.includes('filter eventName=PutObject'),
	);
	assert.match(filtered, /1\/300 events/);
	assert.match(tableRows(filtered)[0]!, /10:00:03 +PutObject/);
	// Zooming out keeps the filter.
	await press(app, 'Z', (plain) => plain.includes('60/300 events'));
});
