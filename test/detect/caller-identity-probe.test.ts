import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {agents, homeIp, judged, withFlag} from './scenarios.js';

const id = 'caller-identity-probe';
const whoami = {
	eventName: 'GetCallerIdentity',
	eventSource: 'sts.amazonaws.com',
};
const terraform =
	'APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) ' +
	'terraform-provider-aws/3.76.1 aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)';

function flagOf(events: ReturnType<typeof judged>, index: number) {
	return events[index]?.flags.find((f) => f.id === id);
}

test('TruffleHog checking a key is high', () => {
	const events = judged([
		{
			user: 'compromised-user',
			key: 'AKIAIOSFODNN7EXAMPLE',
			ip: '198.51.100.42',
			ua: 'trufflehog/3.63.0',
			...whoami,
		},
	]);
	const flag = flagOf(events, 0);
	assert.equal(flag?.severity, 'high');
	assert.deepEqual(flag?.evidence, [
		'GetCallerIdentity at 2024-05-01 10:00:00 from 198.51.100.42 (outside AWS).',
		'It is the first and only call of the key AKIAIOSFODNN7EXAMPLE in the loaded logs: the key was checked, then left alone.',
		'Its user agent names TruffleHog, an attack or audit tool.',
	]);
});

test("a new key's first call, from a network the role never used, is high", () => {
	const events = judged([
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			key: 'ASIAEXAMPLEOWN00001',
			ip: '3.225.16.109',
			aws: {service: 'EC2', region: 'us-east-1'},
			time: '2024-05-01T10:00:00Z',
		},
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			key: 'ASIAEXAMPLETHIEF001',
			ip: homeIp,
			ua: agents.cliLinux,
			time: '2024-05-01T10:00:06Z',
			...whoami,
		},
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			key: 'ASIAEXAMPLETHIEF001',
			ip: homeIp,
			eventName: 'DescribeInstances',
			eventSource: 'ec2.amazonaws.com',
			time: '2024-05-01T10:00:07Z',
		},
	]);
	const flag = flagOf(events, 1);
	assert.equal(flag?.severity, 'high');
	assert.deepEqual(flag?.evidence.slice(1), [
		'It is the first call of the key ASIAEXAMPLETHIEF001 in the loaded logs; 1 more call followed (ec2:DescribeInstances).',
		'web was seen before only from 3.225.16.109 (AWS EC2 us-east-1), since 10:00:00. This call comes from 104.102.221.250 (outside AWS), a new network.',
	]);
});

test('a known key checking itself from a new network is medium; a first call alone is low', () => {
	const base: EventSpec = {user: 'alice', key: 'AKIAEXAMPLEALICE001'};
	const events = judged([
		{...base, time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{...base, time: '2024-05-01T10:01:00Z', ip: homeIp, ...whoami},
		{
			user: 'dave',
			key: 'AKIAEXAMPLEDAVE0001',
			time: '2024-05-01T10:02:00Z',
			ip: '192.0.2.7',
			...whoami,
		},
	]);
	assert.equal(flagOf(events, 1)?.severity, 'medium');
	assert.equal(flagOf(events, 2)?.severity, 'low');
});

test('a raw HTTP client checking a key is medium', () => {
	const events = judged([
		{
			user: 'alice',
			ip: '203.0.113.10',
			ua: 'python-requests/2.31.0',
			...whoami,
		},
	]);
	assert.equal(flagOf(events, 0)?.severity, 'medium');
});

test("near misses: Terraform's check and a known routine starting a new session", () => {
	const events = judged([
		{
			user: 'ci',
			key: 'AKIAEXAMPLECI000001',
			ip: '203.0.113.10',
			ua: terraform,
			...whoami,
		},
		{
			role: 'dev',
			session: 'alice',
			key: 'ASIAEXAMPLESESSION1',
			ip: '203.0.113.10',
			ua: agents.cliLinux,
			time: '2024-05-01T10:00:00Z',
			eventName: 'DescribeVpcs',
			eventSource: 'ec2.amazonaws.com',
		},
		{
			role: 'dev',
			session: 'alice',
			key: 'ASIAEXAMPLESESSION2',
			ip: '203.0.113.77',
			ua: agents.cliLinux,
			time: '2024-05-01T11:00:00Z',
			...whoami,
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: the console, AWS acting, the identity role and other calls with a tool', () => {
	const events = judged([
		{user: 'alice', console: true, ip: homeIp, ...whoami},
		{
			user: 'alice',
			ip: 'AWS Internal',
			time: '2024-05-01T10:01:00Z',
			...whoami,
		},
		{
			role: 'aws:ec2-instance',
			session: 'i-0123456789abcdef0',
			ip: homeIp,
			time: '2024-05-01T10:02:00Z',
			...whoami,
		},
		{
			user: 'mallory',
			ua: 'TruffleHog',
			time: '2024-05-01T10:03:00Z',
			eventName: 'AssumeRole',
			eventSource: 'sts.amazonaws.com',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: an instance reaching STS through its VPC endpoint, a service acting', () => {
	const instance = {role: 'web', session: 'i-0123456789abcdef0'};
	const events = judged([
		{
			...instance,
			key: 'ASIAEXAMPLEOWN00001',
			ip: '3.225.16.109',
			aws: {service: 'EC2', region: 'us-east-1'},
			time: '2024-05-01T10:00:00Z',
		},
		{
			...instance,
			key: 'ASIAEXAMPLEOWN00001',
			ip: '10.0.1.5',
			vpcEndpointId: 'vpce-0sts000000001',
			time: '2024-05-01T10:01:00Z',
			...whoami,
		},
		{
			user: 'alice',
			ip: 'lambda.amazonaws.com',
			invokedBy: 'lambda.amazonaws.com',
			time: '2024-05-01T10:02:00Z',
			...whoami,
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
