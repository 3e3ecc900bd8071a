import type {Severity, TrailEvent} from '../../core/types.js';
import type {RuleContext} from '../rule-context.js';
import {infrastructureTool} from './event-groups.js';

/**
The attack, audit and emulation tools and the offensive systems that the
user-agent parser recognises (its `offensive` field), with what each is
for, in a sentence a student understands, and how much its presence weighs.
Recognising them is the parser's job (`normalise/user-agent.ts`); judging
them is this table's.
*/

export interface Tool {
	label: string;
	what: string;
	severity: Severity;
}

export const tools: Record<string, Tool> = {
	pacu: {
		label: 'Pacu',
		what: 'an exploitation framework for AWS (privilege escalation, backdoors, data theft)',
		severity: 'high',
	},
	trufflehog: {
		label: 'TruffleHog',
		what: 'a secret scanner that checks every key it finds in code, commits and files: the key was found somewhere',
		severity: 'high',
	},
	'enumerate-iam': {
		label: 'enumerate-iam',
		what: 'a tool that tries thousands of calls to learn what a key may do',
		severity: 'high',
	},
	'aws-enumerator': {
		label: 'aws-enumerator',
		what: 'a tool that tries every listing call to learn what a key may do',
		severity: 'high',
	},
	weirdaal: {
		label: 'WeirdAAL',
		what: 'an attack library for AWS, for reconnaissance and exploitation',
		severity: 'high',
	},
	'stratus-red-team': {
		label: 'Stratus Red Team',
		what: 'a tool that replays known attack techniques, usually run by a security team to test its detections',
		severity: 'medium',
	},
	scoutsuite: {
		label: 'ScoutSuite',
		what: 'an audit tool that reads the configuration of the whole account',
		severity: 'medium',
	},
	prowler: {
		label: 'Prowler',
		what: 'an audit tool that reads the configuration of the whole account',
		severity: 'medium',
	},
	cloudfox: {
		label: 'CloudFox',
		what: 'a tool for penetration testers that maps attack paths in the account',
		severity: 'medium',
	},
	cloudsplaining: {
		label: 'Cloudsplaining',
		what: 'an audit tool that reads every IAM policy to find risky permissions',
		severity: 'medium',
	},
	kali: {
		label: 'Kali Linux',
		what: 'a Linux distribution made for penetration testing',
		severity: 'medium',
	},
	parrot: {
		label: 'Parrot OS',
		what: 'a Linux distribution made for penetration testing',
		severity: 'medium',
	},
	pentoo: {
		label: 'Pentoo',
		what: 'a Linux distribution made for penetration testing',
		severity: 'medium',
	},
	's3-browser': {
		label: 'S3 Browser',
		what: 'a desktop file manager for S3, used by administrators and by intruders to copy data out',
		severity: 'low',
	},
};

/** The name a person reads for an offensive tool or system: `Kali Linux`. */
export function offensiveLabel(offensive: string): string {
	return tools[offensive]?.label ?? offensive;
}

/** Offensive systems, as opposed to tools: they stay flagged under Terraform. */
const distributions = new Set(['kali', 'parrot', 'pentoo']);

/**
The name and kind of an offensive tool or system, for a sentence:
`Stratus Red Team, an attack or audit tool`, `Kali Linux, a system made for
attacking`.
*/
export function offensiveName(offensive: string): string {
	const label = offensiveLabel(offensive);
	if (distributions.has(offensive)) {
		return `${label}, a system made for attacking`;
	}

	return offensive === 's3-browser'
		? `${label}, a file manager that intruders use to copy data out`
		: `${label}, an attack or audit tool`;
}

/**
The attack tool or system an event's agent names (`stratus-red-team`,
`kali`), or undefined. A tool's mark inside a Terraform agent is the tool
setting up its targets, not the attack, and does not count.
*/
export function attackToolOf(
	event: TrailEvent,
	context: RuleContext,
): string | undefined {
	const agent = context.agent(event);
	const offensive = agent?.offensive;
	if (!agent || offensive === undefined || agent.awsService) {
		return undefined;
	}

	return infrastructureTool(event.userAgent) && !distributions.has(offensive)
		? undefined
		: offensive;
}
