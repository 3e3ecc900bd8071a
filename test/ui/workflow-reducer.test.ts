import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset} from '../../source/core/types.js';
import {makeEvents} from '../helpers/make-event.js';
import {driveReducer} from '../helpers/reducer-driver.js';
import {makeDataset, sequenceDataset} from '../helpers/ui-dataset.js';

function setup(dataset: Dataset = sequenceDataset(300, [10])) {
	return driveReducer(dataset, 40);
}

test('Esc unwinds the search, then the filter, then each zoom level', () => {
	const {run, key, type} = setup();
	run(key('j'), key('z'), key('z'));
	assert.equal(run().zoom.length, 2);
	run(key('f'), ...type('eventName=GetObject'), key('enter'));
	run(key('/'), ...type('user001'), key('enter'));
	assert.ok(run().search);
	assert.equal(run(key('escape')).search, undefined);
	assert.equal(run(key('escape')).filter, undefined);
	assert.equal(run().zoom.length, 2);
	assert.equal(run(key('escape')).zoom.length, 1);
	assert.equal(run(key('escape')).zoom.length, 0);
	assert.equal(run().view.length, 300);
});

test('an event without a readable time cannot be zoomed into', () => {
	const events = makeEvents([{time: '2024-05-01T10:00:00Z'}, {time: 'soon'}]);
	const {run, key} = setup(makeDataset(events));
	const state = run(key('G'), key('z'));
	assert.equal(state.zoom.length, 0);
	assert.match(state.message?.text ?? '', /no readable time/);
});

test('a note typed with control characters keeps only the text', () => {
	const {run, key} = setup();
	run(key('c'), {type: 'type-text', text: 'line\u001b[2J one\ntwo'});
	const state = run(key('enter'));
	assert.equal(state.marks.get(0)?.note, 'line[2J onetwo');
	assert.equal(state.mode, 'list');
});

test('w on an empty view with nothing marked says there is nothing to write', () => {
	const {run, key, type} = setup();
	run(key('f'), ...type('eventName=Nothing'), key('enter'));
	const state = run(key('w'));
	assert.equal(state.mode, 'list');
	assert.match(state.message?.text ?? '', /Nothing to write/);
});

test('the outcome of a write moves the dialog on', () => {
	const {run, key, type} = setup();
	run(key('w'), key('enter'), key('ctrl+u'), ...type('out.md'), key('enter'));
	assert.equal(run().exportDialog?.request?.file, 'out.md');
	assert.equal(run().exportDialog?.request?.overwrite, false);
	assert.equal(run({type: 'export-exists'}).mode, 'export-confirm');
	assert.equal(run().exportDialog?.request, undefined);
	const asked = run(key('y'));
	assert.deepEqual(asked.exportDialog?.request, {
		file: 'out.md',
		overwrite: true,
	});
	const failed = run({
		type: 'export-failed',
		error: 'cannot write out.md (EACCES)',
	});
	assert.equal(failed.mode, 'export-file');
	assert.equal(failed.draft, 'out.md');
	assert.equal(failed.exportDialog?.error, 'cannot write out.md (EACCES)');
	run(key('enter'));
	const written = run({type: 'export-written', file: '/x/out.md', count: 300});
	assert.equal(written.mode, 'list');
	assert.equal(
		written.message?.text,
		'Wrote 300 events to /x/out.md (Markdown note)',
	);
	// The dialog remembers the format and the file for next time.
	assert.equal(run(key('w'), key('enter')).draft, 'out.md');
});

test('restored marks arrive with the session notice, if any', () => {
	const {run} = setup();
	const marks = new Map([[3, {note: 'x'}]]);
	const state = run({
		type: 'restore-marks',
		marks,
		notice: '1 saved mark not found in these files',
	});
	assert.equal(state.marks, marks);
	assert.equal(state.message?.tone, 'warning');
});
