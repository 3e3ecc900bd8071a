import assert from 'node:assert/strict';
import test from 'node:test';
import {createAppContext} from '../../source/ui/app-context.js';
import {initialState} from '../../source/ui/app-state.js';
import {statusLine} from '../../source/ui/status-line.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeDataset} from '../helpers/ui-dataset.js';

test('the status line writes large counts with thousands separated, as the loading line does', () => {
	const events = makeEvents(Array.from({length: 1234}, () => ({})));
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	const context = createAppContext(makeDataset(events));
	const text = statusLine(context, initialState(context, 100, 30))
		.map((segment) => segment.text)
		.join('');
	assert.match(text, /1,234 events · 0 flagged/);
});
