import type {TrailEvent} from '../core/types.js';
import type {Baselines} from './baselines.js';
import {countedAddress, inOrder} from './baselines.js';
import {addressWithPlace, clock, count, isInsideAws} from './describe.js';
import {
	assumptionsFor,
	describeAssumption,
	describePrincipals,
	policiesFor,
	type TrustKnowledge,
} from './trust.js';

/**
Whether the role behind an event belongs to a workload (an EC2 instance, an
ECS task, a Lambda function, an AWS service) rather than to a person. Workload
credentials are issued to software running on AWS's machines; seeing them
used from a laptop, or with a person's tools, is how stolen credentials show.

Each reason carries its own evidence sentence, and the trust reasons say
where the knowledge came from (a trust policy file, or the logs).
*/

export type WorkloadReasonKind =
	| 'ec2-instance'
	| 'ecs-task'
	| 'lambda-function'
	| 'trust-policy'
	| 'service-assumed'
	| 'behaviour';

export interface WorkloadReason {
	kind: WorkloadReasonKind;
	/** One sentence of evidence, log text raw. */
	text: string;
}

export interface WorkloadAssessment {
	roleName: string;
	reasons: WorkloadReason[];
	/** What the credentials normally run on: `an ECS task`. */
	runsOn: string;
}

/** A role session seen running inside Lambda, by its agent or its issuer. */
export interface LambdaSession {
	seq: number;
	time: number;
	how: string;
}

const instanceId = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const taskId =
	/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
const lambdaAgent = /^awslambda-worker\b|\bexec-env\/AWS_Lambda_/;

function sessionKey(
	accountId: string | undefined,
	roleName: string,
	sessionName: string,
): string {
	return `${accountId ?? ''}\u0000${roleName}\u0000${sessionName}`;
}

/**
Finds the role sessions that ran inside Lambda: Lambda's own AssumeRole for
the function (whose session name is the function's name), or calls made by
the Lambda runtime (`awslambda-worker`, `exec-env/AWS_Lambda_…`) from inside
AWS. A session name that names a function is how a Lambda role shows.
*/
export function findLambdaSessions(
	events: readonly TrailEvent[],
	trust: TrustKnowledge,
): Map<string, LambdaSession> {
	const found = new Map<string, LambdaSession>();
	for (const a of trust.assumptions) {
		if (a.service === 'lambda.amazonaws.com' && a.sessionName) {
			const key = sessionKey(a.accountId, a.roleName, a.sessionName);
			if (!found.has(key)) {
				found.set(key, {seq: a.seq, time: a.time, how: 'lambda.amazonaws.com'});
			}
		}
	}

	for (const event of events) {
		const {roleName, sessionName, accountId} = event.principal;
		const ua = event.userAgent;
		if (!roleName || !sessionName || !ua || !isInsideAws(event.source)) {
			continue;
		}

		const match = lambdaAgent.exec(ua);
		const key = sessionKey(accountId, roleName, sessionName);
		if (match && !found.has(key)) {
			found.set(key, {seq: event.seq, time: event.time, how: match[0]});
		}
	}

	return found;
}

function lambdaReason(
	event: TrailEvent,
	lambdaSessions: Map<string, LambdaSession>,
): WorkloadReason | undefined {
	const {roleName, sessionName, accountId} = event.principal;
	if (!roleName || !sessionName) {
		return undefined;
	}

	// Without an account on the event, match any account's session.
	const exact = lambdaSessions.get(
		sessionKey(accountId, roleName, sessionName),
	);
	const seen =
		exact ??
		(accountId === undefined
			? [...lambdaSessions.entries()].find(([key]) =>
					key.endsWith(`\u0000${roleName}\u0000${sessionName}`),
				)?.[1]
			: undefined);
	if (!seen) {
		return undefined;
	}

	const how =
		seen.how === 'lambda.amazonaws.com'
			? `Lambda assumed the role for it at ${clock(seen.time, event.time)}`
			: `the Lambda runtime called with it (${seen.how}) at ${clock(seen.time, event.time)}`;
	return {
		kind: 'lambda-function',
		text: `The session name ${sessionName} is the name of a Lambda function: ${how}.`,
	};
}

/**
"Every other use came from inside AWS": the role's first address and every
address other than this event's lie in AWS's ranges or in a private network.
*/
function behaviourReason(
	event: TrailEvent,
	baselines: Baselines,
): WorkloadReason | undefined {
	const key = event.principal.baselineKey;
	const baseline = key ? baselines.principals.get(key) : undefined;
	if (!baseline) {
		return undefined;
	}

	const here = countedAddress(event.source);
	const addresses = inOrder(baseline.addresses);
	const others = addresses.filter((a) => a.address !== here);
	if (
		others.length === 0 ||
		addresses[0]?.address === here ||
		!others.every((a) => isInsideAws(a.source))
	) {
		return undefined;
	}

	const calls = others.reduce((sum, a) => sum + a.count, 0);
	const places = others
		.slice(0, 3)
		.map((a) => addressWithPlace(a.source))
		.join(', ');
	const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
	return {
		kind: 'behaviour',
		text: `Every other use of ${event.principal.roleName} came from inside AWS: ${count(calls, 'call')} from ${places}${more}.`,
	};
}

/** What the credentials run on, from the strongest reason. */
function runsOn(reasons: WorkloadReason[], services: string[]): string {
	const kinds = new Set(reasons.map((r) => r.kind));
	if (kinds.has('lambda-function')) {
		return 'a Lambda function';
	}

	if (kinds.has('ec2-instance')) {
		return 'an EC2 instance';
	}

	if (kinds.has('ecs-task') || services.includes('ecs-tasks.amazonaws.com')) {
		return 'an ECS task';
	}

	if (services.length > 0) {
		return `an AWS service (${services[0]})`;
	}

	return 'software on AWS machines';
}

/**
The reasons to believe the event's role belongs to a workload, or undefined
when there are none (or the event has no role).
*/
export function assessWorkload(
	event: TrailEvent,
	context: {
		baselines: Baselines;
		trust: TrustKnowledge;
		lambdaSessions: Map<string, LambdaSession>;
	},
): WorkloadAssessment | undefined {
	const {roleName, sessionName} = event.principal;
	if (!roleName) {
		return undefined;
	}

	const reasons: WorkloadReason[] = [];
	const services: string[] = [];
	if (sessionName && instanceId.test(sessionName)) {
		reasons.push({
			kind: 'ec2-instance',
			text: `The session name ${sessionName} is an EC2 instance id: EC2 hands these credentials to the software on that instance.`,
		});
	} else if (sessionName && taskId.test(sessionName)) {
		reasons.push({
			kind: 'ecs-task',
			text: `The session name ${sessionName} has the shape of an ECS task id.`,
		});
	}

	const lambda = lambdaReason(event, context.lambdaSessions);
	if (lambda) {
		reasons.push(lambda);
	}

	for (const policy of policiesFor(context.trust, event.principal)) {
		if (policy.serviceOnly) {
			services.push(...policy.principals.map((p) => p.value));
			reasons.push({
				kind: 'trust-policy',
				text: `Only ${describePrincipals(policy.principals)} may assume ${roleName} (${policy.source}).`,
			});
		}
	}

	const assumptions = assumptionsFor(context.trust, event.principal);
	const key = event.principal.accessKeyId;
	const issuer = assumptions.find((a) => key && a.accessKeyId === key);
	const cited = issuer ?? assumptions[0];
	if (cited) {
		services.push(cited.service);
		reasons.push({
			kind: 'service-assumed',
			text: `An AWS service assumes ${roleName} (${describeAssumption(cited, event)}).`,
		});
	}

	const behaviour = behaviourReason(event, context.baselines);
	if (behaviour) {
		reasons.push(behaviour);
	}

	if (reasons.length === 0) {
		return undefined;
	}

	return {roleName, reasons, runsOn: runsOn(reasons, services)};
}
