import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset} from '../../source/core/types.js';
import {layoutOf} from '../../source/ui/app-state.js';
import {seqAt} from '../../source/ui/event-view.js';
import {driveReducer} from '../helpers/reducer-driver.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';

function setup(dataset: Dataset = sequenceDataset(100, [10, 40, 90])) {
	return driveReducer(dataset, 30);
}

test('a key that changes nothing returns the very same state object', () => {
	const {reducer, get, key} = setup();
	const start = get();
	assert.equal(reducer(start, key('k')), start);
	assert.equal(reducer(start, key('g')), start);
	assert.equal(reducer(start, key('x')), start);
});

test('j, k, page and end keys move the cursor within the view', () => {
	const {run, key} = setup();
	assert.equal(run(key('j'), key('j')).cursor, 2);
	assert.equal(run(key('k')).cursor, 1);
	const page = layoutOf(run()).tableRows;
	assert.equal(run(key('pagedown')).cursor, 1 + page);
	assert.equal(run(key('G')).cursor, 99);
	assert.equal(run(key('j')).cursor, 99);
	assert.equal(run(key('home')).cursor, 0);
});

test('the table window follows the cursor and never shows past the end', () => {
	const {run, key} = setup();
	const state = run(key('G'));
	const rows = layoutOf(state).tableRows;
	assert.equal(state.top, 100 - rows);
	assert.equal(run(key('g')).top, 0);
});

test('a burst of keys is judged against the state each key left', () => {
	const {run, key, type} = setup();
	// "/" opens the prompt, so the following j is typed, not a move.
	const state = run(key('/'), ...type('jk'));
	assert.equal(state.mode, 'search-input');
	assert.equal(state.draft, 'jk');
	assert.equal(state.cursor, 0);
});

test('a search moves to the first hit and n/N step through hits, wrapping', () => {
	const {run, key, type, context} = setup();
	let state = run(key('/'), ...type('ListBuckets'), key('enter'));
	assert.equal(state.mode, 'list');
	assert.deepEqual(state.search?.hits.slice(0, 3), [0, 5, 10]);
	assert.equal(state.cursor, 0);
	state = run(key('n'));
	assert.equal(state.cursor, 5);
	state = run(key('N'), key('N'));
	assert.equal(state.cursor, 95);
	assert.match(state.message?.text ?? '', /hit TOP/);
	state = run(key('n'));
	assert.equal(state.cursor, 0);
	assert.match(state.message?.text ?? '', /hit BOTTOM/);
	const event = context.events[seqAt(state.view, state.cursor)];
	assert.equal(event?.eventName, 'ListBuckets');
});

test('a search without matches says so and keeps the cursor', () => {
	const {run, key, type} = setup();
	run(key('j'));
	const state = run(key('/'), ...type('zzqqxxjj'), key('enter'));
	assert.equal(state.cursor, 1);
	assert.match(state.message?.text ?? '', /No match/);
	assert.doesNotMatch(state.message?.text ?? '', /outside/);
});

test('a search whose matches the filter hides says how many it hides', () => {
	const {run, key, type, context} = setup();
	run(key('f'), ...type('eventName=GetObject'), key('enter'));
	const state = run(key('/'), ...type('ListBuckets'), key('enter'));
	const hidden = context.events.filter(
		(event) => event.eventName === 'ListBuckets',
	).length;
	assert.ok(hidden > 0);
	assert.equal(state.search?.hits.length, 0);
	assert.equal(
		state.message?.text,
		`No match for “ListBuckets” in this view; ${hidden} events outside it match (Esc clears the filter)`,
	);
});

test('a valid filter narrows the view and keeps hits in step', () => {
	const {run, key, type, context} = setup();
	const before = run(key('/'), ...type('user01'), key('enter')).search;
	assert.ok(before && before.hits.length > 0);
	const state = run(key('f'), ...type('eventName=GetObject'), key('enter'));
	assert.equal(state.mode, 'list');
	assert.equal(state.view.length, 20);
	assert.equal(state.filter?.text, 'eventName=GetObject');
	for (let row = 0; row < state.view.length; row++) {
		const event = context.events[seqAt(state.view, row as never)];
		assert.equal(event?.eventName, 'GetObject');
	}

	// The hits are now rows of the filtered view: the GetObject ones.
	const kept = before.seqs.filter(
		(seq) => context.events[seq]?.eventName === 'GetObject',
	);
	assert.deepEqual(
		state.search?.hits.map((row) => seqAt(state.view, row)),
		kept,
	);
});

test('an invalid filter stays in the prompt with the error position', () => {
	const {run, key, type} = setup();
	const state = run(key('f'), ...type('eventName='), key('enter'));
	assert.equal(state.mode, 'filter-input');
	assert.ok(state.filterError);
	assert.equal(typeof state.filterError.position, 'number');
	assert.equal(state.view.length, 100);
	assert.equal(layoutOf(state).bottomHeight, 2);
});

test('e and E go to the next and previous flagged event, wrapping', () => {
	const {run, key} = setup();
	assert.equal(run(key('e')).cursor, 10);
	assert.equal(run(key('e')).cursor, 40);
	assert.equal(run(key('e')).cursor, 90);
	const wrapped = run(key('e'));
	assert.equal(wrapped.cursor, 10);
	assert.match(wrapped.message?.text ?? '', /first/);
	assert.equal(run(key('E')).cursor, 90);
	assert.equal(run(key('E')).cursor, 40);
});

test('Esc backs out: side pane, then search, then filter', () => {
	const {run, key, type} = setup();
	run(key('f'), ...type('principal~user0'), key('enter'));
	run(key('/'), ...type('GetObject'), key('enter'), key('tab'));
	assert.equal(run().pane, 'side');
	assert.equal(run(key('escape')).pane, 'table');
	assert.ok(run().search);
	assert.equal(run(key('escape')).search, undefined);
	assert.ok(run().filter);
	const cleared = run(key('escape'));
	assert.equal(cleared.filter, undefined);
	assert.equal(cleared.view.length, 100);
});

test('clearing the filter keeps the cursor on the same event', () => {
	const {run, key, type, context} = setup();
	run(key('f'), ...type('eventName=AssumeRole'), key('enter'), key('j'));
	const before = context.events[seqAt(run().view, run().cursor)];
	const state = run(key('escape'));
	assert.equal(context.events[seqAt(state.view, state.cursor)], before);
});

test('q quits from the list but closes the detail view first', () => {
	const {run, key} = setup();
	assert.equal(run(key('enter')).mode, 'detail');
	const closed = run(key('q'));
	assert.equal(closed.mode, 'list');
	assert.equal(closed.quit, false);
	assert.equal(run(key('q')).quit, true);
});

test('Ctrl-C quits even from a prompt', () => {
	const {run, key} = setup();
	assert.equal(run(key('/'), key('ctrl+c', 'c')).quit, true);
});

test('a resize re-fits the window around the cursor', () => {
	const {run, key} = setup();
	run(key('G'));
	const state = run({type: 'resize', columns: 80, rows: 24});
	const rows = layoutOf(state).tableRows;
	assert.equal(state.cursor, 99);
	assert.ok(state.top <= 99 && state.top + rows > 99);
});
