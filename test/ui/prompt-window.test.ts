import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {visible} from '../../source/core/safe-text.js';
import {lineText} from '../../source/ui/lines.js';
import {errorLine, promptWindow} from '../../source/ui/prompt-window.js';

/**
Issue 5, item 7: a prompt wider than its row scrolls sideways to keep the
cursor in view, and a mistake's caret and message stay within the row.
*/

const long = 'eventName=ListBuckets and principal~level3 and '.repeat(3);

/** The window for the cursor before draft index `caret`, as the screen asks. */
function windowAt(draft: string, caret: number, room: number) {
	const at = [...new Intl.Segmenter().segment(draft.slice(caret))][0]?.segment;
	return promptWindow(
		visible(draft.slice(0, caret)),
		visible(at ?? '') || ' ',
		visible(draft.slice(caret + (at?.length ?? 0))),
		room,
	);
}

const text = (window: ReturnType<typeof promptWindow>) =>
	lineText(window.segments);
const cursor = (window: ReturnType<typeof promptWindow>) =>
	window.segments.find((segment) => segment.tone === 'match')?.text;

test('a prompt that fits is drawn whole', () => {
	const window = windowAt('flagged', 7, 72);
	assert.equal(text(window), 'flagged ');
	assert.equal(window.offset, 0);
});

test('at the end the row shows the end, at the start the start', () => {
	const end = windowAt(long, long.length, 72);
	assert.ok(text(end).startsWith('…'));
	assert.ok(text(end).endsWith(`${long.slice(-20)} `), text(end));
	assert.equal(cursor(end), ' ');
	assert.ok(stringWidth(text(end)) <= 72);
	const start = windowAt(long, 0, 72);
	assert.ok(text(start).startsWith('eventName=ListBuckets'));
	assert.ok(text(start).endsWith('…'));
	assert.equal(cursor(start), 'e');
});

test('every cursor position is shown, within the row, on its character', () => {
	const drafts = [
		long,
		`ua="${'全角'.repeat(30)}" and principal~"a\u202Eb${'x'.repeat(60)}"`,
		'x'.repeat(3) + '\u202E'.repeat(40),
	];
	for (const draft of drafts) {
		for (const room of [1, 2, 7, 20, 72]) {
			for (let caret = 0; caret <= draft.length; caret++) {
				const window = windowAt(draft, caret, room);
				const shown = cursor(window);
				const wanted = visible(draft.slice(caret, caret + 1)) || ' ';
				const what = `${room} ${caret}: ${text(window)}`;
				assert.ok(stringWidth(text(window)) <= Math.max(room, 6), what);
				if (stringWidth(wanted) + 2 <= room) {
					assert.equal(shown, wanted, what);
				}
			}
		}
	}
});

test('moving the cursor within the row keeps the window where it is', () => {
	const first = windowAt(long, 100, 72);
	assert.equal(windowAt(long, 101, 72).offset, first.offset);
	assert.equal(windowAt(long, 99, 72).offset, first.offset);
});

const message = 'unknown word "foo": write field=value, or one of flagged';
const whole = {offset: 0, from: 0, to: 200};

test('the error message goes after the caret where it fits, else before it', () => {
	const after = lineText(errorLine(message, 10, 8, whole, 120));
	assert.equal(after.indexOf('^'), 18);
	assert.ok(after.endsWith(`^ ${message}`));
	const before = lineText(errorLine(message, 100, 8, whole, 120));
	assert.equal(before.indexOf('^'), 108);
	assert.ok(before.trimStart().startsWith(message), before);
	assert.ok(stringWidth(before) <= 120);
});

test('a message too long for either side shows its start on the wider side', () => {
	for (const column of [0, 20, 40, 60, 71]) {
		const line = lineText(errorLine(message, column, 8, whole, 80));
		assert.ok(stringWidth(line) <= 80, line);
		assert.equal(line.indexOf('^'), 8 + column, line);
		assert.match(line, /unknown w/, line);
	}

	const narrow = lineText(errorLine(message, 30, 8, whole, 50));
	assert.equal(narrow, 'unknown word "foo": write field=valu… ^');
});

test('a mistake outside the window gets an arrow towards it', () => {
	const window = {offset: 30, from: 31, to: 100};
	const left = lineText(errorLine(message, 5, 8, window, 80));
	assert.ok(left.startsWith(`◂ ${message}`), left);
	const right = lineText(errorLine(message, 120, 8, window, 80));
	assert.ok(right.endsWith(`${message} ▸`), right);
	assert.equal(stringWidth(right), 80);
});

test('a long quoted value gives up its middle so the reason shows', () => {
	const span =
		'"2018-11-28T23:10..2018-11-28T23:00": the span ends before it starts';
	const line = lineText(errorLine(span, 47, 8, whole, 80));
	assert.ok(stringWidth(line) <= 80, line);
	assert.equal(line.indexOf('^'), 55, line);
	assert.ok(line.includes('the span ends before it starts'), line);
	assert.ok(line.includes('"2018-11-28T2…"'), line);
	// A message that fits keeps its values whole.
	const wide = lineText(errorLine(span, 10, 8, whole, 120));
	assert.ok(wide.endsWith(`^ ${span}`), wide);
});
