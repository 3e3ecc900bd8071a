import type {Severity, TrailEvent} from '../../core/types.js';
import {apiOf} from '../baselines.js';
import {
	addressWithPlace,
	eventClock,
	isOutsideAws,
	lookupByKeyCommand,
	regionOption,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {
	endpointAccount,
	instanceOf,
	roleDelivery,
} from './instance-sessions.js';

/**
The roles AWS keeps for itself, named `aws:…`, used for something AWS does
not use them for. Every EC2 instance has an instance identity role
(`assumed-role/aws:ec2-instance/i-…`) whose credentials the metadata
service offers next to the instance profile's. They carry no permissions:
AWS uses them only to register the instance with Systems Manager (Default
Host Management Configuration), for EC2 Instance Connect's host keys and
for GuardDuty's runtime agent. EC2 itself uses `aws:ec2-infrastructure`
for the KMS calls of encrypted volumes.

Flagged: any other call with such a role (medium for GetCallerIdentity,
which works with any credentials and is how someone checks what they
found; high for anything else, which AWS refuses and which shows a tool
trying every credential it pulled from the metadata service), and any call
from outside AWS or through another account's VPC endpoint (high).
Not flagged: the expected calls from inside AWS, calls a service made for
the instance (`invokedBy`), AWS service names and `AWS Internal`. For an
`aws:` role this flag does not know, only the outside-AWS case counts.
*/

interface Expected {
	/** `eventSource` without `.amazonaws.com`. */
	service: string;
	/** Event names; every call of the service when absent. */
	names?: ReadonlySet<string>;
}

const expected: Record<string, {uses: string; calls: Expected[]}> = {
	'aws:ec2-instance': {
		uses: "Systems Manager's registration, EC2 Instance Connect's host keys and GuardDuty's runtime agent",
		calls: [
			{
				service: 'ssm',
				names: new Set([
					'RegisterManagedInstance',
					'RequestManagedInstanceRoleToken',
				]),
			},
			{service: 'ec2messages'},
			{service: 'ssmmessages'},
			{service: 'ec2-instance-connect'},
			{service: 'guardduty', names: new Set(['SendSecurityTelemetry'])},
		],
	},
	'aws:ec2-infrastructure': {
		uses: 'the KMS calls that open encrypted EBS volumes',
		calls: [{service: 'kms'}],
	},
};

const why =
	"Credentials of a role that AWS keeps for itself (its name starts with aws:) were used in a way AWS does not use them. Every EC2 instance has such an instance identity role, aws:ec2-instance. The instance's metadata service (IMDS, an address only the instance can reach) offers its credentials next to the instance's own role. They carry no permissions and serve a few AWS features only. Any other use, or use off the instance, means someone read them from the metadata service: often a tool grabbing every credential it finds there. Common false alarms: few; a new AWS feature that uses these credentials.";

function isExpected(event: TrailEvent, calls: Expected[]): boolean {
	const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
	return calls.some(
		(c) =>
			c.service === service &&
			(c.names === undefined || c.names.has(event.eventName)),
	);
}

function offInstance(event: TrailEvent): string | undefined {
	if (isOutsideAws(event.source)) {
		return `It comes from ${addressWithPlace(event.source)}: these credentials were taken off the instance.`;
	}

	const owner = endpointAccount(event);
	if (
		event.source.kind === 'private' &&
		event.source.vpcEndpointId &&
		owner !== undefined &&
		owner !== event.principal.accountId
	) {
		return (
			`It came through the VPC endpoint ${event.source.vpcEndpointId} of account ` +
			`${owner}, another account's network: these credentials were taken off the instance.`
		);
	}

	return undefined;
}

export const instanceIdentityRoleMisuse: FlagRule = {
	id: 'instance-identity-role-misuse',
	title: "AWS's instance identity role used by someone",
	severity: 'high',
	attack: ['T1552.005', 'T1078.004'],
	check(event) {
		const {roleName, invokedBy, type, accessKeyId} = event.principal;
		const kind = event.source.kind;
		if (
			!roleName?.startsWith('aws:') ||
			invokedBy !== undefined ||
			type === 'AWSService' ||
			kind === 'aws-service' ||
			kind === 'aws-internal'
		) {
			return undefined;
		}

		const known = expected[roleName];
		const off = offInstance(event);
		const unexpected = known !== undefined && !isExpected(event, known.calls);
		if (!off && !unexpected) {
			return undefined;
		}

		const instanceId = instanceOf(event);
		const of = instanceId ? ` of the instance ${instanceId}` : '';
		const evidence = [
			`This call (${apiOf(event)} at ${eventClock(event)}) was made with the ` +
				`${roleName} credentials${of}, from ${addressWithPlace(event.source)}.`,
		];
		if (unexpected) {
			evidence.push(
				`AWS uses ${roleName} only for ${known.uses}; this call is none of these.`,
			);
		}

		if (off) {
			evidence.push(off);
		}

		if (event.outcome === 'denied') {
			evidence.push(
				`AWS refused it (${event.errorCode ?? 'denied'}): the credentials carry no ` +
					'permissions, so whoever tried did not know what they held.',
			);
		}

		if (roleDelivery(event) === '1.0') {
			evidence.push(
				'They were fetched with IMDSv1, the old metadata service (ec2RoleDelivery 1.0), which answers any request made from the instance.',
			);
		}

		const severity: Severity =
			off || event.eventName !== 'GetCallerIdentity' ? 'high' : 'medium';
		const next: string[] = [];
		if (accessKeyId) {
			next.push(
				`List every call made with these credentials: ${lookupByKeyCommand(accessKeyId, event)}`,
			);
		}

		if (instanceId) {
			const instance = shellWord(instanceId);
			next.push(
				`See who had a shell on the instance: aws ssm describe-sessions --state History --filters key=Target,value=${instance}${regionOption(event)}`,
				'Require IMDSv2 on it: aws ec2 modify-instance-metadata-options ' +
					`--instance-id ${instance} --http-tokens required${regionOption(event)}`,
				`Look for the same instance's profile credentials used elsewhere: type f and session=${instance} in trailtui.`,
			);
		}

		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence,
			normal: [
				known
					? `Normal for ${roleName} is ${known.uses}, called from the instance itself.`
					: `Normal for ${roleName} is calls by AWS itself.`,
			],
			next,
		};
	},
};
