import type {Severity, TrailEvent} from '../../core/types.js';
import {severityOrder} from '../../core/types.js';
import {
	addressWithPlace,
	eventClock,
	lookupByKeyCommand,
	regionOption,
	shellWord,
} from '../describe.js';
import type {RuleContext} from '../rule-context.js';
import {offensiveName} from './attack-tools.js';

/**
What the flags about changes (logging, defences, identities, sharing,
resources) share: telling who really made a change, lowering the severity
for refused attempts and for infrastructure code, and the sentences and
commands they all use. The request readers are in `request-fields.ts`.

A change is judged by its effect, but who made it changes how worried a
responder should be:
- an AWS service acting for itself, or for a principal through `invokedBy`
  (Auto Scaling, Config, a service-linked role), did what the service was
  set up to do: the change is not flagged;
- infrastructure code (Terraform, CloudFormation, Pulumi) deploys what
  someone wrote and usually reviewed: the flag stays, at low, so that the
  change can still be read;
- a person or a script gets the full severity.
A refused or failed attempt changed nothing, but shows what someone with
these credentials wanted: one step lower, and said in the evidence.
*/

export type Actor =
	| {kind: 'service'; name: string}
	| {kind: 'automation'; name: string}
	| {kind: 'person'};

/** The sign-in front ends act for the person who signed in. */
const consoleHosts = /^(?:signin|console)(?:\.[a-z\d-]+)?\.amazonaws\.com$/i;

/** Infrastructure-code tools, as they name themselves in the user agent. */
const infrastructureTool = /\b(Terraform|Pulumi|OpenTofu)\//i;
const toolNames: Record<string, string> = {
	terraform: 'Terraform',
	pulumi: 'Pulumi',
	opentofu: 'OpenTofu',
};

/** Who made the change: an AWS service, infrastructure code, or a person. */
export function actorOf(event: TrailEvent): Actor {
	const {type, invokedBy, roleName} = event.principal;
	if (invokedBy === 'cloudformation.amazonaws.com') {
		return {kind: 'automation', name: 'CloudFormation'};
	}

	if (type === 'AWSService') {
		return {kind: 'service', name: invokedBy ?? event.source.raw ?? 'AWS'};
	}

	if (invokedBy !== undefined && !consoleHosts.test(invokedBy)) {
		return {kind: 'service', name: invokedBy};
	}

	if (roleName?.startsWith('AWSServiceRoleFor') === true) {
		return {kind: 'service', name: `the service-linked role ${roleName}`};
	}

	// By the agent's own tokens, not its family: Stratus Red Team runs
	// Terraform and names itself in the same agent.
	const tool = infrastructureTool.exec(event.userAgent ?? '');
	if (tool?.[1]) {
		return {
			kind: 'automation',
			name: toolNames[tool[1].toLowerCase()] ?? tool[1],
		};
	}

	return {kind: 'person'};
}

/** One severity step lower, never below info. */
export function lower(severity: Severity, steps = 1): Severity {
	const index = Math.max(0, severityOrder.indexOf(severity) - steps);
	return severityOrder[index] ?? 'info';
}

/** The lower of two severities. */
export function atMost(severity: Severity, cap: Severity): Severity {
	return severityOrder.indexOf(severity) <= severityOrder.indexOf(cap)
		? severity
		: cap;
}

/** A sentence on a refused or failed call, or undefined for a success. */
export function outcomeLine(event: TrailEvent): string | undefined {
	if (event.outcome === 'success') {
		return undefined;
	}

	const code = event.errorCode ?? 'an error';
	return event.outcome === 'denied'
		? `AWS refused it (${code}): nothing changed, but whoever holds these credentials tried.`
		: `It failed (${code}), so nothing changed; the attempt still shows what the caller wanted.`;
}

export interface ChangeJudgement {
	severity: Severity;
	actor: Actor;
	/** Sentences on the outcome and on automation, for the evidence. */
	notes: string[];
}

/**
The severity a change earns from who made it and whether it worked, or
undefined when an AWS service made it (or when automation is skipped).
*/
export function judgeChange(
	event: TrailEvent,
	context: RuleContext,
	base: Severity,
	options: {skipAutomation?: boolean} = {},
): ChangeJudgement | undefined {
	const actor = actorOf(event);
	if (actor.kind === 'service') {
		return undefined;
	}

	if (actor.kind === 'automation' && options.skipAutomation === true) {
		return undefined;
	}

	const notes: string[] = [];
	let severity = base;
	const outcome = outcomeLine(event);
	if (outcome) {
		notes.push(outcome);
		severity = lower(severity);
	}

	const offensive = context.agent(event)?.offensive;
	if (offensive) {
		notes.push(
			`Its user agent names ${offensiveName(offensive)}: a test by your own team, or someone else's hands.`,
		);
	}

	if (actor.kind === 'automation') {
		notes.push(
			`${actor.name} made the change: infrastructure code, usually reviewed ` +
				'before it runs, so the flag is low. Check that the change is in the ' +
				'code someone approved (the user agent can be copied).',
		);
		severity = atMost(severity, 'low');
	}

	return {severity, actor, notes};
}

/** `StopLogging at 2024-05-01 10:00:00 by alice from 203.0.113.10 (outside AWS)`. */
export function callLine(event: TrailEvent): string {
	return (
		`${event.eventName} at ${eventClock(event)} by ${event.principal.label} ` +
		`from ${addressWithPlace(event.source)}`
	);
}

/** Next steps that every change flag offers: the caller's other calls. */
export function callerNext(event: TrailEvent): string[] {
	const next: string[] = [];
	const {accessKeyId, userName, roleName} = event.principal;
	if (accessKeyId) {
		next.push(
			`See everything else this key did: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	} else if (userName) {
		next.push(
			'See everything else this user did: aws cloudtrail lookup-events ' +
				'--lookup-attributes ' +
				shellWord(`AttributeKey=Username,AttributeValue=${userName}`) +
				regionOption(event),
		);
	}

	if (roleName) {
		next.push(
			`Read what the role may do: aws iam list-attached-role-policies --role-name ${shellWord(roleName)}`,
		);
	}

	return next;
}

/** The command listing every logged call on one named resource. */
export function lookupByResourceCommand(
	name: string,
	event: TrailEvent,
): string {
	return (
		'aws cloudtrail lookup-events --lookup-attributes ' +
		shellWord(`AttributeKey=ResourceName,AttributeValue=${name}`) +
		regionOption(event)
	);
}

/** `a, b and c`, shortened to the first few with a count of the rest. */
export function listText(values: readonly string[], shown = 4): string {
	const head = values.slice(0, shown);
	const rest = values.length - head.length;
	if (rest > 0) {
		return `${head.join(', ')} and ${rest} more`;
	}

	if (head.length <= 1) {
		return head[0] ?? '';
	}

	return `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}
