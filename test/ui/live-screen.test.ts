import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {createElement} from 'react';
import {cleanup, render} from 'ink-testing-library';
import {LiveApp} from '../../source/ui/live-app.js';
import {LiveSource} from '../../source/ui/live-source.js';
import {fakeClock} from '../helpers/fake-clock.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeFlag, makeSummary} from '../helpers/ui-dataset.js';
import {plain, press, selectedRow, waitForText} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

/** Users user10… at 10:10, 10:11…: one minute apart. */
function users(from: number, count: number) {
	return makeEvents(
		Array.from({length: count}, (_, i) => ({
			user: `user${from + i}`,
			time: `2024-05-01T10:${String(from + i).padStart(2, '0')}:00Z`,
		})),
	);
}

test('the screen shows the first events while loading, keeps the selection as more arrive, and takes the judged whole', async () => {
	const time = fakeClock();
	const source = new LiveSource(time.now);
	const app = render(createElement(LiveApp, {source, columns: 100, rows: 24}));
	source.progress({filesDone: 1, filesTotal: 4, bytesRead: 1024});
	source.addEvents(users(20, 10));
	await waitForText(app, 'loading ███');
	assert.match(plain(app.lastFrame()), /1\/4 files · 10 events/);
	await press(app, ['j', 'j'], (frame) =>
		Boolean(selectedRow(frame)?.includes('user22')),
	);

	// Earlier events arrive: every seq moves, the selection stays on user22.
	time.advance(1000);
	source.addEvents(users(10, 5));
	await waitForText(app, '15 events');
	assert.match(selectedRow(app.lastFrame()) ?? '', /user22/);

	// What needs every event waits, and says so.
	await press(app, '/', (frame) => frame.includes('Still loading'));

	source.judging();
	await waitForText(app, 'judging every event');
	// The judged whole holds the same events, now with their flags.
	const judged = [...source.get().dataset.events];
	judged[3]!.flags = [makeFlag('high', 'Odd call')];
	source.finish({events: judged, summary: makeSummary(judged.length)});
	await waitForText(app, '15 events · 1 flagged');
	assert.match(selectedRow(app.lastFrame()) ?? '', /user22/);
	// Search works now.
	await press(app, ['/', 'u', 's', 'e', 'r', '1', '3', '\r'], (frame) =>
		frame.includes('search “user13”'),
	);
});

test('a --filter given on the command line applies once the load is judged', async () => {
	const source = new LiveSource(fakeClock().now);
	const app = render(
		createElement(LiveApp, {
			source,
			columns: 100,
			rows: 24,
			initialFilter: 'user=user12',
		}),
	);
	source.addEvents(users(10, 5));
	await waitForText(app, '5 events');
	const judged = [...source.get().dataset.events];

	source.finish({events: judged, summary: makeSummary(judged.length)});
	await waitForText(app, '1/5 events');
	assert.match(selectedRow(app.lastFrame()) ?? '', /user12/);
});

test('before any event the screen says it is looking; an unmoved cursor stays on the first row as earlier events come', async () => {
	const time = fakeClock();
	const source = new LiveSource(time.now);
	const app = render(createElement(LiveApp, {source, columns: 100, rows: 24}));
	await waitForText(app, 'Looking for log files');
	assert.doesNotMatch(plain(app.lastFrame()), /No files were read/);
	source.addEvents(users(20, 5));
	await waitForText(app, '5 events');
	assert.match(selectedRow(app.lastFrame()) ?? '', /user20/);
	// Another region's folder holds earlier events.
	time.advance(1000);
	source.addEvents(users(10, 5));
	await waitForText(app, '10 events');
	assert.match(selectedRow(app.lastFrame()) ?? '', /user10/);
});
