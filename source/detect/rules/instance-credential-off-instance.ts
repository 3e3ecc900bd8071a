import type {Severity, TrailEvent} from '../../core/types.js';
import {countedAddress} from '../baselines.js';
import {
	addressWithPlace,
	clock,
	count,
	eventClock,
	isOutsideAws,
	lookupByKeyCommand,
	placeOf,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {
	endpointAccount,
	homeOf,
	instanceSession,
	roleDelivery,
	type InstancePlace,
} from './instance-sessions.js';
import {revokePolicy} from './workload-credential-outside-aws.js';

/**
EC2 instance credentials used off the instance. EC2 gives the software on
an instance its role's credentials through the instance metadata service
(IMDS) and names the session after the instance (`i-…`). Those calls come
from the instance's place: its AWS address (or its NAT gateway's) in its
region, or a VPC endpoint. This flag names the instance and the theft path.

It fires when the session calls from:
- outside AWS (high; `workload-credential-outside-aws` says the same for
  every kind of workload, this flag adds the instance, its own place and
  how the credentials were fetched);
- a VPC endpoint of another account (high): someone else's network;
- an AWS address of another region or service than the instance's home,
  its first place in AWS (high): an instance never changes region, so this
  is another machine in AWS (an attacker's own instance);
- a private address with no VPC endpoint while the instance calls from its
  AWS address (medium): not a path the instance uses. Logs whose addresses
  were replaced for privacy look like this too.
Not for the instance identity role (`aws:ec2-instance`, see
`instance-identity-role-misuse`), calls a service made for the instance
(`invokedBy`), AWS service names, `AWS Internal` or missing addresses.
Unlike Panther's rule, an AWS address alone is no sign: it is the
instance's own.
*/

type Reason = 'outside' | 'foreign-endpoint' | 'elsewhere' | 'private';

const why =
	"An EC2 instance's role credentials were used somewhere other than on that instance. EC2 hands them to the software on the instance through its metadata service (IMDS, an address only the instance can reach), and names the session after the instance. Used elsewhere, they were copied out. The usual way is a web application on the instance tricked into fetching them for an attacker (a request forgery, SSRF); someone with a shell on the instance can copy them too. Common false alarms: logs whose addresses were replaced for privacy.";

function judge(
	event: TrailEvent,
	home: InstancePlace | undefined,
): Reason | undefined {
	const here = event.source;
	if (isOutsideAws(here)) {
		return 'outside';
	}

	const owner = endpointAccount(event);
	if (
		here.kind === 'private' &&
		here.vpcEndpointId &&
		owner !== undefined &&
		owner !== event.principal.accountId
	) {
		return 'foreign-endpoint';
	}

	const homeAws = home?.source.kind === 'public' ? home.source.aws : undefined;
	if (!homeAws) {
		return undefined;
	}

	if (here.kind === 'public' && here.aws) {
		const global = here.aws.region === 'GLOBAL' || homeAws.region === 'GLOBAL';
		return !global &&
			(here.aws.region !== homeAws.region ||
				here.aws.service !== homeAws.service)
			? 'elsewhere'
			: undefined;
	}

	return here.kind === 'private' && !here.vpcEndpointId ? 'private' : undefined;
}

function reasonLine(
	reason: Reason,
	event: TrailEvent,
	home: InstancePlace | undefined,
): string {
	switch (reason) {
		case 'outside': {
			return "That address is outside AWS's published ranges.";
		}

		case 'foreign-endpoint': {
			return (
				`The call came through the VPC endpoint ${event.source.vpcEndpointId ?? ''} ` +
				`of account ${endpointAccount(event) ?? ''}, not the instance's account: ` +
				"someone else's network inside AWS."
			);
		}

		case 'elsewhere': {
			return (
				`That address is in ${placeOf(event.source).slice(1, -1)}, while the ` +
				`instance calls from ${addressWithPlace(home!.source)}: an ` +
				'instance never changes region, so this is another machine inside AWS.'
			);
		}

		case 'private': {
			return (
				'That private address came with no VPC endpoint, which is not how the ' +
				'instance reaches AWS (logs whose addresses were replaced for privacy ' +
				'look like this too).'
			);
		}
	}
}

function deliveryLine(event: TrailEvent): string | undefined {
	const delivery = roleDelivery(event);
	if (delivery === '1.0') {
		return (
			'The credentials were fetched with IMDSv1, the old metadata service ' +
			'(ec2RoleDelivery 1.0). It answers any request made from the ' +
			'instance, including one forged through a vulnerable web application.'
		);
	}

	if (delivery === '2.0') {
		return (
			'The credentials were fetched with IMDSv2, the newer metadata service ' +
			'(ec2RoleDelivery 2.0), which a request forgery rarely reaches. Look ' +
			'for someone with a shell, or their code, on the instance.'
		);
	}

	return undefined;
}

function nextSteps(
	event: TrailEvent,
	instanceId: string,
	home: InstancePlace | undefined,
): string[] {
	const {accessKeyId, roleName} = event.principal;
	const homeRegion = home?.source.aws?.region;
	const region =
		homeRegion && homeRegion !== 'GLOBAL'
			? ` --region ${homeRegion}`
			: /^[a-z]{2}(-[a-z]+)+-\d+$/.test(event.region)
				? ` --region ${event.region}`
				: '';
	const instance = shellWord(instanceId);
	const role = shellWord(roleName ?? '');
	const next: string[] = [];
	if (accessKeyId) {
		next.push(
			`List every call made with this key: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	next.push(
		'See whether the instance still answers IMDSv1: aws ec2 describe-instances ' +
			`--instance-ids ${instance} --query 'Reservations[].Instances[].MetadataOptions'${region}`,
		'Require IMDSv2 (it stops most request forgeries): aws ec2 ' +
			`modify-instance-metadata-options --instance-id ${instance} --http-tokens required${region}`,
		"Revoke the role's sessions issued before this call (the instance fetches " +
			`new ones by itself): aws iam put-role-policy --role-name ${role} ` +
			`--policy-name AWSRevokeOlderSessions --policy-document ${revokePolicy(event)}`,
		`See what the credentials can reach: aws iam list-attached-role-policies --role-name ${role}`,
	);
	return next;
}

export const instanceCredentialOffInstance: FlagRule = {
	id: 'instance-credential-off-instance',
	title: 'EC2 instance credentials used off the instance',
	severity: 'high',
	attack: ['T1552.005', 'T1078.004'],
	check(event, context) {
		const {roleName, invokedBy, type} = event.principal;
		if (
			roleName === undefined ||
			roleName.startsWith('aws:') ||
			invokedBy !== undefined ||
			type === 'AWSService'
		) {
			return undefined;
		}

		const session = instanceSession(context.events, event);
		if (!session) {
			return undefined;
		}

		const home = homeOf(session);
		const reason =
			home !== undefined && home.address === countedAddress(event.source)
				? undefined
				: judge(event, home);
		if (!reason) {
			return undefined;
		}

		const {instanceId} = session;
		const evidence = [
			`This call (${event.eventName} at ${eventClock(event)}) uses the credentials ` +
				`of the EC2 instance ${instanceId} (role ${roleName}), from ` +
				`${addressWithPlace(event.source)}.`,
			reasonLine(reason, event, home),
		];
		if (home && reason !== 'elsewhere') {
			evidence.push(
				`The instance itself calls from ${addressWithPlace(home.source)}, ` +
					`first at ${clock(home.firstTime, event.time)} (${count(home.calls, 'call')}).`,
			);
		}

		const key = event.principal.accessKeyId;
		const homeKeys = home ? [...home.keys] : [];
		if (key && homeKeys.length > 0 && !homeKeys.includes(key)) {
			evidence.push(
				`This call's key, ${key}, is not the one the instance's own calls use (${homeKeys.slice(0, 2).join(', ')}).`,
			);
		}

		const delivery = deliveryLine(event);
		if (delivery) {
			evidence.push(delivery);
		}

		const severity: Severity = reason === 'private' ? 'medium' : 'high';
		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence,
			normal: [
				`The credentials of ${roleName} for ${instanceId} normally come from the instance's own place` +
					(home ? `: ${addressWithPlace(home.source)}.` : '.'),
				...normalLines(event, context),
			],
			next: nextSteps(event, instanceId, home),
		};
	},
};
