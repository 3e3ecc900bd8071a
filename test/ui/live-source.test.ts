import assert from 'node:assert/strict';
import test from 'node:test';
import {LiveSource} from '../../source/ui/live-source.js';
import {loadingParts} from '../../source/ui/loading-line.js';
import {fakeClock} from '../helpers/fake-clock.js';
import {makeEvents} from '../helpers/make-event.js';

function user(n: number, minute: number) {
	return {
		user: `user${n}`,
		time: `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`,
	};
}

test('the first events are shown at once, ordered by time, with their seq', () => {
	const time = fakeClock();
	const source = new LiveSource(time.now);
	let updates = 0;
	source.subscribe(() => updates++);
	source.addEvents(makeEvents([user(1, 30), user(2, 10), user(3, 20)]));
	const {dataset, loading} = source.get();
	assert.deepEqual(
		dataset.events.map((e) => [e.seq, e.principal.userName]),
		[
			[0, 'user2'],
			[1, 'user3'],
			[2, 'user1'],
		],
	);
	assert.equal(loading?.phase, 'reading');
	assert.equal(loading?.events, 3);
	assert.equal(updates, 1);
});

test('later events wait for the next ordering; progress alone updates the figures', () => {
	const time = fakeClock();
	const source = new LiveSource(time.now);
	source.addEvents(makeEvents([user(1, 30)]));
	time.advance(10);
	source.addEvents(makeEvents([user(2, 5)]));
	assert.equal(source.get().dataset.events.length, 1, 'not ordered yet');
	time.advance(150);
	source.progress({filesDone: 2, filesTotal: 4, bytesRead: 2048});
	assert.equal(source.get().dataset.events.length, 1);
	assert.equal(source.get().loading?.filesDone, 2);
	assert.equal(source.get().loading?.events, 2);
	time.advance(300);
	source.progress({filesDone: 3, filesTotal: 4, bytesRead: 4096});
	assert.deepEqual(
		source.get().dataset.events.map((e) => e.principal.userName),
		['user2', 'user1'],
	);
});

test('judging orders whatever is left; finish hands over the dataset; close asks the screen to go', () => {
	const time = fakeClock();
	const source = new LiveSource(time.now);
	source.addEvents(makeEvents([user(1, 30)]));
	source.addEvents(makeEvents([user(2, 5)]));
	source.judging();
	assert.equal(source.get().loading?.phase, 'judging');
	assert.equal(source.get().dataset.events.length, 2);
	const events = makeEvents([user(9, 1)]);
	source.finish({events, summary: source.get().dataset.summary});
	assert.equal(source.get().loading, undefined);
	assert.equal(source.get().dataset.events, events);
	source.close();
	assert.equal(source.get().closed, true);
});

test('the loading line shows the bar, the counts, the speed and the time left', () => {
	const parts = loadingParts({
		phase: 'reading',
		filesDone: 250,
		filesTotal: 1000,
		bytesRead: 50 * 1024 * 1024,
		events: 250_000,
		elapsedMs: 2000,
	});
	const text = parts.map((part) => part.text).join(' · ');
	assert.equal(
		text,
		'loading ███░░░░░░░░░ · 250/1,000 files · 250,000 events · 25.0 MB/s · ~6 s left',
	);
	const judging = loadingParts({
		phase: 'judging',
		filesDone: 1000,
		filesTotal: 1000,
		bytesRead: 1,
		events: 1_000_000,
		elapsedMs: 4000,
	});
	assert.equal(
		judging.map((part) => part.text).join(' · '),
		'1,000,000 events read · judging every event…',
	);
});
