import {test} from 'node:test';
import assert from 'node:assert/strict';
import {openDataset} from '../../source/pipeline.js';
import {
	createSearchIndex,
	matchRanges,
	searchEvents,
} from '../../source/query/search.js';
import {makeEvents} from '../helpers/make-event.js';
import {caseFile, sample} from '../helpers/paths.js';

const calls = makeEvents([
	{time: '2024-05-01T10:00:00Z', eventName: 'ListBuckets', user: 'alice'},
	{time: '2024-05-01T10:01:00Z', eventName: 'ListObjects', user: 'alice'},
	{
		time: '2024-05-01T10:02:00Z',
		eventName: 'ListUsers',
		eventSource: 'iam.amazonaws.com',
		user: 'bob',
	},
	{
		time: '2024-05-01T10:03:00Z',
		eventName: 'GetBucketAcl',
		user: 'carol',
		ip: '198.51.100.7',
	},
	{
		time: '2024-05-01T10:04:00Z',
		eventName: 'ListBuckets',
		user: 'bob',
		errorCode: 'AccessDenied',
	},
	{
		time: '2024-05-01T10:05:00Z',
		eventName: 'PutObject',
		user: 'carol',
		ua: 'curl/8.5.0\u001b]0;owned\u0007',
		requestParameters: {bucketName: 'example-bucket', key: 'reports/q1.csv'},
	},
]);
const index = createSearchIndex(calls);

test('an empty query finds nothing', () => {
	assert.deepEqual(searchEvents(index, ''), []);
	assert.deepEqual(searchEvents(index, '   '), []);
});

test('ListBuckets finds ListBuckets, not every List call', () => {
	assert.deepEqual(searchEvents(index, 'ListBuckets'), [0, 4]);
	assert.deepEqual(searchEvents(index, 'listbuckets'), [0, 4]);
});

test('a typo still finds the call', () => {
	assert.deepEqual(searchEvents(index, 'ListBukets'), [0, 4]);
});

test('every word must match, in any field', () => {
	assert.deepEqual(searchEvents(index, 'ListBuckets bob'), [4]);
	assert.deepEqual(searchEvents(index, 'AccessDenied'), [4]);
	assert.deepEqual(searchEvents(index, '198.51.100.7'), [3]);
	assert.deepEqual(searchEvents(index, 'bob carol'), []);
});

test('request values are searched, and escapes as they are shown', () => {
	assert.deepEqual(searchEvents(index, 'reports/q1.csv'), [5]);
	assert.deepEqual(searchEvents(index, '\\x1b]0;owned'), [5]);
});

test('results come back in time order whatever the seq order of the index', () => {
	const reversed = createSearchIndex([...calls].reverse());
	assert.deepEqual(searchEvents(reversed, 'ListBuckets'), [0, 4]);
});

test('match ranges point into the visible text of each field', () => {
	const [name] = matchRanges(calls[0]!, 'bucket');
	assert.deepEqual(name, {
		field: 'eventName',
		text: 'ListBuckets',
		ranges: [[4, 10]],
	});
	const ua = matchRanges(calls[5]!, 'owned').find(
		(m) => m.field === 'userAgent',
	);
	assert.equal(ua?.text, 'curl/8.5.0\\x1b]0;owned\\x07');
	assert.deepEqual(ua?.ranges, [[17, 22]]);
	assert.deepEqual(matchRanges(calls[0]!, ''), []);
});

test('a fuzzy match is highlighted too', () => {
	const match = matchRanges(calls[0]!, 'ListBukets').find(
		(m) => m.field === 'eventName',
	);
	assert.ok(match && match.ranges.length > 0);
});

/** BR-23: a RunInstances record of about 660 KB with the needle at its end. */
function bigRecordEvents() {
	const items = Array.from({length: 500}, (_, i) => ({
		instanceId:
			i === 499
				? 'i-0exampleNEEDLE'
				: `i-0example${String(i).padStart(8, '0')}`,
		privateIpAddress: `10.0.${Math.floor(i / 250)}.${i % 250}`,
		tagSet: {items: [{key: 'Name', value: `bulk-${i}-${'x'.repeat(1200)}`}]},
	}));
	return makeEvents([
		{
			eventName: 'RunInstances',
			eventSource: 'ec2.amazonaws.com',
			responseElements: {instancesSet: {items}},
		},
		{eventName: 'DescribeInstances', eventSource: 'ec2.amazonaws.com'},
	]);
}

test('BR-23: a needle deep inside a 660 KB record is found by the exact fallback', () => {
	const events = bigRecordEvents();
	assert.ok(JSON.stringify(events[0]!.record).length > 600_000);
	const big = createSearchIndex(events);
	assert.deepEqual(searchEvents(big, 'i-0exampleNEEDLE'), [0]);
	// Values are matched exactly only: a typo of an id is another id.
	assert.deepEqual(searchEvents(big, 'i-0exampleNEEDLX'), []);
});

test('BR-06: a key inside an embedded lookup-events record finds its item', async () => {
	const dataset = await openDataset([caseFile('BR-06.json')]);
	const seqs = searchEvents(
		createSearchIndex(dataset.events),
		'AKIAEXAMPLEBOB00001',
	);
	assert.deepEqual(
		seqs.map((seq) => dataset.events[seq]?.eventName),
		['CreateAccessKey'],
	);
});

test('flaws2: ListBuckets finds the one ListBuckets call', async () => {
	const dataset = await openDataset([sample('flaws2')]);
	const seqs = searchEvents(createSearchIndex(dataset.events), 'ListBuckets');
	assert.deepEqual(
		seqs.map((seq) => dataset.events[seq]?.eventName),
		['ListBuckets'],
	);
});
