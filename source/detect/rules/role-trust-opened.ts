import type {Severity, TrailEvent} from '../../core/types.js';
import {severityRank} from '../../core/types.js';
import {clock, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {
	callLine,
	callerNext,
	judgeChange,
	lookupByResourceCommand,
	lower,
} from './change-common.js';
import {field, requestOf, textField} from './request-fields.js';
import {viewAccount} from './accounts.js';
import {accountOf} from './region-usage.js';
import {iamHistory} from './iam-history.js';
import {
	accountOfPrincipal,
	isEveryone,
	pinningConditions,
	readPolicy,
	type PolicyStatement,
} from './policy-document.js';

/**
A role's trust policy opened: created or updated so that someone outside the
logged accounts may assume the role. That is a backdoor that needs no
password or key in the account: the outsider simply assumes the role from
their own account, and their calls arrive looking like the role's.

Judged on the new trust policy in the request:
- everyone (`"*"`, `{"AWS": "*"}`) with no condition pinning the caller:
  critical; with only weaker conditions (an external id): medium;
- an account that appears nowhere else in the logs: high, medium when an
  external id is required (the usual shape of a vendor integration);
- an account whose principals already call in: medium (low with an
  external id);
- GitHub's OIDC provider without a `sub` condition: any repository's
  workflow may assume it: high.
Service principals and the logged accounts themselves are normal.
*/

const why =
	"A role's trust policy, which says who may assume the role (take on its rights), now names an outside account or everyone. Someone elsewhere can then use the role's rights from their own account, with no password or key stolen from yours. It is a quiet backdoor that survives password resets and key rotation. Common false alarms: a new vendor, or a company account not seen in these logs.";

interface Opening {
	severity: Severity;
	text: string;
}

const assumeActions = /^(?:sts:AssumeRole\w*|sts:\*|\*)$/i;

function hasExternalId(statement: PolicyStatement): boolean {
	return statement.conditionKeys.some(
		(k) => k.toLowerCase() === 'sts:externalid',
	);
}

function judgeStatement(
	statement: PolicyStatement,
	event: TrailEvent,
	events: readonly TrailEvent[],
): Opening[] {
	if (
		statement.effect !== 'Allow' ||
		(statement.actions.length > 0 &&
			!statement.actions.some((a) => assumeActions.test(a)))
	) {
		return [];
	}

	const pinned = pinningConditions(statement).length > 0;
	const externalId = hasExternalId(statement);
	const openings: Opening[] = [];
	for (const principal of statement.principals) {
		if (isEveryone(principal)) {
			if (!pinned) {
				openings.push(
					statement.conditionKeys.length === 0
						? {
								severity: 'critical',
								text: `It lets anyone with an AWS account assume the role (principal ${principal.value}, no condition).`,
							}
						: {
								severity: 'medium',
								text: `It lets anyone with an AWS account assume the role (principal ${principal.value}); its condition on ${statement.conditionKeys.join(', ')} does not limit who may call.`,
							},
				);
			}

			continue;
		}

		const account =
			principal.kind === 'AWS'
				? accountOfPrincipal(principal.value)
				: undefined;
		if (account && !pinned) {
			const view = viewAccount(account, event, events);
			if (view.standing === 'own') {
				continue;
			}

			const base: Severity = view.standing === 'unknown' ? 'high' : 'medium';
			const id = externalId
				? ' (with the external id it requires, a code shared with a vendor)'
				: '';
			const who =
				principal.value === account ||
				principal.value === `arn:aws:iam::${account}:root`
					? `the account ${account}`
					: `${principal.value} (account ${account})`;
			openings.push({
				severity: externalId ? lower(base) : base,
				text: `It lets ${who} assume the role${id}. ${view.text}`,
			});
			continue;
		}

		if (
			principal.kind === 'Federated' &&
			principal.value.includes('token.actions.githubusercontent.com') &&
			!statement.conditionKeys.some((k) => /:sub$/i.test(k))
		) {
			openings.push({
				severity: 'high',
				text: `It trusts GitHub Actions (${principal.value}) without a "sub" condition (the one that names the repository): a workflow in any GitHub repository can assume the role.`,
			});
		}
	}

	return openings;
}

function adminLine(
	event: TrailEvent,
	roleName: string,
	events: readonly TrailEvent[],
) {
	const grant = iamHistory(events).grants.get(`role:${roleName}`)?.[0];
	return grant
		? `The role holds administrator rights: ${grant.eventName} at ${clock(grant.time, event.time)} by ${grant.principal.label}.`
		: undefined;
}

function roleSteps(event: TrailEvent, roleName: string): string[] {
	const role = shellWord(roleName);
	const account = accountOf(event);
	const arn = account ? `arn:aws:iam::${account}:role/${roleName}` : roleName;
	return [
		`Read the trust policy now: aws iam get-role --role-name ${role} --query Role.AssumeRolePolicyDocument`,
		`See what the role may do: aws iam list-attached-role-policies --role-name ${role}`,
		`See who assumed it: ${lookupByResourceCommand(arn, event)}`,
		`If nobody meant this, put back a trust policy without the outsider: aws iam update-assume-role-policy --role-name ${role} --policy-document file://trust.json`,
	];
}

export const roleTrustOpened: FlagRule = {
	id: 'role-trust-opened',
	title: "A role's trust policy was opened to outsiders",
	severity: 'high',
	attack: ['T1098.003', 'T1199'],
	check(event, context) {
		if (
			event.eventSource !== 'iam.amazonaws.com' ||
			!/^(?:CreateRole|UpdateAssumeRolePolicy)$/.test(event.eventName)
		) {
			return undefined;
		}

		const request = requestOf(event);
		const roleName = textField(request, 'roleName');
		const document =
			field(request, 'assumeRolePolicyDocument') ??
			field(request, 'policyDocument');
		const openings = (readPolicy(document) ?? []).flatMap((s) =>
			judgeStatement(s, event, context.events),
		);
		if (openings.length === 0) {
			return undefined;
		}

		const worst = openings.reduce((a, b) =>
			severityRank(b.severity) > severityRank(a.severity) ? b : a,
		);
		const judgement = judgeChange(event, context, worst.severity);
		if (!judgement) {
			return undefined;
		}

		const target = roleName
			? `the role ${roleName}`
			: 'a role the request does not name';
		const admin = roleName
			? adminLine(event, roleName, context.events)
			: undefined;
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why,
			evidence: [
				`${callLine(event)}, on ${target}.`,
				...openings.map((o) => o.text),
				...(admin ? [admin] : []),
				...judgement.notes,
			],
			normal: [
				'Normal trust policies name AWS services, the accounts of the same company, or a vendor with an external id, and change rarely.',
				...normalLines(event, context),
			],
			next: [
				...(roleName ? roleSteps(event, roleName) : []),
				...callerNext(event),
			],
		};
	},
};
