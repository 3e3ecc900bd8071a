import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {detailLines} from '../../source/ui/detail-lines.js';
import {compactJson, maxDepth} from '../../source/ui/json-rows.js';
import {lineText, wrapText} from '../../source/ui/lines.js';
import {sidePanelLines} from '../../source/ui/side-panel-lines.js';
import {rowLine, tableColumns} from '../../source/ui/table-columns.js';
import {makeEvent} from '../helpers/make-event.js';
import {makeDataset} from '../helpers/ui-dataset.js';
import {press, renderApp, rowsOf, waitForText} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

/** `depth` arrays, each holding the next, the innermost holding 7. */
function nested(depth: number): unknown {
	let value: unknown = 7;
	for (let level = 0; level < depth; level++) {
		value = [value];
	}

	return value;
}

test('a one-megabyte word wraps into full rows of the width', () => {
	const rows = wrapText('a'.repeat(1_000_000), 40);
	assert.equal(rows.length, 25_000);
	assert.ok(rows.every((row) => row === 'a'.repeat(40)));
});

test('a long word of wide and combining characters wraps by display width', () => {
	const word = '日é\u0301'.repeat(50_000);
	const rows = wrapText(word, 8);
	assert.equal(rows.join(''), word);
	assert.ok(rows.every((row) => stringWidth(row) <= 8));
	assert.equal(stringWidth(rows[0]!), 8);
});

test('a word ending at the edge leaves no empty row behind it', () => {
	assert.deepEqual(wrapText('abcdefghij 日本語 ab', 5), [
		'abcde',
		'fghij',
		'日本',
		'語 ab',
	]);
});

test('the side panel wraps only the start of a huge field and says how much is left', () => {
	const event = makeEvent({user: 'u'.repeat(2_000_000)});
	const text = sidePanelLines(event, 60)
		.map((line) => lineText(line).trim())
		.join(' ');
	assert.ok(text.length < 5000, `panel text is ${text.length} characters`);
	assert.match(
		text,
		/… \(1998\d{3} more characters: Enter shows the whole record\)/,
	);
});

test('the detail view cuts a line past 64 K characters with a note', () => {
	const event = makeEvent({user: 'u'.repeat(2_000_000)});
	const text = detailLines(event, 100).map(lineText).join('');
	assert.ok(text.length < 200_000, `detail text is ${text.length} characters`);
	assert.match(text, /more characters not shown/);
});

test('the detail view shows a 4 KB user agent whole', () => {
	const agent = `aws-cli/2${'x'.repeat(4184)}`;
	const event = makeEvent({ua: agent});
	const text = detailLines(event, 80)
		.map((line) => lineText(line).trim())
		.join('');
	assert.ok(text.includes(agent));
	assert.doesNotMatch(text, /not shown/);
});

test('the screen opens and moves over an event whose user name is 2 MB', async () => {
	const huge = makeEvent({user: 'n'.repeat(2_000_000), eventName: 'GetHuge'});
	const other = makeEvent({
		user: 'alice',
		eventName: 'ListUsers',
		time: '2024-05-01T10:00:05Z',
		eventId: 'second',
	});
	const app = await renderApp(makeDataset([huge, other]), {
		columns: 100,
		rows: 30,
	});
	await waitForText(app, 'GetHuge');
	await press(app, 'j', (frame) => frame.includes('ListUsers  '));
	await press(app, ['k', '\r'], (frame) => frame.includes('record #'));
	assert.ok(rowsOf(app.lastFrame()).length <= 30);
});

test('a table row cuts a 2 MB user name that is not ASCII to its column', () => {
	const event = makeEvent({user: 'é'.repeat(2_000_000)});
	const columns = tableColumns(100, 'time');
	const row = lineText(rowLine(event, columns, 'time'));
	assert.equal(stringWidth(row), 100);
	assert.match(row, / é+… /);
});

test(`a record nested 10,000 levels deep opens, printed to ${maxDepth} levels`, () => {
	const event = makeEvent({requestParameters: {deep: nested(10_000)}});
	const lines = detailLines(event, 120).map(lineText);
	const note = lines.find((line) => line.includes('nested deeper than'));
	assert.ok(note, 'a note on the cut nesting');
	assert.ok(note.includes('[[[['));
	assert.ok(lines.length < 300, `${lines.length} lines`);
});

test('the detail view prints shallow records as JSON.stringify does', () => {
	const record = {a: [1, {b: 'x', c: []}], d: {}, e: null, f: 'é'};
	const event = makeEvent({extra: record});
	const text = detailLines(event, 200)
		.map((line) => lineText(line).trimEnd())
		.join('\n');
	assert.equal(text, JSON.stringify(event.record, undefined, 2));
});

test('compact JSON of a deep value stops at its budget', () => {
	assert.deepEqual(compactJson(nested(10_000), 10), {
		text: '[[[[[[[[[[',
		cut: true,
	});
	assert.deepEqual(compactJson({a: [1, 'b'], c: {}}, 100), {
		text: '{"a":[1,"b"],"c":{}}',
		cut: false,
	});
});
