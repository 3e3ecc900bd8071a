import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset} from '../../source/core/types.js';
import {createAppContext} from '../../source/ui/app-context.js';
import {createAppReducer, type AppAction} from '../../source/ui/app-reducer.js';
import {
	initialState,
	layoutOf,
	type AppState,
} from '../../source/ui/app-state.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeDataset, makeFlag} from '../helpers/ui-dataset.js';

/** 40 calls of one key, every fifth flagged, and 40 calls of another. */
function dataset(): Dataset {
	const events = makeEvents(
		Array.from({length: 80}, (_, i) => ({
			time: new Date(Date.UTC(2024, 4, 1, 10, 0, i)).toISOString(),
			role: i < 40 ? 'app' : 'web',
			key: i < 40 ? 'ASIAAPP000000000001' : 'ASIAWEB000000000001',
		})),
	);
	for (const event of events.filter((e) => e.seq % 5 === 0)) {
		event.flags = [
			event.seq < 40
				? makeFlag('high', 'Odd app call')
				: makeFlag('medium', 'Odd web call'),
		];
	}

	return makeDataset(events);
}

function setup() {
	const context = createAppContext(dataset());
	const reducer = createAppReducer(context);
	let state = initialState(context, 80, 24);
	const key = (name: string): AppAction => ({
		type: 'key-press',
		key: name,
		text: name,
	});
	const run = (...actions: AppAction[]): AppState => {
		for (const action of actions) {
			state = reducer(state, action);
		}

		return state;
	};

	return {context, run, key};
}

test('F then Esc gives back the very screen it left, cursor and window included', () => {
	const {run, key} = setup();
	const before = run(key('G'), key('k'));
	const triage = run(key('F'));
	assert.equal(triage.mode, 'findings');
	assert.equal(triage.returnTo, before);
	assert.equal(run(key('escape')), before);
});

test('the triage cursor moves over findings, not events, and Enter narrows the table', () => {
	const {context, run, key} = setup();
	assert.deepEqual(
		context.findings.map((f) => [f.id, f.severity, f.seqs.length]),
		[
			['f1', 'high', 8],
			['f2', 'medium', 8],
		],
	);
	run(key('F'));
	assert.equal(run(key('j')).findingCursor, 1);
	assert.equal(run(key('j')).findingCursor, 1);
	const opened = run(key('enter'));
	assert.equal(opened.mode, 'finding');
	assert.equal(opened.view.length, 8);
	assert.equal(opened.scope?.status, 'finding f2');
	assert.equal(opened.view.flagged, 8);
});

test('a story opened at one size and left at another comes back at the new size', () => {
	const {run, key} = setup();
	run(key('G'));
	const story = run(key('s'));
	assert.equal(story.mode, 'story');
	assert.equal(story.view.length, 40);
	// The story's head takes rows from the table.
	assert.ok(layoutOf(story).tableRows < layoutOf(story.returnTo!).tableRows);
	run({type: 'resize', columns: 120, rows: 40});
	const back = run(key('escape'));
	assert.equal(back.mode, 'list');
	assert.equal(back.columns, 120);
	assert.equal(back.rows, 40);
	assert.equal(back.cursor, 79);
	assert.ok(back.cursor < back.top + layoutOf(back).tableRows);
});

test('q closes a story at once, even with the side panel focused', () => {
	const {run, key} = setup();
	run(key('s'), key('tab'));
	assert.equal(run(key('q')).mode, 'list');
	assert.equal(run().quit, false);
});
