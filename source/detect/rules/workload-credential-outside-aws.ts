import type {TrailEvent} from '../../core/types.js';
import {inOrder} from '../baselines.js';
import {
	addressWithPlace,
	clock,
	eventClock,
	isInsideAws,
	isOutsideAws,
	lookupByKeyCommand,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import type {WorkloadAssessment} from '../workload.js';

/**
Flag 1: a workload role's credentials used from a public address outside
AWS. The strongest single sign of credential theft in CloudTrail: software
on AWS does not call from a home broadband address.
*/

const why =
	"A role that belongs to software (an ECS task, a Lambda function, an EC2 instance) was used from an address outside AWS. Such roles get short-lived credentials that only that software holds, on AWS's machines. A call from elsewhere usually means someone copied them out: through a flaw in the application, a leaked environment or a compromised image. Common false alarms: an engineer testing with the role's credentials on purpose, or an AWS address newer than trailtui's copy of AWS's ranges (see --ip-ranges).";

/** The first time the role was seen from inside AWS, for the contrast. */
function insideContrast(
	event: TrailEvent,
	context: RuleContext,
): string | undefined {
	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	const inside = baseline
		? inOrder(baseline.addresses).find((a) => isInsideAws(a.source))
		: undefined;
	if (!inside) {
		return undefined;
	}

	return (
		`${event.principal.roleName} was seen from ${addressWithPlace(inside.source)} ` +
		`at ${clock(inside.firstTime, event.time)}; this call comes from ` +
		`${event.source.ip ?? event.source.raw}, outside AWS.`
	);
}

/** Where to look for the leak, by what the role runs on. */
function leakHint(workload: WorkloadAssessment, event: TrailEvent): string {
	const session = event.principal.sessionName ?? '';
	switch (workload.runsOn) {
		case 'an EC2 instance': {
			return (
				'Check how the instance hands out credentials (IMDSv2, the newer ' +
				'metadata service, stops most request-forgery thefts): ' +
				'aws ec2 describe-instances --instance-ids ' +
				`${shellWord(session)} --query 'Reservations[].Instances[].MetadataOptions'`
			);
		}

		case 'a Lambda function': {
			return (
				"Look for code in the function that reveals its environment (the role's " +
				`keys live there): aws lambda get-function --function-name ${shellWord(session)}`
			);
		}

		case 'an ECS task': {
			return (
				'Look for a request forgery in the task: its credentials are served ' +
				'at 169.254.170.2 to anything that can make the task send a request.'
			);
		}

		default: {
			return 'Find where the credentials left AWS: the software that holds them, and who can reach it.';
		}
	}
}

export const workloadCredentialOutsideAws: FlagRule = {
	id: 'workload-credential-outside-aws',
	title: 'Workload credentials used from outside AWS',
	severity: 'high',
	attack: ['T1078.004', 'T1552.005'],
	check(event, context) {
		const {roleName, accessKeyId, invokedBy} = event.principal;
		if (!roleName || invokedBy || !isOutsideAws(event.source)) {
			return undefined;
		}

		const workload = context.workload(event);
		if (!workload) {
			return undefined;
		}

		const evidence = [
			`This call (${event.eventName} at ${eventClock(event)}) comes from ` +
				`${event.source.ip ?? event.source.raw}, which is not in AWS's ` +
				'published address ranges.',
		];
		const contrast = insideContrast(event, context);
		if (contrast) {
			evidence.push(contrast);
		}

		evidence.push(...workload.reasons.map((r) => r.text));

		const role = shellWord(roleName);
		const next: string[] = [];
		if (accessKeyId) {
			next.push(
				`List every call made with this key: ${lookupByKeyCommand(accessKeyId, event)}`,
			);
		}

		next.push(
			`Read who may assume the role: aws iam get-role --role-name ${role}`,
			`See the policies attached to the role: aws iam list-attached-role-policies --role-name ${role}`,
			`See the policies written into the role: aws iam list-role-policies --role-name ${role}`,
			"If the calls are not yours, revoke the role's sessions issued before " +
				'this call (what the console\'s "Revoke active sessions" does): ' +
				`aws iam put-role-policy --role-name ${role} --policy-name ` +
				`AWSRevokeOlderSessions --policy-document ${revokePolicy(event)}`,
			leakHint(workload, event),
		);

		return {
			id: this.id,
			severity: this.severity,
			title: this.title,
			why,
			evidence,
			normal: [
				`The credentials of ${roleName} normally belong to ${workload.runsOn}, inside AWS.`,
				...normalLines(event, context),
			],
			next,
		};
	},
};

/** The deny-older-sessions policy, cut at this event's time. */
export function revokePolicy(event: TrailEvent): string {
	const cut = Number.isFinite(event.time)
		? new Date(event.time).toISOString().replace(/\.\d{3}Z$/, 'Z')
		: new Date().toISOString();
	const policy = JSON.stringify({
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Deny',
				Action: '*',
				Resource: '*',
				Condition: {DateLessThan: {'aws:TokenIssueTime': cut}},
			},
		],
	});
	return `'${policy}'`;
}
