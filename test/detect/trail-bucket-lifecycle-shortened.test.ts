import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 'trail-bucket-lifecycle-shortened';

const createTrail: EventSpec = {
	...person,
	time: '2024-05-01T09:00:00Z',
	eventName: 'CreateTrail',
	eventSource: 'cloudtrail.amazonaws.com',
	requestParameters: {name: 'org-trail', s3BucketName: 'acme-logs-7f3a'},
};

function lifecycle(
	bucket: string,
	days: number,
	extra: {status?: string; prefix?: string} = {},
): EventSpec {
	return {
		...person,
		eventName: 'PutBucketLifecycle',
		eventSource: 's3.amazonaws.com',
		requestParameters: {
			bucketName: bucket,
			lifecycle: '',
			LifecycleConfiguration: {
				Rule: {
					ID: 'expire-fast',
					Status: extra.status ?? 'Enabled',
					Filter: {Prefix: extra.prefix ?? ''},
					Expiration: {Days: days},
				},
			},
		},
	};
}

test('a one-day expiry on the bucket a trail writes to is high and says how the bucket is known', () => {
	const flag = lastFlag([createTrail, lifecycle('acme-logs-7f3a', 1)], id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Trail bucket set to delete logs early');
	assert.match(
		textOf(flag),
		/Its rule expire-fast deletes objects after 1 day\./,
	);
	assert.match(
		textOf(flag),
		/The bucket acme-logs-7f3a receives CloudTrail logs \(CreateTrail of org-trail at 09:00:00\)\./,
	);
	assert.match(
		textOf(flag),
		/aws s3api get-bucket-lifecycle-configuration --bucket acme-logs-7f3a/,
	);
});

test('a bucket policy that lets CloudTrail write also marks a trail bucket', () => {
	const policy: EventSpec = {
		...person,
		time: '2024-05-01T09:00:00Z',
		eventName: 'PutBucketPolicy',
		eventSource: 's3.amazonaws.com',
		requestParameters: {
			bucketName: 'plain-name',
			bucketPolicy: {
				Statement: [
					{
						Effect: 'Allow',
						Principal: {Service: 'cloudtrail.amazonaws.com'},
						Action: 's3:PutObject',
						Resource: 'arn:aws:s3:::plain-name/*',
					},
				],
			},
		},
	};
	const flag = lastFlag([policy, lifecycle('plain-name', 3)], id);
	assert.equal(flag?.severity, 'high');
	assert.match(textOf(flag), /its policy lets CloudTrail write/);
});

test('a name that only looks like a trail bucket is a weaker sign, one step lower', () => {
	const flag = flagFor(lifecycle('acme-cloudtrail-archive', 1), id);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		textOf(flag),
		/The name acme-cloudtrail-archive suggests CloudTrail logs/,
	);
});

test('a rule aimed at AWSLogs/ on an unknown bucket is a weaker sign too', () => {
	const flag = flagFor(
		lifecycle('x-bucket', 1, {prefix: 'AWSLogs/111122223333/'}),
		id,
	);
	assert.equal(flag?.severity, 'medium');
});

test('near misses: long retention, a disabled rule, an ordinary bucket', () => {
	assert.equal(
		lastFlag([createTrail, lifecycle('acme-logs-7f3a', 730)], id),
		undefined,
	);
	assert.equal(
		lastFlag(
			[createTrail, lifecycle('acme-logs-7f3a', 1, {status: 'Disabled'})],
			id,
		),
		undefined,
	);
	assert.equal(flagFor(lifecycle('website-assets', 1), id), undefined);
});

test('near miss: deleting the lifecycle keeps the logs longer and is not flagged', () => {
	assert.equal(
		lastFlag(
			[
				createTrail,
				{
					...person,
					eventName: 'DeleteBucketLifecycle',
					eventSource: 's3.amazonaws.com',
					requestParameters: {bucketName: 'acme-logs-7f3a'},
				},
			],
			id,
		),
		undefined,
	);
});

test('refused is one step lower; an AWS service is not flagged; Terraform is low', () => {
	const v = variants(lifecycle('acme-logs-7f3a', 1));
	assert.equal(lastFlag([createTrail, v.denied!], id)?.severity, 'medium');
	assert.equal(lastFlag([createTrail, v.invokedByService!], id), undefined);
	assert.equal(lastFlag([createTrail, v.terraform!], id)?.severity, 'low');
	assert.equal(lastFlag([createTrail, v.vpcEndpoint!], id)?.severity, 'high');
});
