import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {createAppContext} from '../../source/ui/app-context.js';
import {createAppReducer, type AppAction} from '../../source/ui/app-reducer.js';
import {initialState, type AppState} from '../../source/ui/app-state.js';
import {helpLines} from '../../source/ui/help-lines.js';
import type {KeyName} from '../../source/ui/keymap.js';
import {lineText} from '../../source/ui/lines.js';
import {editPrompt} from '../../source/ui/prompt-edit.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {press, renderApp, rowsOf} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

/** The bytes a terminal sends for the prompt's editing keys. */
const bytes = {
	left: '\u001B[D',
	right: '\u001B[C',
	ctrlA: '\u0001',
	ctrlE: '\u0005',
	ctrlK: '\u000B',
	ctrlW: '\u0017',
	ctrlX: '\u0018',
	backspace: '\u007F',
};

function setup() {
	const context = createAppContext(sequenceDataset(20));
	const reducer = createAppReducer(context);
	let state = initialState(context, 100, 30);
	const key = (name: KeyName, text = name): AppAction => ({
		type: 'key-press',
		key: name,
		text,
	});
	const run = (...actions: Array<AppAction | AppAction[]>): AppState => {
		for (const action of actions.flat()) {
			state = reducer(state, action);
		}

		return state;
	};

	const type = (text: string): AppAction[] =>
		[...text].map((character) =>
			character === ' ' ? key('space', ' ') : key(character),
		);
	return {run, key, type};
}

test('Ctrl-W deletes the word before the cursor and Ctrl-K the rest of the line', () => {
	const {run, key, type} = setup();
	run(key('f'), type('eventName=X principal~lev'));
	assert.equal(run(key('ctrl+w', 'w')).draft, 'eventName=X ');
	assert.equal(run(key('ctrl+w', 'w')).draft, '');
	run(type('abc def'), key('left'), key('left'), key('left'));
	assert.equal(run(key('ctrl+k', 'k')).draft, 'abc ');
});

test('the cursor moves with arrows, Ctrl-A and Ctrl-E, and typing inserts at it', () => {
	const {run, key, type} = setup();
	run(key('/'), type('bcd'));
	run(key('ctrl+a', 'a'), type('a'));
	assert.deepEqual(pick(run()), {draft: 'abcd', caret: 1});
	run(key('right'), key('right'), key('backspace', ''));
	assert.deepEqual(pick(run()), {draft: 'abd', caret: 2});
	run(key('ctrl+e', 'e'), type('!'));
	assert.deepEqual(pick(run()), {draft: 'abd!', caret: 4});
	run(key('home'), key('left'), key('end'), key('right'));
	assert.deepEqual(pick(run()), {draft: 'abd!', caret: 4});
});

test('an unbound Ctrl combination types nothing into the prompt', () => {
	const {run, key, type} = setup();
	run(key('/'), type('ab'));
	const before = run();
	assert.equal(run(key('ctrl+x', 'x')).draft, 'ab');
	assert.equal(run(key('ctrl+t', 't')), before);
});

test('the cursor steps over a wide character or an emoji as one', () => {
	const start = {draft: 'a日👩‍👧b', caret: 'a日👩‍👧b'.length};
	const left = editPrompt(start, 'caret-left');
	assert.equal(left.caret, start.caret - 1);
	const twice = editPrompt(left, 'caret-left');
	assert.equal(twice.draft.slice(twice.caret), '👩‍👧b');
	assert.deepEqual(editPrompt(twice, 'delete-char'), {
		draft: 'a👩‍👧b',
		caret: 1,
	});
});

test('on the screen, the prompt edits where the cursor is', async () => {
	const app = await renderApp(sequenceDataset(20), {columns: 100, rows: 30});
	const prompt = (frame: string): string =>
		rowsOf(frame).find((row) => row.startsWith('/')) ?? '';
	await press(app, ['/', 'abc def'], (frame) =>
		prompt(frame).startsWith('/abc def'),
	);
	await press(app, bytes.ctrlW, (frame) => /^\/abc {2}/.test(prompt(frame)));
	await press(app, [bytes.ctrlA, 'x'], (frame) =>
		prompt(frame).startsWith('/xabc '),
	);
	await press(app, [bytes.right, bytes.ctrlK], (frame) =>
		/^\/xa {2}/.test(prompt(frame)),
	);
	await press(app, [bytes.ctrlX, bytes.left, bytes.backspace], (frame) =>
		/^\/a {2}/.test(prompt(frame)),
	);
	await press(app, [bytes.ctrlE, 'z'], (frame) =>
		/^\/az {2}/.test(prompt(frame)),
	);
});

test("the list's help sums up the prompt keys and explains the flag marks", () => {
	const text = helpLines('list', 80).map(lineText).join('\n');
	assert.match(text, /\/ and f prompts +← → move, Ctrl-a start, Ctrl-e end/);
	assert.match(text, /Ctrl-w word/);
	assert.match(
		text,
		/!!! \/ !! \/ ! \/ · +Worst flag: critical \/ high \/ medium \/ low, info/,
	);
});

function pick(state: AppState): {draft: string; caret: number} {
	return {draft: state.draft, caret: state.caret};
}
