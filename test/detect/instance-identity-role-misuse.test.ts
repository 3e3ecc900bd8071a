import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {homeIp, judged, withFlag} from './scenarios.js';

const id = 'instance-identity-role-misuse';
const identity: EventSpec = {
	role: 'aws:ec2-instance',
	session: 'i-0784406a8a14355fe',
	key: 'ASIAEXAMPLEIDENTITY',
	ip: '3.80.1.2',
	aws: {service: 'EC2', region: 'us-east-1'},
	ua: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.amzn.2023',
};

test('GetCallerIdentity with the identity role from the instance is medium', () => {
	const [event] = judged([
		{
			...identity,
			eventName: 'GetCallerIdentity',
			eventSource: 'sts.amazonaws.com',
		},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'medium');
	assert.deepEqual(flag?.evidence, [
		'This call (sts:GetCallerIdentity at 2024-05-01 10:00:00) was made with the aws:ec2-instance credentials of the instance i-0784406a8a14355fe, from 3.80.1.2 (AWS EC2 us-east-1).',
		"AWS uses aws:ec2-instance only for Systems Manager's registration, EC2 Instance Connect's host keys and GuardDuty's runtime agent; this call is none of these.",
	]);
});

test('any other call with the identity role is high and says the credentials hold no permission', () => {
	const [event] = judged([
		{...identity, eventName: 'ListBuckets', errorCode: 'AccessDenied'},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.ok(
		flag?.evidence.some((line) =>
			line.startsWith(
				'AWS refused it (AccessDenied): the credentials carry no permissions',
			),
		),
	);
});

test('even an expected call is high from outside AWS', () => {
	const [event] = judged([
		{
			...identity,
			ip: homeIp,
			aws: undefined,
			eventName: 'RegisterManagedInstance',
			eventSource: 'ssm.amazonaws.com',
		},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.match(flag?.evidence.at(-1) ?? '', /taken off the instance/);
});

test('an aws: role this flag does not know counts only outside AWS', () => {
	const other = {...identity, role: 'aws:ec2-future', eventName: 'Anything'};
	const events = judged([
		{...other, time: '2024-05-01T10:00:00Z'},
		{...other, time: '2024-05-01T10:01:00Z', ip: homeIp, aws: undefined},
	]);
	assert.deepEqual(
		withFlag(events, id).map((e) => e.seq),
		[1],
	);
});

test('near misses: what Systems Manager, Instance Connect, GuardDuty and EC2 do with these roles', () => {
	const events = judged([
		{
			...identity,
			time: '2024-05-01T10:00:00Z',
			eventName: 'RequestManagedInstanceRoleToken',
			eventSource: 'ssm.amazonaws.com',
		},
		{
			...identity,
			time: '2024-05-01T10:01:00Z',
			eventName: 'GetMessages',
			eventSource: 'ec2messages.amazonaws.com',
		},
		{
			...identity,
			time: '2024-05-01T10:02:00Z',
			eventName: 'SendSecurityTelemetry',
			eventSource: 'guardduty.amazonaws.com',
			ip: '10.0.1.5',
			vpcEndpointId: 'vpce-0guardduty001',
			aws: undefined,
		},
		{
			...identity,
			role: 'aws:ec2-infrastructure',
			time: '2024-05-01T10:03:00Z',
			eventName: 'Decrypt',
			eventSource: 'kms.amazonaws.com',
			ip: 'AWS Internal',
		},
		{
			...identity,
			role: 'aws:ec2-infrastructure',
			time: '2024-05-01T10:04:00Z',
			eventName: 'CreateGrant',
			eventSource: 'kms.amazonaws.com',
			ip: 'ec2.amazonaws.com',
			invokedBy: 'ec2.amazonaws.com',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: service calls for the instance, AWS Internal, other roles, a missing address', () => {
	const events = judged([
		{
			...identity,
			time: '2024-05-01T10:00:00Z',
			eventName: 'ListBuckets',
			ip: 'AWS Internal',
		},
		{
			...identity,
			time: '2024-05-01T10:01:00Z',
			eventName: 'ListBuckets',
			ip: homeIp,
			invokedBy: 'ssm.amazonaws.com',
		},
		{...identity, time: '2024-05-01T10:02:00Z', role: 'web'},
		{
			...identity,
			time: '2024-05-01T10:03:00Z',
			ip: null,
			eventName: 'RegisterManagedInstance',
			eventSource: 'ssm.amazonaws.com',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
