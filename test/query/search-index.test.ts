import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	createSearchIndex,
	searchEvents,
	SearchIndex,
} from '../../source/query/search.js';
import {maxFlatText} from '../../source/query/search-text.js';
import {makeEvent, makeEvents, type EventSpec} from '../helpers/make-event.js';

const calls = makeEvents([
	{eventName: 'ListBuckets', user: 'alice', region: 'eu-west-1'},
	{eventName: 'ListBuckets', user: 'bob', region: 'eu-west-1'},
	{
		eventName: 'GetObject',
		user: 'alice',
		region: 'us-east-1',
		requestParameters: {
			bucketName: 'shared-bucket',
			deep: {a: [{b: {c: [null, {d: 'deeply-nested-needle'}]}}]},
		},
	},
	{
		eventName: 'PutObject',
		user: 'carol',
		requestParameters: {bucketName: 'shared-bucket', key: 'only-here-7f3a'},
	},
	{
		eventName: 'AssumeRole',
		user: 'dave',
		requestParameters: {roleSessionName: 'ListBuckets', count: 42},
	},
]);

test('words are ANDed across different fields', () => {
	const index = createSearchIndex(calls);
	assert.deepEqual(searchEvents(index, 'alice'), [0, 2]);
	assert.deepEqual(searchEvents(index, 'eu-west-1'), [0, 1]);
	assert.deepEqual(searchEvents(index, 'alice eu-west-1'), [0]);
	assert.deepEqual(searchEvents(index, 'alice shared-bucket'), [2]);
	assert.deepEqual(searchEvents(index, 'carol shared-bucket'), [3]);
	assert.deepEqual(searchEvents(index, 'bob shared-bucket'), []);
});

test('a value deep inside requestParameters is found, and numbers too', () => {
	const index = createSearchIndex(calls);
	assert.deepEqual(searchEvents(index, 'NESTED-needle'), [2]);
	assert.deepEqual(searchEvents(index, '42'), [4]);
});

test('a value held by one event only finds that event', () => {
	const index = createSearchIndex(calls);
	assert.deepEqual(searchEvents(index, 'only-here-7f3a'), [3]);
	assert.deepEqual(searchEvents(index, '7f3a'), [3]);
});

test('a fuzzy match of a name does not reach the same text in values', () => {
	const index = createSearchIndex(calls);
	// Event 4 holds "ListBuckets" as a value, not as a name: a typo of the
	// name finds the calls named so, as it always did.
	assert.deepEqual(searchEvents(index, 'ListBukets'), [0, 1]);
	assert.deepEqual(searchEvents(index, 'ListBuckets'), [0, 1, 4]);
});

test('names differing only in case are all found by a typo', () => {
	const index = createSearchIndex(
		makeEvents([
			{eventName: 'ListBuckets'},
			{eventName: 'listbuckets'},
			{eventName: 'LISTBUCKETS'},
			{eventName: 'GetObject'},
		]),
	);
	assert.deepEqual(searchEvents(index, 'lisTbukets'), [0, 1, 2]);
});

test('adding in several chunks, out of seq order, answers as one build', () => {
	const specs: EventSpec[] = [];
	for (let i = 0; i < 60; i++) {
		specs.push({
			time: `2024-05-01T10:${String(i).padStart(2, '0')}:00Z`,
			eventName: ['ListBuckets', 'GetObject', 'PutObject'][i % 3],
			user: `user${i % 7}`,
			requestParameters: {key: `key-${i}`, bucketName: `bucket-${i % 4}`},
		});
	}

	const events = makeEvents(specs);
	const whole = createSearchIndex(events);
	const chunked = createSearchIndex();
	const order = [...events].reverse();
	for (const size of [1, 7, 20, 32]) {
		chunked.add(order.splice(0, size));
	}

	assert.equal(order.length, 0);
	assert.equal(chunked.size, events.length);
	for (const query of [
		'ListBuckets',
		'ListBukets',
		'user3',
		'bucket-2 user3',
		'key-1',
		'key-59',
		'e',
		'nothing-like-this',
	]) {
		const expected = searchEvents(whole, query);
		assert.deepEqual(searchEvents(chunked, query), expected, query);
		assert.deepEqual(
			expected,
			[...expected].sort((a, b) => a - b),
			`${query}: ascending`,
		);
	}

	assert.deepEqual(
		{...chunked.stats(), bytes: 0},
		{...whole.stats(), bytes: 0},
	);
});

test('a search between two batches sees the first; the next sees both', () => {
	const [first, second] = makeEvents([
		{eventName: 'CreateUser', requestParameters: {userName: 'eve'}},
		{eventName: 'DeleteUser', requestParameters: {userName: 'eve'}},
	]);
	const index = new SearchIndex();
	assert.deepEqual(index.search('eve'), []);
	index.add([second!]);
	assert.deepEqual(index.search('eve'), [1]);
	assert.deepEqual(index.search('eve CreateUser'), []);
	index.add([first!]);
	assert.deepEqual(index.search('eve'), [0, 1]);
	assert.deepEqual(index.search('eve CreateUser'), [0]);
});

test('an event holding a text in two fields is listed under it once', () => {
	const alone = createSearchIndex(makeEvents([{user: 'mallory', eventId: ''}]));
	const twice = createSearchIndex(
		makeEvents([
			{user: 'mallory', eventId: '', requestParameters: {userName: 'mallory'}},
		]),
	);
	assert.equal(twice.stats().texts, alone.stats().texts);
	assert.equal(twice.stats().postings, alone.stats().postings);
	assert.deepEqual(twice.search('mallory'), [0]);
});

test('each distinct text is held once: 1,000 events, 3 names', () => {
	const names = ['ListBuckets', 'GetObject', 'PutObject'];
	const events = makeEvents(
		Array.from({length: 1000}, (_, i) => ({
			eventName: names[i % 3],
			eventId: '',
		})),
	);
	const stats = createSearchIndex(events).stats();
	// Per event: its name, and the principal, address, user agent and
	// region all 1,000 share.
	assert.deepEqual(
		{
			events: stats.events,
			texts: stats.texts,
			postings: stats.postings,
			fuzzyTexts: stats.fuzzyTexts,
			fuzzyPostings: stats.fuzzyPostings,
		},
		{
			events: 1000,
			texts: 3 + 4,
			postings: 5 * 1000,
			fuzzyTexts: 3 + 4,
			fuzzyPostings: 5 * 1000,
		},
	);
	// A few bytes per event, not a copy of its text.
	assert.ok(stats.bytes < 200_000, `${stats.bytes} bytes`);
});

test('values past the 4 MiB flatten cap are not searched', () => {
	const event = makeEvent({
		requestParameters: {
			filler: 'x'.repeat(maxFlatText - 10),
			cut: 'NEEDLE-past-the-cap',
			after: 'never-reached',
		},
	});
	const index = createSearchIndex([event]);
	// The filler and its separator take all but 9 characters of the cap.
	assert.deepEqual(searchEvents(index, 'NEEDLE-pa'), [0]);
	assert.deepEqual(searchEvents(index, 'NEEDLE-pas'), []);
	assert.deepEqual(searchEvents(index, 'never-reached'), []);
});
