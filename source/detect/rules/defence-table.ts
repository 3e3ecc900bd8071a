import type {TrailEvent} from '../../core/types.js';
import {asList, field, requestOf, textField} from './request-fields.js';
import {detectorRows} from './defence-detectors.js';
import {
	command,
	param,
	type DefenceAction,
	type DefenceRow,
} from './defence-rows.js';

export type {DefenceAction} from './defence-rows.js';

/**
The calls that switch off or blind one of the account's defences: the
services that watch for attacks (GuardDuty, Security Hub, Macie, Inspector,
Detective, IAM Access Analyzer), the ones that record what happens (Config,
VPC flow logs, DNS query logs) and a few protections (default EBS
encryption, a web firewall). MITRE ATT&CK files them under Impair Defenses
(T1562.001 tools, T1562.008 logs). CloudTrail itself has its own flag.

One row per call: the service, the severity, what the call does (completing
"It …"), an optional test on the request (UpdateDetector only counts with
`enable: false`), the resource it names, and the command that shows the
state now. Adding a defence is one row.
*/

function flowLogIds(event: TrailEvent): string | undefined {
	const request = requestOf(event);
	const inner = field(request, 'DeleteFlowLogsRequest') ?? request;
	const ids = asList(field(inner, 'FlowLogId') ?? field(inner, 'flowLogIds'))
		.map((id) => (typeof id === 'string' ? id : textField(id, 'content')))
		.filter((id): id is string => id !== undefined);
	return ids.length > 0 ? ids.join(', ') : undefined;
}

const rows: DefenceRow[] = [
	[
		'config:StopConfigurationRecorder',
		{
			service: 'AWS Config',
			severity: 'high',
			effect: 'stops AWS Config recording how resources change',
			resource: param('configurationRecorderName'),
			check: command(
				'aws configservice describe-configuration-recorder-status',
			),
		},
	],
	[
		'config:DeleteConfigurationRecorder',
		{
			service: 'AWS Config',
			severity: 'high',
			effect:
				'deletes the AWS Config recorder: resource changes stop being recorded',
			resource: param('configurationRecorderName'),
			check: command('aws configservice describe-configuration-recorders'),
		},
	],
	[
		'config:DeleteDeliveryChannel',
		{
			service: 'AWS Config',
			severity: 'medium',
			effect:
				'deletes the AWS Config delivery channel: Config stops delivering its history and snapshots',
			resource: param('deliveryChannelName', 'configurationRecorderName'),
			check: command('aws configservice describe-delivery-channels'),
		},
	],
	[
		'ec2:DeleteFlowLogs',
		{
			service: 'VPC flow logs',
			severity: 'high',
			effect: 'deletes VPC flow logs: network traffic stops being recorded',
			resource: flowLogIds,
			check: command('aws ec2 describe-flow-logs'),
		},
	],
	[
		'ec2:DisableEbsEncryptionByDefault',
		{
			service: 'Default EBS encryption',
			severity: 'medium',
			effect: 'stops encrypting new EBS disks by default',
			check: command('aws ec2 get-ebs-encryption-by-default'),
		},
	],
	[
		'route53resolver:DeleteResolverQueryLogConfig',
		{
			service: 'DNS query logging',
			severity: 'high',
			effect:
				'deletes DNS query logging: the names the VPCs look up stop being recorded',
			resource: param('resolverQueryLogConfigId'),
			check: command('aws route53resolver list-resolver-query-log-configs'),
		},
	],
	[
		'route53resolver:DisassociateResolverQueryLogConfig',
		{
			service: 'DNS query logging',
			severity: 'medium',
			effect: 'stops DNS query logging for a VPC',
			resource: param('resourceId', 'resolverQueryLogConfigId'),
			check: command(
				'aws route53resolver list-resolver-query-log-config-associations',
			),
		},
	],
	[
		'macie2:DisableMacie',
		{
			service: 'Macie',
			severity: 'high',
			effect: 'turns Macie off: its scans for sensitive data in S3 stop',
			check: command('aws macie2 get-macie-session'),
		},
	],
	[
		'macie2:UpdateMacieSession',
		{
			service: 'Macie',
			severity: 'medium',
			effect: 'pauses Macie: its scans for sensitive data in S3 stop',
			applies: (event) => textField(requestOf(event), 'status') === 'PAUSED',
			check: command('aws macie2 get-macie-session'),
		},
	],
	[
		'inspector2:Disable',
		{
			service: 'Inspector',
			severity: 'medium',
			effect: 'turns Amazon Inspector off: vulnerability scans stop',
			check: command('aws inspector2 batch-get-account-status'),
		},
	],
	[
		'access-analyzer:DeleteAnalyzer',
		{
			service: 'IAM Access Analyzer',
			severity: 'medium',
			effect:
				'deletes an IAM Access Analyzer: resources shared outside the account stop being reported',
			resource: param('analyzerName'),
			check: command('aws accessanalyzer list-analyzers'),
		},
	],
	[
		'detective:DeleteGraph',
		{
			service: 'Detective',
			severity: 'medium',
			effect: 'deletes the Detective behaviour graph used for investigations',
			check: command('aws detective list-graphs'),
		},
	],
	...['wafv2', 'waf-regional'].map((source): [string, DefenceAction] => [
		`${source}:DisassociateWebACL`,
		{
			service: 'AWS WAF',
			severity: 'medium',
			effect:
				'removes a web firewall from a load balancer or API: requests reach it unfiltered',
			resource: param('resourceArn', 'ResourceArn'),
			check: command('aws wafv2 list-web-acls --scope REGIONAL'),
		},
	]),
	[
		'bedrock:DeleteModelInvocationLoggingConfiguration',
		{
			service: 'Bedrock model logging',
			severity: 'medium',
			effect: 'stops logging the prompts and answers of Bedrock models',
			check: command('aws bedrock get-model-invocation-logging-configuration'),
		},
	],
	[
		'rds:StopActivityStream',
		{
			service: 'The RDS activity stream',
			severity: 'medium',
			effect: 'stops the database activity stream that records queries',
			resource: param('resourceArn'),
			check: command(
				'aws rds describe-db-clusters --query "DBClusters[].ActivityStreamStatus"',
			),
		},
	],
];

/** By `service:EventName`. */
export const defenceActions: ReadonlyMap<string, DefenceAction> = new Map([
	...detectorRows,
	...rows,
]);

/** The row for an event, keyed `service:EventName` as in the table. */
export function defenceActionOf(event: TrailEvent): DefenceAction | undefined {
	const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
	return defenceActions.get(`${service}:${event.eventName}`);
}
