import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {judged, withFlag} from './scenarios.js';

const id = 'access-denied-burst';
const denied = {errorCode: 'AccessDenied'};

function refused(
	n: number,
	spec: (i: number) => EventSpec,
	secondsApart = 20,
): EventSpec[] {
	const start = Date.parse('2024-05-01T10:00:00Z');
	return Array.from({length: n}, (_, i) => ({
		...denied,
		time: new Date(start + i * secondsApart * 1000).toISOString(),
		...spec(i),
	}));
}

const probes: Array<[string, string]> = [
	['iam', 'ListUsers'],
	['s3', 'ListBuckets'],
	['ec2', 'DescribeInstances'],
];

function probe(i: number): EventSpec {
	const [service, eventName] = probes[i % probes.length]!;
	return {
		user: 'alice',
		key: 'AKIAEXAMPLEALICE001',
		eventSource: `${service}.amazonaws.com`,
		eventName,
	};
}

test('ten refusals over three APIs flag every one, with the burst in the same words', () => {
	const events = judged(refused(10, probe));
	const flagged = withFlag(events, id);
	assert.equal(flagged.length, 10);
	const flag = flagged[0]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high', 'three services');
	assert.deepEqual(flag?.evidence.slice(0, 2), [
		'AWS refused 10 calls by alice from 2024-05-01 10:00:00 to 10:03:00 (3 min): 3 APIs in 3 services ' +
			'(iam:ListUsers, s3:ListBuckets and ec2:DescribeInstances), 3 different requests.',
		'The refused calls came from 203.0.113.10 (outside AWS).',
	]);
	assert.equal(
		flagged[9]?.flags.find((f) => f.id === id)?.evidence[0],
		flag?.evidence[0],
	);
});

test('one API refused on many different targets is a burst too', () => {
	const events = judged(
		refused(12, (i) => ({
			role: 'reader',
			eventSource: 'ec2.amazonaws.com',
			eventName: 'GetPasswordData',
			errorCode: 'Client.UnauthorizedOperation',
			outcome: 'denied',
			requestParameters: {instanceId: `i-${String(i).padStart(17, '0')}`},
		})),
	);
	const flag = events[0]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		flag?.evidence[0] ?? '',
		/1 API in 1 service .*12 different requests\.$/,
	);
});

test('near miss: a retry loop of one refused request is software missing a permission', () => {
	const events = judged(
		refused(30, () => ({
			role: 'app',
			eventSource: 'logs.amazonaws.com',
			eventName: 'CreateLogStream',
			requestParameters: {logGroupName: '/app'},
		})),
	);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: nine refusals, or ten spread over an hour', () => {
	assert.deepEqual(withFlag(judged(refused(9, probe)), id), []);
	assert.deepEqual(withFlag(judged(refused(10, probe, 400)), id), []);
});

test('near misses: console pages, AWS acting, AWS Internal and other errors', () => {
	const events = judged([
		...refused(10, (i) => ({...probe(i), user: 'carol', console: true})),
		...refused(10, (i) => ({
			...probe(i),
			user: 'dave',
			ip: 'sqs.amazonaws.com',
			invokedBy: 'sqs.amazonaws.com',
		})),
		...refused(10, (i) => ({
			...probe(i),
			user: 'erin',
			errorCode: 'ThrottlingException',
		})),
		...refused(10, (i) => ({...probe(i), user: 'fred', ip: 'AWS Internal'})),
	]);
	assert.deepEqual(withFlag(events, id), []);
});
