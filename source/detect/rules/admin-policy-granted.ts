import type {TrailEvent} from '../../core/types.js';
import {clock, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {callLine, callerNext, judgeChange, listText} from './change-common.js';
import {field, requestOf, textField} from './request-fields.js';
import {
	adminGrantOf,
	createdText,
	iamHistory,
	type AdminGrant,
} from './iam-history.js';
import {readPolicy} from './policy-document.js';

/**
A user, role or group given administrator rights: AdministratorAccess or
IAMFullAccess attached, a customer policy that the logs show allowing every
action attached, or an inline policy with `"Action": "*"` on
`"Resource": "*"` (or `iam:*`, enough to grant itself the rest). A new
identity with admin rights is the classic way to keep control of an
account; so the evidence links the grant to the identity's creation, its
keys or its trust policy when the logs show them.
*/

const why =
	'An identity was given administrator rights: it can now do anything in the account, including making more identities and erasing traces. This is how an intruder turns a foothold into lasting control, often for a user or role they have just created. Common false alarms: a planned grant, which is rare and usually comes through reviewed infrastructure code.';

const levelText = {
	full: 'every action on every resource: full administrator rights',
	iam: 'every IAM action, enough to grant itself anything else',
};

function grantLine(event: TrailEvent, grant: AdminGrant): string {
	const how = grant.inline
		? `an inline policy (${grant.policy}, written into the identity itself) that allows ${levelText[grant.level]}`
		: `${grant.policy}, which allows ${levelText[grant.level]}`;
	return `${callLine(event)}: it gave the ${grant.kind} ${grant.name} ${how}.`;
}

function credentialLine(
	context: RuleContext,
	grant: AdminGrant,
	event: TrailEvent,
): string | undefined {
	if (grant.kind !== 'user') {
		return undefined;
	}

	const made = iamHistory(context.events).credentials.get(grant.name) ?? [];
	if (made.length === 0) {
		return undefined;
	}

	const shown = made
		.slice(0, 3)
		.map(
			(e) =>
				`${e.eventName === 'CreateAccessKey' ? 'an access key' : 'a console password'} at ${clock(e.time, event.time)} by ${e.principal.label}`,
		);
	return `Credentials were made for ${grant.name}: ${listText(shown, 3)}.`;
}

function trustLine(
	context: RuleContext,
	grant: AdminGrant,
): string | undefined {
	if (grant.kind !== 'role') {
		return undefined;
	}

	const made = iamHistory(context.events).created.get(`role:${grant.name}`);
	if (!made) {
		return undefined;
	}

	const document = field(requestOf(made), 'assumeRolePolicyDocument');
	const principals = (readPolicy(document) ?? [])
		.filter((s) => s.effect === 'Allow')
		.flatMap((s) => s.principals.map((p) => p.value));
	return principals.length > 0
		? `Its trust policy, as created, lets ${listText([...new Set(principals)])} assume it.`
		: undefined;
}

function nextSteps(event: TrailEvent, grant: AdminGrant): string[] {
	const name = shellWord(grant.name);
	const kind = grant.kind;
	const list = `aws iam list-attached-${kind}-policies --${kind}-name ${name}`;
	const undo = grant.inline
		? `aws iam delete-${kind}-policy --${kind}-name ${name} --policy-name ${shellWord(grant.policy)}`
		: `aws iam detach-${kind}-policy --${kind}-name ${name} --policy-arn ${shellWord(textField(requestOf(event), 'policyArn') ?? grant.policy)}`;
	const next = [
		`See its policies now: ${list}`,
		`If nobody meant this, take it back: ${undo}`,
	];
	if (kind === 'user') {
		next.push(`List its keys: aws iam list-access-keys --user-name ${name}`);
	} else if (kind === 'role') {
		next.push(`Read who may assume it: aws iam get-role --role-name ${name}`);
	} else {
		next.push(
			`See who is in the group: aws iam get-group --group-name ${name}`,
		);
	}

	next.push(...callerNext(event));
	return next;
}

export const adminPolicyGranted: FlagRule = {
	id: 'admin-policy-granted',
	title: 'Administrator rights granted',
	severity: 'high',
	attack: ['T1098.003', 'T1078.004'],
	check(event, context) {
		if (event.eventSource !== 'iam.amazonaws.com') {
			return undefined;
		}

		const history = iamHistory(context.events);
		const grant = adminGrantOf(event, history.adminPolicies);
		if (!grant) {
			return undefined;
		}

		const judgement = judgeChange(event, context, this.severity);
		if (!judgement) {
			return undefined;
		}

		const evidence = [grantLine(event, grant)];
		for (const line of [
			createdText(history, grant.kind, grant.name, event),
			credentialLine(context, grant, event),
			trustLine(context, grant),
		]) {
			if (line) {
				evidence.push(line);
			}
		}

		evidence.push(...judgement.notes);
		return {
			id: this.id,
			severity: judgement.severity,
			title: `Administrator rights given to a ${grant.kind}`,
			why,
			evidence,
			normal: [
				'Normal is a handful of administrators, granted once and changed rarely.',
				...normalLines(event, context),
			],
			next: nextSteps(event, grant),
		};
	},
};
