import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 'security-control-disabled';

const call = (
	eventSource: string,
	eventName: string,
	requestParameters: Record<string, unknown> = {},
): EventSpec => ({...person, eventSource, eventName, requestParameters});

const deleteDetector = call('guardduty.amazonaws.com', 'DeleteDetector', {
	detectorId: '12abc34d567e8fa901bc2d34e56789f0',
});

test('deleting the GuardDuty detector is high, with the detector and a check command', () => {
	const flag = flagFor(deleteDetector, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'GuardDuty switched off or weakened');
	assert.match(
		flag?.evidence[0] ?? '',
		/, on 12abc34d567e8fa901bc2d34e56789f0\.$/,
	);
	assert.match(textOf(flag), /threat detection stops in this region/);
	assert.ok(
		flag?.next.includes(
			'See the state now: aws guardduty list-detectors --region us-east-1',
		),
	);
});

test('the table covers every defence the catalog names', () => {
	const cases: Array<[string, string, Record<string, unknown>, string]> = [
		[
			'guardduty.amazonaws.com',
			'UpdateDetector',
			{detectorId: 'd', enable: false},
			'high',
		],
		[
			'guardduty.amazonaws.com',
			'DisassociateFromMasterAccount',
			{detectorId: 'd'},
			'high',
		],
		[
			'guardduty.amazonaws.com',
			'CreateIPSet',
			{
				detectorId: 'd',
				activate: true,
				location: 'https://s3.amazonaws.com/b/ips.txt',
			},
			'high',
		],
		[
			'guardduty.amazonaws.com',
			'UpdateIPSet',
			{detectorId: 'd', ipSetId: 'x'},
			'high',
		],
		[
			'config.amazonaws.com',
			'StopConfigurationRecorder',
			{configurationRecorderName: 'default'},
			'high',
		],
		[
			'config.amazonaws.com',
			'DeleteConfigurationRecorder',
			{configurationRecorderName: 'default'},
			'high',
		],
		[
			'config.amazonaws.com',
			'DeleteDeliveryChannel',
			{deliveryChannelName: 'default'},
			'medium',
		],
		['securityhub.amazonaws.com', 'DisableSecurityHub', {}, 'high'],
		['securityhub.amazonaws.com', 'BatchDisableStandards', {}, 'medium'],
		[
			'ec2.amazonaws.com',
			'DeleteFlowLogs',
			{DeleteFlowLogsRequest: {FlowLogId: {content: 'fl-0ef6', tag: 1}}},
			'high',
		],
		[
			'route53resolver.amazonaws.com',
			'DeleteResolverQueryLogConfig',
			{resolverQueryLogConfigId: 'rqlc-1'},
			'high',
		],
		[
			'route53resolver.amazonaws.com',
			'DisassociateResolverQueryLogConfig',
			{resolverQueryLogConfigId: 'rqlc-1', resourceId: 'vpc-1'},
			'medium',
		],
		['macie2.amazonaws.com', 'DisableMacie', {}, 'high'],
		[
			'macie2.amazonaws.com',
			'UpdateMacieSession',
			{status: 'PAUSED'},
			'medium',
		],
		['ec2.amazonaws.com', 'DisableEbsEncryptionByDefault', {}, 'medium'],
		[
			'wafv2.amazonaws.com',
			'DisassociateWebACL',
			{
				ResourceArn:
					'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1',
			},
			'medium',
		],
	];
	for (const [source, name, request, severity] of cases) {
		assert.equal(
			flagFor(call(source, name, request), id)?.severity,
			severity,
			name,
		);
	}
});

test('a deleted flow log names its id', () => {
	const flag = flagFor(
		call('ec2.amazonaws.com', 'DeleteFlowLogs', {
			DeleteFlowLogsRequest: {
				FlowLogId: {content: 'fl-064ed3a785e4a37ef', tag: 1},
			},
		}),
		id,
	);
	assert.match(flag?.evidence[0] ?? '', /, on fl-064ed3a785e4a37ef\.$/);
	assert.equal(flag?.title, 'VPC flow logs switched off or weakened');
});

test('near misses: GuardDuty enabled, a non-archiving filter, Macie resumed, findings resolved', () => {
	assert.equal(
		flagFor(
			call('guardduty.amazonaws.com', 'UpdateDetector', {
				detectorId: 'd',
				enable: true,
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			call('guardduty.amazonaws.com', 'CreateFilter', {
				detectorId: 'd',
				action: 'NOOP',
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			call('macie2.amazonaws.com', 'UpdateMacieSession', {status: 'ENABLED'}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			call('securityhub.amazonaws.com', 'BatchUpdateFindings', {
				Workflow: {Status: 'RESOLVED'},
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(call('config.amazonaws.com', 'PutDeliveryChannel'), id),
		undefined,
	);
});

test('GuardDuty protections turned off one by one are named', () => {
	const flag = flagFor(
		call('guardduty.amazonaws.com', 'UpdateDetector', {
			detectorId: 'd',
			features: [{name: 'S3_DATA_EVENTS', status: 'DISABLED'}],
		}),
		id,
	);
	assert.match(
		textOf(flag),
		/turns off the GuardDuty protections S3_DATA_EVENTS/,
	);
	assert.match(textOf(flag), /aws guardduty list-detectors/);
});

test('a deleted log group counts only when the logs show it receiving flow logs', () => {
	const createFlowLogs: EventSpec = {
		...person,
		time: '2024-05-01T09:00:00Z',
		eventSource: 'ec2.amazonaws.com',
		eventName: 'CreateFlowLogs',
		requestParameters: {
			CreateFlowLogsRequest: {
				LogDestination:
					'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow',
			},
		},
	};
	const deleteGroup = (name: string) =>
		call('logs.amazonaws.com', 'DeleteLogGroup', {logGroupName: name});
	const flag = lastFlag([createFlowLogs, deleteGroup('/vpc/flow')], id);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		textOf(flag),
		/deletes the log group \/vpc\/flow, which receives VPC flow logs/,
	);
	assert.equal(
		lastFlag([createFlowLogs, deleteGroup('/aws/lambda/app')], id),
		undefined,
	);
});

test('refused is lower; an AWS service is not flagged; infrastructure code is low', () => {
	const v = variants(deleteDetector);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.awsService!, id), undefined);
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
	assert.equal(flagFor(v.awsInternal!, id)?.severity, 'high');
});

test('a service-linked role acting for its service is not flagged', () => {
	assert.equal(
		flagFor(
			{
				...deleteDetector,
				role: 'AWSServiceRoleForAmazonGuardDuty',
				user: undefined,
			},
			id,
		),
		undefined,
	);
});
