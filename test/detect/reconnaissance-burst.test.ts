import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {agents, judged, withFlag} from './scenarios.js';

const id = 'reconnaissance-burst';
const terraform =
	'APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) ' +
	'terraform-provider-aws/3.76.1 aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)';

/** Discovery calls over five services, `n` distinct APIs. */
const apis: Array<[string, string]> = [
	['iam', 'ListUsers'],
	['iam', 'ListRoles'],
	['iam', 'ListGroups'],
	['iam', 'ListPolicies'],
	['iam', 'GetAccountSummary'],
	['s3', 'ListBuckets'],
	['s3', 'GetBucketPolicy'],
	['s3', 'GetBucketAcl'],
	['ec2', 'DescribeInstances'],
	['ec2', 'DescribeVpcs'],
	['ec2', 'DescribeSubnets'],
	['ec2', 'DescribeSecurityGroups'],
	['ec2', 'DescribeSnapshots'],
	['ec2', 'DescribeImages'],
	['lambda', 'ListFunctions20150331'],
	['lambda', 'GetFunction20150331v2'],
	['secretsmanager', 'ListSecrets'],
	['secretsmanager', 'DescribeSecret'],
	['ssm', 'DescribeParameters'],
	['ssm', 'DescribeInstanceInformation'],
	['kms', 'ListKeys'],
];

function sweep(
	n: number,
	spec: EventSpec,
	secondsApart = 10,
	start = Date.parse('2024-05-01T10:00:00Z'),
): EventSpec[] {
	return apis.slice(0, n).map(([service, eventName], i) => ({
		eventSource: `${service}.amazonaws.com`,
		eventName,
		time: new Date(start + i * secondsApart * 1000).toISOString(),
		...spec,
	}));
}

test('twenty different listings in minutes flag every call, with the burst in the same words', () => {
	const events = judged(sweep(20, {user: 'alice', ua: agents.cliLinux}));
	const flagged = withFlag(events, id);
	assert.equal(flagged.length, 20);
	const first = flagged[0]?.flags.find((f) => f.id === id);
	assert.equal(first?.severity, 'high', 'six services is breadth');
	assert.deepEqual(first?.evidence.slice(0, 3), [
		'alice made 20 listing or describing calls from 2024-05-01 10:00:00 to 10:03:10 (3 min 10 s): ' +
			'20 different APIs in 6 services (iam, s3, ec2, lambda, secretsmanager and ssm).',
		'The calls came from 203.0.113.10 (outside AWS).',
		'Client: aws-cli.',
	]);
	for (const event of flagged) {
		assert.equal(
			event.flags.find((f) => f.id === id)?.evidence[0],
			first?.evidence[0],
		);
	}
});

test('near miss: nineteen different listings are not a burst', () => {
	const events = judged(sweep(19, {user: 'alice'}));
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: twenty listings spread over an hour never make twenty in ten minutes', () => {
	const events = judged(sweep(20, {user: 'alice'}, 180));
	assert.deepEqual(withFlag(events, id), []);
});

test("near miss: Terraform's refresh for an identity that always works through Terraform", () => {
	const events = judged([
		...sweep(21, {user: 'ci', ua: terraform}),
		...sweep(
			5,
			{user: 'ci', ua: terraform},
			10,
			Date.parse('2024-05-01T09:00:00Z'),
		),
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('Terraform-like listings by an identity that does not use Terraform still count', () => {
	const daily = (hour: string) =>
		sweep(21, {user: 'bob', ua: agents.cliLinux}, 60, Date.parse(hour));
	const events = judged([
		...daily('2024-05-01T07:00:00Z'),
		...daily('2024-05-01T08:00:00Z'),
		...sweep(21, {user: 'bob', ua: terraform}),
	]);
	assert.equal(withFlag(events, id).length, 21);
});

test('near misses: console pages and AWS acting for the identity', () => {
	const events = judged([
		...sweep(21, {user: 'alice', console: true}),
		...sweep(21, {
			user: 'carol',
			ip: 'cloudformation.amazonaws.com',
			invokedBy: 'cloudformation.amazonaws.com',
		}),
		...sweep(21, {user: 'dave', ip: 'AWS Internal', ua: 'AWS Internal'}),
	]);
	assert.deepEqual(withFlag(events, id), []);
});
