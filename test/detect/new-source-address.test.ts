import {test} from 'node:test';
import assert from 'node:assert/strict';
import {homeIp, ids, judged, lambdaTheft, withFlag} from './scenarios.js';

const id = 'new-source-address';

test('every call of a key from a second address is flagged, with both places', () => {
	const events = judged(
		lambdaTheft([
			{time: '2018-11-28T23:04:54Z', eventName: 'ListObjects'},
			{time: '2018-11-28T23:05:53Z', eventName: 'ListImages'},
		]),
	);
	assert.deepEqual(
		withFlag(events, id).map((e) => e.eventName),
		['ListObjects', 'ListImages'],
	);
	const flag = events.at(-1)?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'medium');
	assert.ok(
		flag?.evidence.includes(
			'level1 and the temporary key ASIAEXAMPLELAMBDA01 were first seen from ' +
				'34.234.236.212 (AWS EC2 us-east-1) at 23:03:12. This call comes from ' +
				'104.102.221.250 (outside AWS; first seen there at 23:04:54, 2 calls).',
		),
		flag?.evidence.join('\n'),
	);
});

test('a key and its role first seen in different places get a line each', () => {
	const events = judged([
		{
			role: 'app',
			session: 'a',
			key: 'ASIAEXAMPLEKEYA0001',
			ip: '3.80.1.2',
			aws: {},
			time: '2024-05-01T10:00:00Z',
		},
		{
			role: 'app',
			session: 'b',
			key: 'ASIAEXAMPLEKEYB0001',
			ip: '203.0.113.5',
			time: '2024-05-01T10:01:00Z',
		},
		{
			role: 'app',
			session: 'b',
			key: 'ASIAEXAMPLEKEYB0001',
			ip: '198.51.100.9',
			time: '2024-05-01T10:02:00Z',
		},
	]);
	const evidence = events[2]?.flags.find((f) => f.id === id)?.evidence ?? [];
	assert.deepEqual(evidence.slice(1), [
		'The temporary key ASIAEXAMPLEKEYB0001 (one session of app) was first seen from ' +
			'203.0.113.5 (outside AWS) at 10:01:00. This call comes from 198.51.100.9 ' +
			'(outside AWS; first seen there at 10:02:00, 1 call).',
		'app was first seen from 3.80.1.2 (AWS EC2 us-east-1) at 10:00:00. This call ' +
			'comes from 198.51.100.9 (outside AWS; first seen there at 10:02:00, 1 call).',
	]);
	assert.deepEqual(ids(events[1]), [id], 'the role moved from AWS to outside');
});

test('a person in a new network is flagged; the same /24 is not', () => {
	const events = judged([
		{user: 'alice', time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{user: 'alice', time: '2024-05-01T10:01:00Z', ip: '203.0.113.99'},
		{user: 'alice', time: '2024-05-01T10:02:00Z', ip: '198.51.100.50'},
		{user: 'alice', time: '2024-05-01T10:03:00Z', ip: '2001:db8::1'},
	]);
	assert.deepEqual(
		events.map((e) => ids(e).includes(id)),
		[false, false, true, true],
	);
});

test('near miss: the first address ever is never new', () => {
	const [event] = judged([
		{role: 'app', key: 'ASIAEXAMPLEKEY00001', ip: homeIp},
	]);
	assert.deepEqual(withFlag([event!], id), []);
});

test('near misses: AWS Internal, service names, missing and odd values never count', () => {
	const key = {role: 'app', session: 's', key: 'ASIAEXAMPLEKEY00001'};
	const events = judged([
		{...key, time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{...key, time: '2024-05-01T10:01:00Z', ip: 'AWS Internal'},
		{
			...key,
			time: '2024-05-01T10:02:00Z',
			ip: 's3.amazonaws.com',
			invokedBy: 's3.amazonaws.com',
		},
		{...key, time: '2024-05-01T10:03:00Z', ip: null},
		{...key, time: '2024-05-01T10:04:00Z', ip: 'garbage'},
		{...key, time: '2024-05-01T10:05:00Z', ip: '203.0.113.10'},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: the same machine through a VPC endpoint keeps its key quiet', () => {
	const key = {
		role: 'web',
		session: 'i-0123456789abcdef0',
		key: 'ASIAEXAMPLEKEY00002',
	};
	const events = judged([
		{...key, time: '2024-05-01T10:00:00Z', ip: '3.80.1.2', aws: {}},
		{
			...key,
			time: '2024-05-01T10:01:00Z',
			ip: '10.0.1.5',
			vpcEndpointId: 'vpce-0example0001',
		},
		{...key, time: '2024-05-01T10:02:00Z', ip: '3.80.1.2', aws: {}},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: a fleet of AWS addresses for one role is not new per role', () => {
	const events = judged([
		{
			role: 'fn',
			session: 'a',
			key: 'ASIAEXAMPLEKEYA0001',
			ip: '3.80.1.2',
			aws: {},
			time: '2024-05-01T10:00:00Z',
		},
		{
			role: 'fn',
			session: 'b',
			key: 'ASIAEXAMPLEKEYB0001',
			ip: '54.1.2.3',
			aws: {},
			time: '2024-05-01T10:01:00Z',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('a key seen first inside AWS and later from another AWS address is flagged', () => {
	const key = {
		role: 'web',
		session: 'i-0123456789abcdef0',
		key: 'ASIAEXAMPLEKEY00003',
	};
	const events = judged([
		{...key, time: '2024-05-01T10:00:00Z', ip: '3.80.1.2', aws: {}},
		{
			...key,
			time: '2024-05-01T10:01:00Z',
			ip: '18.200.1.1',
			aws: {region: 'eu-west-1'},
		},
	]);
	// The instance-credential flag may join it; this flag must be there.
	assert.ok(ids(events[1]).includes(id), ids(events[1]).join());
	assert.deepEqual(ids(events[0]), []);
});

test('near miss: console agents from the usual address are not new', () => {
	const events = judged([
		{user: 'alice', time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{
			user: 'alice',
			time: '2024-05-01T10:01:00Z',
			ip: '203.0.113.10',
			ua: 'AWS Internal',
			console: true,
		},
		{
			user: 'alice',
			time: '2024-05-01T10:02:00Z',
			ip: '203.0.113.10',
			ua: 'signin.amazonaws.com',
			console: true,
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
