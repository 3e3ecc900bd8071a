import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {judged, withFlag} from './scenarios.js';

const id = 'temporary-key-many-addresses';
const key = 'ASIAEXAMPLEKEY00009';
const session: EventSpec = {role: 'app', session: 'alice', key};

function at(minute: number, ip: string, extra: EventSpec = {}): EventSpec {
	const mm = String(minute).padStart(2, '0');
	return {...session, time: `2024-05-01T10:${mm}:00Z`, ip, ...extra};
}

test('a key in three networks flags every public call with the same list of addresses', () => {
	const events = judged([
		at(0, '3.80.1.2', {aws: {service: 'EC2', region: 'us-east-1'}}),
		at(1, '203.0.113.5'),
		at(2, '203.0.113.5'),
		at(3, '198.51.100.9'),
		at(4, '10.0.0.8', {vpcEndpointId: 'vpce-0example0001'}),
	]);
	const flagged = withFlag(events, id);
	assert.deepEqual(
		flagged.map((e) => e.seq),
		[0, 1, 2, 3],
		'the private address is not part of the group',
	);
	const line =
		`The temporary key ${key} (a session of app) was used from 3 addresses in 3 networks: ` +
		'3.80.1.2 (AWS EC2 us-east-1) from 2024-05-01 10:00:00, 203.0.113.5 (outside AWS) from 10:01:00 ' +
		'and 198.51.100.9 (outside AWS) from 10:03:00.';
	for (const event of flagged) {
		const flag = event.flags.find((f) => f.id === id);
		assert.equal(flag?.evidence[0], line);
		assert.equal(flag?.severity, 'medium');
	}

	assert.equal(
		flagged[3]?.flags.find((f) => f.id === id)?.evidence.at(-1),
		'This call: ListBuckets at 2024-05-01 10:03:00 from 198.51.100.9 (outside AWS).',
	);
});

test('a key going back and forth between two outside networks is high', () => {
	const events = judged([
		at(0, '203.0.113.5'),
		at(1, '198.51.100.9'),
		at(2, '203.0.113.6'),
	]);
	const flags = events.map((e) => e.flags.find((f) => f.id === id));
	assert.deepEqual(
		flags.map((f) => f?.severity),
		['high', 'high', 'high'],
	);
	assert.match(flags[0]?.evidence[1] ?? '', /^It went back and forth/);
});

test('near miss: two networks one after the other are the business of new-source-address', () => {
	const events = judged([
		at(0, '203.0.113.5'),
		at(1, '198.51.100.9'),
		at(2, '198.51.100.9'),
	]);
	assert.deepEqual(withFlag(events, id), []);
	assert.ok(events[1]?.flags.some((f) => f.id === 'new-source-address'));
});

test('near miss: a Lambda fleet in one region and a dual-stack laptop are one place each', () => {
	const aws = {aws: {service: 'EC2', region: 'us-east-1'}};
	const events = judged([
		at(0, '3.80.1.2', aws),
		at(1, '54.1.2.3', aws),
		at(2, '34.200.1.1', aws),
		at(3, '203.0.113.5'),
		at(4, '2001:db8::1'),
		at(5, '203.0.113.5'),
		at(6, '2001:db8::1'),
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: long-term keys, AWS acting, AWS Internal and missing addresses', () => {
	const events = judged([
		{user: 'bob', key: 'AKIAEXAMPLEKEY00001', ip: '203.0.113.5'},
		{
			user: 'bob',
			key: 'AKIAEXAMPLEKEY00001',
			ip: '198.51.100.9',
			time: '2024-05-01T10:01:00Z',
		},
		{
			user: 'bob',
			key: 'AKIAEXAMPLEKEY00001',
			ip: '192.0.2.44',
			time: '2024-05-01T10:02:00Z',
		},
		at(3, '203.0.113.5'),
		at(4, 'AWS Internal'),
		at(5, 's3.amazonaws.com', {invokedBy: 's3.amazonaws.com'}),
		at(6, '', {ip: null}),
	]);
	assert.deepEqual(withFlag(events, id), []);
});
