import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
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

async function select(app: Rendered, eventName: string): Promise<string> {
	return press(
		app,
		['f', `eventName=${eventName}`, keys.enter],
		(plain) => selectedRow(plain)?.includes(eventName) ?? false,
		`with ${eventName} selected`,
	);
}

/** The table's rows: cursor cell, then a clock. */
function tableRows(frame: string): string[] {
	return rowsOf(frame).filter((row) => /^.\d\d:\d\d:\d\d /.test(row));
}

test('s on the level3 ListBuckets tells of the key ECS issued, and lists the call', async () => {
	const app = await renderApp(flaws2, {columns: 160, rows: 40});
	await select(app, 'ListBuckets');
	const story = await press(
		app,
		's',
		(plain) => plain.includes('· story'),
		'with the story',
	);
	const rows = rowsOf(story);
	assert.equal(
		rows[1]?.trim(),
		'key ASIAZQNB3KHGNXWXBSJS of role level3, issued by ' +
			'ecs-tasks.amazonaws.com at 22:31:59 (AssumeRole), ' +
			'first used 23:09:28 from 104.102.221.250',
	);
	assert.match(rows[2] ?? '', /^2 events, 1 flagged; from 104\.102\.221\.250/);
	const table = tableRows(story);
	assert.equal(table.length, 2);
	assert.match(table[0]!, /22:31:59 +AssumeRole +ecs-tasks\.amazonaw/);
	assert.match(table[1]!, /23:09:28 !! +ListBuckets +role level3/);
	assert.match(selectedRow(story) ?? '', /ListBuckets/);
	assert.match(story, /2\/37 events · 1 flagged · story/);
});

test("s on a level1 call shows the Lambda's own calls from AWS first, then the laptop's", async () => {
	const app = await renderApp(flaws2, {columns: 160, rows: 40});
	await select(app, 'ListObjects');
	const story = await press(
		app,
		's',
		(plain) => plain.includes('10/37 events'),
		'with the level1 story',
	);
	assert.match(
		story,
		/key ASIAZQNB3KHGIGYQXVVG of role level1, issued by lambda\.amazonaws\.com at 23:03:12 \(AssumeRole\)/,
	);
	const calls = tableRows(story).filter((row) => !row.includes('AssumeRole'));
	const from = calls.map((row) =>
		row.includes('34.234.236.212') ? 'lambda' : 'laptop',
	);
	const firstLaptop = from.indexOf('laptop');
	assert.ok(firstLaptop > 0, story);
	assert.ok(from.slice(0, firstLaptop).every((where) => where === 'lambda'));
	assert.ok(from.slice(firstLaptop).every((where) => where === 'laptop'));
	assert.match(calls[firstLaptop]!, /23:04:54 !! +ListObjects/);
	assert.ok(
		calls
			.slice(firstLaptop)
			.every((row) => row.includes('104.102.221.250') && row.includes('!!')),
	);
	assert.match(selectedRow(story) ?? '', /ListObjects/);
});

test('Esc leaves the story for the list as it was, filter and cursor kept', async () => {
	const app = await renderApp(flaws2, {columns: 80, rows: 24});
	await select(app, 'ListBuckets');
	const story = await press(app, 's', (plain) => plain.includes('· story'));
	const rows = rowsOf(story);
	assert.equal(rows.length, 23);
	for (const row of rows) {
		assert.ok(stringWidth(row) <= 80, `too wide: ${row}`);
	}

	assert.ok(story.includes('issued by ecs-tasks.amazonaws.com at'));
	// Enter opens the record; Esc comes back to the story, not the list.
	await press(app, keys.enter, (plain) => plain.includes('"eventVersion"'));
	await press(app, keys.escape, (plain) => plain.includes('· story'));
	const list = await press(
		app,
		keys.escape,
		(plain) => plain.includes('filter eventName=ListBuckets'),
		'with the filtered list',
	);
	assert.match(selectedRow(list) ?? '', /ListBuckets/);
	assert.ok(!list.includes('issued by'));
});

test('s from the triage view tells the story of the finding’s key', async () => {
	const app = await renderApp(flaws2, {columns: 160, rows: 40});
	await press(app, 'F', (plain) => plain.includes('2 findings'));
	const story = await press(
		app,
		['j', 's'],
		(plain) => plain.includes('· story'),
		'with the story of f2',
	);
	assert.match(story, /key ASIAZQNB3KHGIGYQXVVG of role level1/);
	await press(app, keys.escape, (plain) => plain.includes('2 findings'));
});

test('s on an anonymous call says there is no credential to follow', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	await press(
		app,
		['f', 'principal=anonymous', keys.enter],
		(plain) => selectedRow(plain)?.includes('GetObject') ?? false,
		'with an anonymous GetObject selected',
	);
	const frame = await press(app, 's', (plain) =>
		plain.includes('No credential to follow'),
	);
	assert.ok(!frame.includes('· story'));
});
