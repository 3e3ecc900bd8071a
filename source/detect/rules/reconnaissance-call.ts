import type {Severity, TrailEvent} from '../../core/types.js';
import {apiOf, countedAddress, firstOf, networkOf} from '../baselines.js';
import {
	addressWithPlace,
	eventClock,
	isOutsideAws,
	lookupByKeyCommand,
	regionOption,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {offensiveName} from './attack-tools.js';
import {discoveryApis} from './discovery-apis.js';

/**
Flag 3: a call that maps the account (see `discovery-apis.ts` for the table
and why only account-wide listings count on their own).

Discovery is everyday work for administrators and tools, so the flag is kept
for the cases that tell something:
- a workload identity listing the account from outside AWS (high: someone
  exploring with stolen credentials) or with a person's tools (medium);
- a person or tool making that discovery call for the first time in the
  loaded logs, from a network where the identity was not first seen, or
  refused (probing) (low), or with an attack tool's agent (medium). A
  person's first ListBuckets from their usual place is everyday work.

High goes beyond the usual low/medium of discovery on purpose: listing the
account with a workload's credentials from a laptop is the intruder's first
step, and it ranks that event above the same credentials' other calls.
Never for AWS services or calls a service made for the principal, never for
console sessions (the console lists buckets whenever a page opens), and not
again for an identity that has already made the same call.
*/

const why =
	'This call lists what the account holds: its buckets, users, roles or instances. It is what an intruder does first with credentials they found, to learn where they landed and what they can reach. Common false alarms: administrators, audit tools and scripts list things all the time, so the flag is kept for identities that do not, or that do it from a new place.';

function skipped(event: TrailEvent): boolean {
	const p = event.principal;
	return (
		!p.baselineKey ||
		p.type === 'AWSService' ||
		p.invokedBy !== undefined ||
		event.console ||
		event.source.kind === 'aws-service' ||
		event.source.kind === 'aws-internal'
	);
}

interface Judgement {
	severity: Severity;
	reason: string;
}

function judge(event: TrailEvent, context: RuleContext): Judgement | undefined {
	const name = identityName(event);
	const agent = context.agent(event);
	const workload = context.workload(event);
	if (workload) {
		if (isOutsideAws(event.source)) {
			return {
				severity: 'high',
				reason: `It was made with the credentials of ${name}, a workload role, from ${event.source.ip ?? event.source.raw}, outside AWS: someone is exploring the account with them.`,
			};
		}

		if (agent && (agent.desktopOs || agent.offensive)) {
			return {
				severity: 'medium',
				reason: `It was made with the credentials of ${name}, a workload role, by a person's client.`,
			};
		}

		// Software on AWS discovering its own resources: routine.
		return undefined;
	}

	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	const seen = baseline?.apis.get(apiOf(event));
	if (seen && seen.firstSeq !== event.seq) {
		return undefined;
	}

	const first = baseline ? firstOf(baseline.addresses) : undefined;
	const here = countedAddress(event.source);
	const elsewhere =
		first !== undefined &&
		here !== undefined &&
		first.network !== networkOf(event.source);
	const reasons: string[] = [];
	if (agent?.offensive) {
		reasons.push(`its user agent names ${offensiveName(agent.offensive)}`);
	}

	if (elsewhere) {
		reasons.push(
			`it comes from ${addressWithPlace(event.source)}, while ${name} was first seen from ${addressWithPlace(first.source)}`,
		);
	}

	if (event.outcome === 'denied') {
		reasons.push('AWS refused it');
	}

	if (reasons.length === 0) {
		// A person's own discovery, from their usual place: everyday work.
		return undefined;
	}

	return {
		severity: agent?.offensive ? 'medium' : 'low',
		reason: `This is the first ${event.eventName} by ${name} in the loaded logs, and ${reasons.join('; ')}.`,
	};
}

function nextSteps(event: TrailEvent): string[] {
	const {roleName, userName, accessKeyId} = event.principal;
	const next: string[] = [];
	if (accessKeyId) {
		next.push(
			`See what else this key did: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	next.push(
		'Find the other discovery calls around it: aws cloudtrail lookup-events ' +
			'--lookup-attributes AttributeKey=ReadOnly,AttributeValue=true' +
			regionOption(event),
	);
	if (roleName) {
		next.push(
			`See what the role may read: aws iam list-attached-role-policies --role-name ${shellWord(roleName)}`,
		);
	} else if (userName) {
		next.push(
			`See what the user may read: aws iam list-attached-user-policies --user-name ${shellWord(userName)}`,
		);
	}

	return next;
}

export const reconnaissanceCall: FlagRule = {
	id: 'reconnaissance-call',
	title: 'Reconnaissance: listing what the account holds',
	severity: 'low',
	attack: ['T1580', 'T1619', 'T1087.004', 'T1069.003'],
	check(event, context) {
		const api = discoveryApis.get(apiOf(event));
		if (!api || api.scope !== 'account' || skipped(event)) {
			return undefined;
		}

		const judgement = judge(event, context);
		if (!judgement) {
			return undefined;
		}

		const evidence = [
			`${event.eventName} (at ${eventClock(event)}) ${api.reveals}.`,
			judgement.reason,
		];
		if (event.outcome === 'denied') {
			evidence.push(
				`AWS refused it (${event.errorCode ?? 'denied'}): refused listings often mean someone is probing what the credentials may do.`,
			);
		}

		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why,
			evidence,
			normal: normalLines(event, context),
			next: nextSteps(event),
		};
	},
};
