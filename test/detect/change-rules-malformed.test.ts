import {test} from 'node:test';
import assert from 'node:assert/strict';
import {changeRules} from '../../source/detect/catalog-changes.js';
import {createRuleContext} from '../../source/detect/rule-context.js';
import {makeEvents, type EventSpec} from '../helpers/make-event.js';

/**
Every field of a record is written by whoever made the call, and test
corpora hold placeholders. The change rules read deep into request
parameters; none of them may throw on shapes they do not expect.
*/

const calls: Array<[string, string]> = [
	['cloudtrail.amazonaws.com', 'StopLogging'],
	['cloudtrail.amazonaws.com', 'UpdateTrail'],
	['cloudtrail.amazonaws.com', 'PutEventSelectors'],
	['cloudtrail.amazonaws.com', 'CreateTrail'],
	['s3.amazonaws.com', 'PutBucketLifecycle'],
	['s3.amazonaws.com', 'PutBucketPolicy'],
	['s3.amazonaws.com', 'PutBucketAcl'],
	['s3.amazonaws.com', 'PutBucketPublicAccessBlock'],
	['s3.amazonaws.com', 'PutBucketVersioning'],
	['guardduty.amazonaws.com', 'UpdateDetector'],
	['ec2.amazonaws.com', 'DeleteFlowLogs'],
	['ec2.amazonaws.com', 'CreateFlowLogs'],
	['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress'],
	['ec2.amazonaws.com', 'ModifySnapshotAttribute'],
	['ec2.amazonaws.com', 'RunInstances'],
	['ec2.amazonaws.com', 'DescribeInstanceAttribute'],
	['ec2.amazonaws.com', 'ModifyInstanceAttribute'],
	['rds.amazonaws.com', 'ModifyDBSnapshotAttribute'],
	['iam.amazonaws.com', 'CreateAccessKey'],
	['iam.amazonaws.com', 'PutUserPolicy'],
	['iam.amazonaws.com', 'UpdateAssumeRolePolicy'],
	['iam.amazonaws.com', 'CreatePolicy'],
	['ecs.amazonaws.com', 'RegisterTaskDefinition'],
	['secretsmanager.amazonaws.com', 'BatchGetSecretValue'],
	['ssm.amazonaws.com', 'GetParameters'],
	['sqs.amazonaws.com', 'SetQueueAttributes'],
	['lambda.amazonaws.com', 'AddPermission20150331v2'],
	['account.amazonaws.com', 'EnableRegion'],
	['logs.amazonaws.com', 'DeleteLogGroup'],
];

const junk: unknown[] = [
	'...',
	42,
	[1, 'two', null],
	{bucketName: ['a', 'b'], policyDocument: '%E0%A4%A', userName: {}},
	{
		LifecycleConfiguration: {Rule: [null, 7, {Expiration: 'soon'}]},
		eventSelectors: [null, 'x'],
		ipPermissions: {items: 5},
		containerDefinitions: [{command: {}, environment: 'x'}],
		createVolumePermission: {add: {items: [null, {userId: 5}]}},
		valuesToAdd: 'all',
		names: [1, null],
		withDecryption: 'true',
		bucketPolicy: {Statement: [{Principal: {AWS: [5, null]}}]},
		attributes: {Policy: '{"Statement":"nope"}'},
	},
];

test('change rules never throw on malformed request parameters', () => {
	const specs: EventSpec[] = calls.flatMap(([eventSource, eventName]) =>
		junk.map((value): EventSpec => ({
			eventSource,
			eventName,
			extra: {requestParameters: value, responseElements: value},
		})),
	);
	const events = makeEvents(specs);
	const context = createRuleContext(events);
	for (const event of events) {
		for (const rule of changeRules) {
			assert.doesNotThrow(
				() => rule.check(event, context),
				`${rule.id} on ${event.eventName} with ${JSON.stringify(event.record['requestParameters'])}`,
			);
		}
	}
});
