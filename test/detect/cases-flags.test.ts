import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {parseUserAgent} from '../../source/normalise/user-agent.js';
import {openDataset} from '../../source/pipeline.js';
import {caseFile} from '../helpers/paths.js';

/**
The red flags of the bug-report cases (see test/fixtures/cases/README.md),
through the whole pipeline: loader, normaliser, address ranges, detection.
*/

async function open(name: string): Promise<TrailEvent[]> {
	const {events} = await openDataset([caseFile(name)], {});
	return events;
}

function ids(event: TrailEvent | undefined): string[] {
	return (event?.flags.map((f) => f.id) ?? []).sort();
}

/** Flags that say an address is outside AWS or new for the identity. */
const addressFlags = ['workload-credential-outside-aws', 'new-source-address'];

test('BR-08: root invoked by AWS Support is info-level root activity', async () => {
	const events = await open('BR-08.json');
	assert.equal(events.length, 4);
	const [support] = events;
	assert.deepEqual(ids(support), ['root-activity']);
	const flag = support?.flags[0];
	assert.equal(flag?.severity, 'info');
	assert.match(flag?.title ?? '', /root activity invoked by AWS Support/i);
	assert.match(
		flag?.evidence[0] ?? '',
		/by AWS Support \(invokedBy: support\.amazonaws\.com\)/,
	);
});

test('BR-08: the three calls from AWS service names raise no address flag', async () => {
	const events = await open('BR-08.json');
	for (const event of events.slice(0, 3)) {
		assert.equal(event.source.kind, 'aws-service');
		for (const flag of addressFlags) {
			assert.ok(!ids(event).includes(flag), `${event.eventName}: ${flag}`);
		}
	}
});

test('BR-09: the ECR push by AWS Internal is not flagged', async () => {
	const [push] = await open('BR-09.json');
	assert.equal(push?.eventName, 'PutImage');
	assert.deepEqual(ids(push), []);
});

test('BR-17: bob signs in without MFA, root signs in, failures raise neither', async () => {
	const events = await open('BR-17.json');
	assert.equal(events.length, 4);
	const [alice, hidden, bob, root] = events;
	assert.deepEqual(ids(alice), []);
	assert.deepEqual(ids(hidden), []);
	assert.deepEqual(ids(bob), ['console-login-without-mfa']);
	assert.match(bob?.flags[0]?.title ?? '', /console login without MFA/i);
	assert.ok(
		bob?.flags[0]?.evidence.some((line) =>
			line.startsWith('2 failed sign-ins came from 198.51.100.50'),
		),
	);
	assert.deepEqual(ids(root), ['root-activity']);
	assert.equal(root?.flags[0]?.severity, 'high');
	assert.match(root?.flags[0]?.title ?? '', /^root console login$/i);
});

test('BR-19: only the curl call is flagged, as an unusual client', async () => {
	const events = await open('BR-19.json');
	assert.equal(events.length, 5);
	assert.deepEqual(
		events.map((e) => ids(e)),
		[[], [], [], ['unusual-client'], []],
	);
	const flag = events[3]?.flags[0];
	assert.equal(flag?.severity, 'medium');
	assert.match(flag?.evidence[0] ?? '', /is curl\/8\.5\.0: curl,/);
});

test('BR-19: the wrapped and plain Boto3 agents are one client, so no deviation', async () => {
	const events = await open('BR-19.json');
	const [wrapped, plain] = [events[1], events[2]].map((e) =>
		parseUserAgent(e?.userAgent),
	);
	assert.equal(wrapped?.family, 'boto3');
	assert.deepEqual(
		[wrapped?.family, wrapped?.version, wrapped?.os],
		[plain?.family, plain?.version, plain?.os],
	);
	assert.ok(wrapped?.wrapped);
	assert.deepEqual(ids(events[1]), []);
	assert.deepEqual(ids(events[2]), []);
});
