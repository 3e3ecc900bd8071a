import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {agents, homeIp, ids, judged, withFlag} from './scenarios.js';

const id = 'instance-credential-off-instance';
const instance = 'i-0123456789abcdef0';
const session = {role: 'web', session: instance};

/** The instance's own call, from its AWS address in us-east-1. */
const own: EventSpec = {
	...session,
	key: 'ASIAEXAMPLEINSTANCE',
	time: '2024-05-01T10:00:00Z',
	ip: '3.80.1.2',
	aws: {service: 'EC2', region: 'us-east-1'},
	ua: agents.botoLinux,
	eventName: 'PutObject',
};

/** The userIdentity of an instance session, with its IMDS delivery. */
function deliveredBy(delivery: string): EventSpec['extra'] {
	return {
		userIdentity: {
			type: 'AssumedRole',
			arn: `arn:aws:sts::111122223333:assumed-role/web/${instance}`,
			accountId: '111122223333',
			accessKeyId: 'ASIAEXAMPLESTOLEN01',
			sessionContext: {
				sessionIssuer: {type: 'Role', userName: 'web'},
				ec2RoleDelivery: delivery,
			},
		},
	};
}

test('instance credentials from outside AWS are high and name the instance and its own place', () => {
	const events = judged([
		own,
		{
			...session,
			key: 'ASIAEXAMPLESTOLEN01',
			time: '2024-05-01T10:05:00Z',
			ip: homeIp,
			ua: agents.cliMac,
			eventName: 'ListBuckets',
			extra: deliveredBy('1.0'),
		},
	]);
	assert.deepEqual(ids(events[0]).includes(id), false);
	const flag = events[1]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.deepEqual(flag?.evidence, [
		`This call (ListBuckets at 2024-05-01 10:05:00) uses the credentials of the EC2 instance ${instance} (role web), from 104.102.221.250 (outside AWS).`,
		"That address is outside AWS's published ranges.",
		'The instance itself calls from 3.80.1.2 (AWS EC2 us-east-1), first at 10:00:00 (1 call).',
		"This call's key, ASIAEXAMPLESTOLEN01, is not the one the instance's own calls use (ASIAEXAMPLEINSTANCE).",
		'The credentials were fetched with IMDSv1, the old metadata service (ec2RoleDelivery 1.0). It answers any request made from the instance, including one forged through a vulnerable web application.',
	]);
	assert.ok(
		flag?.next.some((line) =>
			line.includes(
				`modify-instance-metadata-options --instance-id ${instance} --http-tokens required --region us-east-1`,
			),
		),
	);
	assert.ok(
		ids(events[1]).includes('workload-credential-outside-aws'),
		'the general workload flag still fires: the two are complementary',
	);
});

test('an AWS address in another region than the instance is high', () => {
	const events = judged([
		own,
		{
			...session,
			key: 'ASIAEXAMPLEINSTANCE',
			time: '2024-05-01T10:05:00Z',
			ip: '18.200.1.1',
			aws: {service: 'EC2', region: 'eu-west-1'},
		},
	]);
	const flag = events[1]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.equal(
		flag?.evidence[1],
		'That address is in AWS EC2 eu-west-1, while the instance calls from 3.80.1.2 (AWS EC2 us-east-1): an instance never changes region, so this is another machine inside AWS.',
	);
});

test('a VPC endpoint of another account is high', () => {
	const [, event] = judged([
		own,
		{
			...session,
			time: '2024-05-01T10:05:00Z',
			ip: '10.9.9.9',
			vpcEndpointId: 'vpce-0attacker0001',
			extra: {vpcEndpointAccountId: '999988887777'},
		},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.match(flag?.evidence[1] ?? '', /of account 999988887777/);
});

test('a private address without an endpoint, when the instance calls from its AWS address, is medium', () => {
	const [, event] = judged([
		own,
		{...session, time: '2024-05-01T10:05:00Z', ip: '192.168.10.20'},
	]);
	assert.equal(event?.flags.find((f) => f.id === id)?.severity, 'medium');
});

test('near misses: the instance itself, its NAT pool, its endpoint, AWS acting and unknown places', () => {
	const events = judged([
		own,
		{
			...own,
			time: '2024-05-01T10:01:00Z',
			ip: '3.80.9.9',
			aws: {service: 'EC2', region: 'us-east-1'},
		},
		{
			...own,
			time: '2024-05-01T10:02:00Z',
			ip: '10.0.1.5',
			vpcEndpointId: 'vpce-0own00000001',
			extra: {vpcEndpointAccountId: '111122223333'},
		},
		{
			...own,
			time: '2024-05-01T10:03:00Z',
			ip: homeIp,
			invokedBy: 'eks.amazonaws.com',
		},
		{...own, time: '2024-05-01T10:04:00Z', ip: 'AWS Internal'},
		{...own, time: '2024-05-01T10:05:00Z', ip: 'ssm.amazonaws.com'},
		{...own, time: '2024-05-01T10:06:00Z', ip: null},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: sessions that are not instances, and the identity role', () => {
	const events = judged([
		{role: 'app', session: 'alice', time: '2024-05-01T10:00:00Z', ip: homeIp},
		{
			role: 'aws:ec2-instance',
			session: instance,
			time: '2024-05-01T10:01:00Z',
			ip: homeIp,
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: with no AWS home, a private or AWS address alone says nothing', () => {
	const events = judged([
		{...session, time: '2024-05-01T10:00:00Z', ip: '10.0.1.50'},
		{
			...session,
			time: '2024-05-01T10:01:00Z',
			ip: '52.42.146.205',
			aws: {service: 'EC2', region: 'us-west-2'},
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
