import {test} from 'node:test';
import assert from 'node:assert/strict';
import {discoveryApis} from '../../source/detect/rules/discovery-apis.js';
import {
	agents,
	homeIp,
	ids,
	judged,
	lambdaTheft,
	withFlag,
} from './scenarios.js';

const id = 'reconnaissance-call';
const instance = {role: 'web', session: 'i-0123456789abcdef0'};

test('ListBuckets with workload credentials from outside AWS is high', () => {
	const [event] = judged([{...instance, ip: homeIp, ua: agents.cliMac}]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.equal(
		flag?.evidence[0],
		'ListBuckets (at 2024-05-01 10:00:00) lists every S3 bucket in the account.',
	);
});

test('a workload with a desktop agent inside AWS is medium', () => {
	const [event] = judged([{...instance, ip: '10.1.1.1', ua: agents.cliMac}]);
	assert.equal(event?.flags.find((f) => f.id === id)?.severity, 'medium');
});

test('a person flags low for a refused first listing, once per API', () => {
	const iam = {eventSource: 'iam.amazonaws.com', eventName: 'ListUsers'};
	const events = judged([
		{
			user: 'alice',
			time: '2024-05-01T10:00:00Z',
			...iam,
			errorCode: 'AccessDenied',
		},
		{
			user: 'alice',
			time: '2024-05-01T10:01:00Z',
			...iam,
			errorCode: 'AccessDenied',
		},
	]);
	assert.deepEqual(events.map(ids), [[id], []]);
	const flag = events[0]?.flags[0];
	assert.equal(flag?.severity, 'low');
	assert.ok(
		flag?.evidence.some((l) => l.startsWith('AWS refused it (AccessDenied)')),
	);
});

test('a person listing from a network where they were not first seen is low', () => {
	const events = judged([
		{
			user: 'bob',
			time: '2024-05-01T10:00:00Z',
			eventName: 'GetObject',
			ip: '203.0.113.10',
		},
		{user: 'bob', time: '2024-05-01T10:01:00Z', ip: '198.51.100.7'},
	]);
	const flag = events[1]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'low');
	assert.equal(
		flag?.evidence[1],
		'This is the first ListBuckets by bob in the loaded logs, and it comes from ' +
			'198.51.100.7 (outside AWS), while bob was first seen from 203.0.113.10 (outside AWS).',
	);
});

test("near miss: a person's first listing from their usual place is everyday work", () => {
	const events = judged([
		{user: 'carol', time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{
			user: 'carol',
			time: '2024-05-01T10:01:00Z',
			ip: '203.0.113.11',
			eventName: 'DescribeInstances',
			eventSource: 'ec2.amazonaws.com',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test("an attack tool agent raises a person's discovery to medium", () => {
	const [event] = judged([
		{
			user: 'alice',
			eventName: 'GetCallerIdentity',
			eventSource: 'sts.amazonaws.com',
			ua: agents.kali,
		},
	]);
	assert.equal(event?.flags.find((f) => f.id === id)?.severity, 'medium');
});

test('one listing inside a bucket or repository is not reconnaissance on its own', () => {
	const events = judged(
		lambdaTheft([
			{time: '2018-11-28T23:04:54Z', eventName: 'ListObjects'},
			{
				time: '2018-11-28T23:05:53Z',
				eventName: 'ListImages',
				eventSource: 'ecr.amazonaws.com',
			},
		]),
	);
	assert.deepEqual(withFlag(events, id), []);
	assert.equal(discoveryApis.get('s3:ListObjects')?.scope, 'resource');
});

test('near miss: software on AWS discovering its own resources', () => {
	const [event] = judged([
		{
			...instance,
			ip: '3.80.1.2',
			aws: {},
			ua: agents.botoLinux,
			eventName: 'DescribeInstances',
			eventSource: 'ec2.amazonaws.com',
		},
	]);
	assert.deepEqual(ids(event), []);
});

test('near misses: services, service on behalf, console, AWS Internal and anonymous callers', () => {
	const events = judged([
		{
			type: 'AWSService',
			invokedBy: 'config.amazonaws.com',
			ip: 'config.amazonaws.com',
			eventName: 'DescribeInstances',
			eventSource: 'ec2.amazonaws.com',
		},
		{
			user: 'alice',
			invokedBy: 'cloudformation.amazonaws.com',
			ip: 'cloudformation.amazonaws.com',
		},
		{user: 'bob', console: true, ua: agents.console},
		{user: 'carol', ip: 'AWS Internal'},
		{type: 'AWSAccount', eventName: 'GetObject', user: 'x'},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: a workload through a VPC endpoint, and a person with no address', () => {
	const events = judged([
		{
			...instance,
			ip: '10.0.3.3',
			vpcEndpointId: 'vpce-0example0001',
			ua: agents.botoLinux,
			eventName: 'DescribeInstances',
			eventSource: 'ec2.amazonaws.com',
		},
		{user: 'dave', time: '2024-05-01T10:00:00Z', eventName: 'GetObject'},
		{user: 'dave', time: '2024-05-01T10:01:00Z', ip: null},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
