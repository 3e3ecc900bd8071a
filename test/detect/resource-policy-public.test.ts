import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, person, textOf, variants} from './change-events.js';

const id = 'resource-policy-public';

const backdoor: EventSpec = {
	...person,
	eventName: 'AddPermission20150331v2',
	eventSource: 'lambda.amazonaws.com',
	requestParameters: {
		functionName: 'billing-export',
		statementId: 'backdoor',
		action: 'lambda:InvokeFunction',
		principal: '*',
	},
};

const everyone = (action: string, condition?: unknown) =>
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Allow',
				Principal: '*',
				Action: action,
				Resource: '*',
				...(condition ? {Condition: condition} : {}),
			},
		],
	});

test('a Lambda function anyone may invoke is high, with the exact removal', () => {
	const flag = flagFor(backdoor, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'A Lambda function was opened to everyone');
	assert.match(
		textOf(flag),
		/lets everyone \(principal "\*", no condition that limits who may call\) do lambda:InvokeFunction\./,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, remove it: aws lambda remove-permission --function-name billing-export --statement-id backdoor --region us-east-1',
		),
	);
});

test('queues, keys, repositories and secrets opened to everyone are flagged', () => {
	const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
		[
			'sqs.amazonaws.com',
			'SetQueueAttributes',
			{
				queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/q',
				attributes: {Policy: everyone('sqs:*')},
			},
			/^An SQS queue/,
		],
		[
			'kms.amazonaws.com',
			'PutKeyPolicy',
			{keyId: 'k-1', policyName: 'default', policy: everyone('kms:Decrypt')},
			/^A KMS key/,
		],
		[
			'ecr.amazonaws.com',
			'SetRepositoryPolicy',
			{repositoryName: 'community', policyText: everyone('ecr:BatchGetImage')},
			/^A container repository/,
		],
		[
			'secretsmanager.amazonaws.com',
			'PutResourcePolicy',
			{
				secretId: 'prod/db',
				resourcePolicy: everyone('secretsmanager:GetSecretValue'),
			},
			/^A secret/,
		],
		[
			'sns.amazonaws.com',
			'SetTopicAttributes',
			{
				topicArn: 'arn:aws:sns:us-east-1:111122223333:t',
				attributeName: 'Policy',
				attributeValue: everyone('sns:Publish'),
			},
			/^An SNS topic/,
		],
	];
	for (const [eventSource, eventName, requestParameters, title] of cases) {
		const flag = flagFor(
			{...person, eventSource, eventName, requestParameters},
			id,
		);
		assert.equal(flag?.severity, 'high', eventName);
		assert.match(flag?.title ?? '', title, eventName);
	}
});

test('near misses: Lambda for a service with a source ARN, pinned policies, named accounts', () => {
	assert.equal(
		flagFor(
			{
				...backdoor,
				requestParameters: {
					functionName: 'f',
					action: 'lambda:InvokeFunction',
					principal: 's3.amazonaws.com',
					sourceArn: 'arn:aws:s3:::uploads',
				},
			},
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			{
				...backdoor,
				requestParameters: {
					functionName: 'f',
					principal: '*',
					sourceAccount: '111122223333',
				},
			},
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			{
				...person,
				eventSource: 'secretsmanager.amazonaws.com',
				eventName: 'PutResourcePolicy',
				requestParameters: {
					secretId: 's',
					resourcePolicy: everyone('secretsmanager:GetSecretValue', {
						StringEquals: {'aws:PrincipalOrgID': 'o-abc'},
					}),
				},
			},
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			{
				...person,
				eventSource: 'kms.amazonaws.com',
				eventName: 'PutKeyPolicy',
				requestParameters: {
					keyId: 'k',
					policy: JSON.stringify({
						Statement: [
							{
								Effect: 'Allow',
								Principal: {AWS: 'arn:aws:iam::111122223333:root'},
								Action: 'kms:*',
								Resource: '*',
							},
						],
					}),
				},
			},
			id,
		),
		undefined,
	);
});

test('near miss: S3 bucket policies belong to the S3 flags', () => {
	assert.equal(
		flagFor(
			{
				...person,
				eventSource: 's3.amazonaws.com',
				eventName: 'PutBucketPolicy',
				requestParameters: {
					bucketName: 'b',
					bucketPolicy: everyone('s3:GetObject'),
				},
			},
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(backdoor);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
});
