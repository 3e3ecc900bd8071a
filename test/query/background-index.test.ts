import assert from 'node:assert/strict';
import {setImmediate as nextTurn} from 'node:timers/promises';
import test from 'node:test';
import {buildIndexInBackground} from '../../source/query/background-index.js';
import {createSearchIndex, searchEvents} from '../../source/query/search.js';
import {openDataset} from '../../source/pipeline.js';
import {makeEvents} from '../helpers/make-event.js';
import {makeScratch} from '../load/scratch.js';

function sample(count: number) {
	const events = makeEvents(
		Array.from({length: count}, (_, i) => ({
			user: `user${i % 7}`,
			eventName: i % 3 === 0 ? 'GetObject' : 'ListBuckets',
			requestParameters: {bucketName: `bucket-${i % 11}`, key: `k-${i}`},
		})),
	);
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	return events;
}

test('the background build ends with the index a single build gives', async () => {
	const events = sample(3000);
	const build = buildIndexInBackground(events);
	while (build.progress() < 1) {
		await nextTurn();
	}

	const whole = createSearchIndex(events);
	for (const query of ['user3', 'bucket-7 GetObject', 'k-2999', 'ListBukets']) {
		assert.deepEqual(
			searchEvents(build.index(), query),
			searchEvents(whole, query),
			query,
		);
	}
});

test('a search before the build is done finishes it at once; cancel stops it', async () => {
	const events = sample(5000);
	const early = buildIndexInBackground(events);
	assert.equal(early.progress(), 0, 'nothing is built before a turn');
	assert.equal(searchEvents(early.index(), 'k-4999').length, 1);
	assert.equal(early.progress(), 1);

	const stopped = buildIndexInBackground(events);
	stopped.cancel();
	await nextTurn();
	await nextTurn();
	assert.equal(stopped.progress(), 0);
});

test('values kept only in the stored file are found by search', async () => {
	const scratch = await makeScratch();
	try {
		const records = Array.from({length: 40}, (_, i) => ({
			eventVersion: '1.08',
			eventID: `id-${i}`,
			eventTime: `2024-05-01T10:00:${String(i).padStart(2, '0')}Z`,
			eventSource: 'ec2.amazonaws.com',
			// Successful reads: their requests stay in the stored file.
			eventName: 'DescribeInstances',
			readOnly: true,
			awsRegion: 'us-east-1',
			sourceIPAddress: '198.51.100.4',
			userIdentity: {type: 'IAMUser', userName: 'alice'},
			requestParameters: {
				instancesSet: {items: [{instanceId: `i-0${i}needle`}]},
			},
		}));
		await scratch.write('logs/a.json', JSON.stringify({Records: records}));
		const dataset = await openDataset([`${scratch.dir}/logs`], {threads: 0});
		const build = buildIndexInBackground(dataset.events, {background: false});
		assert.deepEqual(searchEvents(build.index(), 'i-017needle'), [17]);
	} finally {
		await scratch.cleanup();
	}
});
