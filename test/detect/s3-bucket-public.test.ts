import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 's3-bucket-public';

const s3 = (
	eventName: string,
	requestParameters: Record<string, unknown>,
	time = '2024-05-01T10:00:00Z',
): EventSpec => ({
	...person,
	time,
	eventName,
	eventSource: 's3.amazonaws.com',
	requestParameters: {bucketName: 'customer-exports', ...requestParameters},
});

const policy = (statement: Record<string, unknown>) =>
	s3('PutBucketPolicy', {
		bucketPolicy: {Version: '2012-10-17', Statement: [statement]},
	});

const publicRead = policy({
	Effect: 'Allow',
	Principal: '*',
	Action: 's3:GetObject',
	Resource: 'arn:aws:s3:::customer-exports/*',
});

test('a bucket policy for everyone is high and says what everyone may do', () => {
	const flag = flagFor(publicRead, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'S3 bucket made public by its policy');
	assert.match(
		textOf(flag),
		/Its new policy says everyone may s3:GetObject \(principal \*\), with no condition that limits who may call\./,
	);
	assert.ok(
		flag?.next.some((l) =>
			l.includes(
				'aws s3api get-bucket-policy-status --bucket customer-exports',
			),
		),
	);
});

test('{"AWS": "*"} is everyone too', () => {
	assert.equal(
		flagFor(
			policy({Effect: 'Allow', Principal: {AWS: '*'}, Action: 's3:*'}),
			id,
		)?.severity,
		'high',
	);
});

test('near misses: pinned to a VPC endpoint, an organisation or an address range; service principals', () => {
	for (const condition of [
		{StringEquals: {'aws:SourceVpce': 'vpce-0a1b2c3d'}},
		{StringEquals: {'aws:PrincipalOrgID': 'o-abc123'}},
		{IpAddress: {'aws:SourceIp': '203.0.113.0/24'}},
	]) {
		assert.equal(
			flagFor(
				policy({
					Effect: 'Allow',
					Principal: '*',
					Action: 's3:GetObject',
					Condition: condition,
				}),
				id,
			),
			undefined,
			JSON.stringify(condition),
		);
	}

	assert.equal(
		flagFor(
			policy({
				Effect: 'Allow',
				Principal: {Service: 'cloudtrail.amazonaws.com'},
				Action: 's3:PutObject',
			}),
			id,
		),
		undefined,
	);
});

test('ACLs for AllUsers or AuthenticatedUsers are high, whatever form they take', () => {
	const canned = flagFor(
		s3('PutBucketAcl', {'x-amz-acl': ['public-read']}),
		id,
	);
	assert.equal(canned?.severity, 'high');
	assert.match(
		textOf(canned),
		/lets in everyone on the internet, to read \(public-read\)/,
	);
	const grant = flagFor(
		s3('PutBucketAcl', {
			AccessControlPolicy: {
				AccessControlList: {
					Grant: [
						{
							Grantee: {
								URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
							},
							Permission: 'READ',
						},
					],
				},
			},
		}),
		id,
	);
	assert.match(
		textOf(grant),
		/anyone with an AWS account \(AuthenticatedUsers\)/,
	);
	assert.equal(
		flagFor(s3('PutBucketAcl', {'x-amz-acl': ['private']}), id),
		undefined,
	);
});

test('removing the public access block: medium for a bucket, high for the account', () => {
	const bucket = flagFor(s3('DeleteBucketPublicAccessBlock', {}), id);
	assert.equal(bucket?.severity, 'medium');
	assert.match(textOf(bucket), /removes the public access block of the bucket/);
	const account = flagFor(
		{
			...person,
			eventName: 'DeleteAccountPublicAccessBlock',
			eventSource: 's3.amazonaws.com',
			requestParameters: {},
		},
		id,
	);
	assert.equal(account?.severity, 'high');
	assert.match(textOf(account), /every bucket of the account/);
	assert.ok(
		account?.next.some((l) =>
			l.includes(
				'aws s3control get-public-access-block --account-id 111122223333',
			),
		),
	);
});

test('loosening the block names the settings turned off; all on is no flag', () => {
	const loosened = flagFor(
		s3('PutBucketPublicAccessBlock', {
			PublicAccessBlockConfiguration: {
				BlockPublicAcls: true,
				IgnorePublicAcls: true,
				BlockPublicPolicy: false,
				RestrictPublicBuckets: false,
			},
		}),
		id,
	);
	assert.match(textOf(loosened), /BlockPublicPolicy off/);
	assert.match(textOf(loosened), /RestrictPublicBuckets off/);
	assert.equal(
		flagFor(
			s3('PutBucketPublicAccessBlock', {
				PublicAccessBlockConfiguration: {
					BlockPublicAcls: true,
					IgnorePublicAcls: true,
					BlockPublicPolicy: true,
					RestrictPublicBuckets: true,
				},
			}),
			id,
		),
		undefined,
	);
});

test('a policy made public after the block was removed tells both steps', () => {
	const flag = lastFlag(
		[
			s3('DeleteBucketPublicAccessBlock', {}, '2024-05-01T09:59:00Z'),
			publicRead,
		],
		id,
	);
	assert.match(
		textOf(flag),
		/Its public access block was changed at 09:59:00 by mallory \(DeleteBucketPublicAccessBlock\)\./,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(publicRead);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
});
