import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset} from '../../source/core/types.js';
import {createAppContext} from '../../source/ui/app-context.js';
import {createAppReducer, type AppAction} from '../../source/ui/app-reducer.js';
import {initialState, type AppState} from '../../source/ui/app-state.js';
import {maxDepth, stackDepth} from '../../source/ui/filter-stack.js';
import type {KeyName} from '../../source/ui/keymap.js';
import {makeDataset} from '../helpers/ui-dataset.js';
import {makeEvents} from '../helpers/make-event.js';

const dataset: Dataset = makeDataset(
	makeEvents([
		{user: 'alice', ip: '203.0.113.1', key: 'AKIAALICE'},
		{user: 'bob', ip: '203.0.113.1', key: 'AKIABOB'},
		{user: 'alice', ip: '198.51.100.2', key: 'AKIAALICE'},
		{user: 'carol', ip: '198.51.100.2', key: 'AKIACAROL'},
	]),
);

function setup(loading = false) {
	const context = createAppContext(dataset);
	const reducer = createAppReducer(context, loading);
	let state = initialState(context, 100, 30);
	const key = (name: KeyName): AppAction => ({
		type: 'key-press',
		key: name,
		text: name,
	});
	const run = (...names: KeyName[]): AppState => {
		for (const name of names) {
			state = reducer(state, key(name));
		}

		return state;
	};

	return {run, reducer, get: () => state};
}

test('pivots push the filter; Esc pops them one at a time, then clears search and filter', () => {
	const {reducer, get} = setup();
	// A search first, so the last Esc steps can be seen.
	let state = reducer(get(), {type: 'run-search', query: 'alice'});
	state = reducer(state, {type: 'apply-filter', text: 'user=alice'});
	assert.equal(state.filter?.text, 'user=alice');
	const step = (...names: KeyName[]) => {
		for (const name of names) {
			state = reducer(state, {type: 'key-press', key: name, text: name});
		}

		return state;
	};

	step('o', 'a');
	assert.equal(state.filter?.text, 'ip=203.0.113.1');
	assert.equal(stackDepth(state), 1);
	step('j', 'o', 'k');
	assert.equal(state.filter?.text, 'key=AKIABOB');
	assert.equal(stackDepth(state), 2);
	assert.equal(state.view.length, 1);

	// Esc: the side pane first gives the table the focus back.
	step('tab', 'escape');
	assert.equal(state.pane, 'table');
	assert.equal(state.filter?.text, 'key=AKIABOB');
	step('escape');
	assert.equal(state.filter?.text, 'ip=203.0.113.1');
	// The cursor is back on the row it was on.
	assert.equal(state.cursor, 1);
	step('escape');
	assert.equal(state.filter?.text, 'user=alice');
	assert.equal(stackDepth(state), 0);
	assert.ok(state.search);
	step('escape');
	assert.equal(state.search, undefined);
	assert.equal(state.filter?.text, 'user=alice');
	step('escape');
	assert.equal(state.filter, undefined);
	assert.equal(state.view.length, 4);
});

test('the stack keeps at most its depth of screens', () => {
	const {run} = setup();
	let state = run();
	for (let pivot = 0; pivot < maxDepth + 5; pivot++) {
		state = run('o', pivot % 2 === 0 ? 'a' : 'p');
	}

	assert.equal(stackDepth(state), maxDepth);
	for (let back = 0; back < maxDepth; back++) {
		state = run('escape');
	}

	assert.equal(stackDepth(state), 0);
	assert.ok(state.filter, 'the oldest screens kept still have a filter');
});

test('a screen popped back comes at the current terminal size', () => {
	const {reducer, run} = setup();
	run('o', 'a');
	let state = reducer(run(), {type: 'resize', columns: 80, rows: 24});
	state = reducer(state, {type: 'key-press', key: 'escape', text: ''});
	assert.equal(state.filter, undefined);
	assert.deepEqual([state.columns, state.rows], [80, 24]);
});

test('a drill-down from the summary pushes the summary itself', () => {
	const {run} = setup();
	run('S', '2');
	const summary = run();
	assert.equal(summary.mode, 'summary');
	const drilled = run('enter');
	assert.equal(drilled.mode, 'list');
	// Two events each: the addresses in order.
	assert.equal(drilled.filter?.text, 'ip=198.51.100.2');
	const back = run('escape');
	assert.equal(back.mode, 'summary');
	assert.equal(back.summary?.grouping, 'address');
	assert.equal(run('escape').mode, 'list');
});

test('while loading, facets, pivots and summaries wait with a note', () => {
	const {run} = setup(true);
	for (const key of ['v', 'o', 'S']) {
		const state = run(key);
		assert.equal(state.mode, 'list', key);
		assert.match(state.message?.text ?? '', /Still loading/);
	}
});
