import type {TrailEvent} from '../../core/types.js';
import {count, regionOption, shellWord} from '../describe.js';
import type {Burst, BurstSpec} from './bursts.js';
import {
	burstCandidate,
	burstRule,
	burstIdentity,
	burstLine,
	targetsText,
} from './burst-flags.js';
import {callerNext, listText} from './change-common.js';
import {
	asList,
	field,
	flagValue,
	requestOf,
	textField,
} from './request-fields.js';

/**
Mass secret retrieval: one identity reading many distinct secrets (Secrets
Manager) or SecureString parameters (SSM Parameter Store, with decryption)
within minutes, and the Windows-password variant, many instances'
administrator passwords fetched with GetPasswordData. An application reads
its own few secrets again and again; someone reading every secret in turn is
harvesting credentials, as Stratus Red Team's "retrieve a high number of
Secrets Manager secrets" and "SSM parameters" techniques do.

A chain of such calls, each within five minutes of the previous, counts
from five distinct secrets (high from ten). BatchGetSecretValue with a
filter fetches every matching secret in one call and counts by itself.
Plain (unencrypted) parameter reads do not count.
*/

const gapMs = 5 * 60 * 1000;

/** The target of a filtered BatchGetSecretValue, which names no secret. */
const everyMatching = 'every secret matching a filter';

const whySecrets =
	"One identity read many different secrets within minutes. Secrets Manager and SecureString parameters (encrypted values in Systems Manager's Parameter Store) hold the passwords, API keys and database credentials that applications use. An application reads its own few, again and again. Reading many in a row is someone collecting credentials to go further: into databases, other accounts or outside services. Common false alarms: a backup, migration or audit script that reads every secret on purpose.";

const whyPasswords =
	"One identity fetched the administrator passwords of many Windows instances in a row (GetPasswordData). The password comes back encrypted, but anyone holding the instance's key pair can decrypt it. An administrator fetches one when connecting to a machine; fetching many is someone collecting ways into every Windows machine. Common false alarms: a management tool that connects to every Windows instance.";

const secretCalls = new Set([
	'GetSecretValue',
	'BatchGetSecretValue',
	'GetParameter',
	'GetParameters',
	'GetParametersByPath',
]);

function secretTargets(event: TrailEvent): string[] {
	// The name first: it is in memory, the request may not be.
	if (!secretCalls.has(event.eventName)) {
		return [];
	}

	const request = requestOf(event);
	switch (event.eventName) {
		case 'GetSecretValue': {
			const id = textField(request, 'secretId');
			return id
				? [id.replace(/^arn:[^:]+:secretsmanager:[^:]*:\d*:secret:/, '')]
				: [];
		}

		case 'BatchGetSecretValue': {
			return asList(field(request, 'secretIdList')).filter(
				(v): v is string => typeof v === 'string',
			);
		}

		case 'GetParameter':
		case 'GetParameters':
		case 'GetParametersByPath': {
			if (flagValue(field(request, 'withDecryption')) !== true) {
				return [];
			}

			const names = [
				textField(request, 'name'),
				...asList(field(request, 'names')),
			].filter((v): v is string => typeof v === 'string');
			const path = textField(request, 'path');
			return path ? [...names, `${path} (all below it)`] : names;
		}

		default: {
			return [];
		}
	}
}

const secretSources = new Set([
	'secretsmanager.amazonaws.com',
	'ssm.amazonaws.com',
]);

const secretSpec: BurstSpec = {
	id: 'mass-secret-retrieval',
	matches: (event) =>
		secretSources.has(event.eventSource) &&
		burstCandidate(event) &&
		(secretTargets(event).length > 0 || filtered(event)),
	identity: burstIdentity,
	targets: (event) =>
		filtered(event) ? [everyMatching] : secretTargets(event),
	bulk: filtered,
	gapMs,
	minItems: 5,
};

function filtered(event: TrailEvent): boolean {
	return (
		event.eventName === 'BatchGetSecretValue' &&
		asList(field(requestOf(event), 'filters')).length > 0
	);
}

const passwordSpec: BurstSpec = {
	id: 'instance-password-burst',
	matches: (event) =>
		event.eventSource === 'ec2.amazonaws.com' &&
		event.eventName === 'GetPasswordData' &&
		burstCandidate(event),
	identity: burstIdentity,
	targets: (event) => {
		const id = textField(requestOf(event), 'instanceId');
		return id ? [id] : [];
	},
	gapMs,
	minItems: 5,
};

/** What the burst read: secrets, SecureString parameters, or both. */
function secretNoun(sources: ReadonlySet<string>): [string, string] {
	if (!sources.has('ssm.amazonaws.com')) {
		return ['distinct secret', 'distinct secrets'];
	}

	return sources.has('secretsmanager.amazonaws.com')
		? ['distinct secret or parameter', 'distinct secrets and parameters']
		: ['distinct SecureString parameter', 'distinct SecureString parameters'];
}

/**
The first line and the list of names. A filtered BatchGetSecretValue names
no secret: it fetches every secret that matches, and says so.
*/
function secretLines(
	burst: Burst,
	sources: ReadonlySet<string>,
): [string, string | undefined] {
	const [noun, plural] = secretNoun(sources);
	const named = burst.targets.filter((t) => t !== everyMatching);
	if (named.length === burst.targets.length) {
		return [
			burstLine(burst, 'read', noun, {plural}),
			`They include ${targetsText(burst)}.`,
		];
	}

	const also =
		named.length > 0 ? ` and ${count(named.length, noun, plural)}` : '';
	return [
		burstLine(burst, 'read', noun, {targets: `${everyMatching}${also}`}),
		named.length > 0 ? `They include ${listText(named, 4)}.` : undefined,
	];
}

export const massSecretRetrieval = burstRule({
	id: 'mass-secret-retrieval',
	title: 'Many secrets read in a burst',
	severity: 'medium',
	attack: ['T1555.006', 'T1552'],
	spec: secretSpec,
	why: whySecrets,
	normal:
		'Normal is an application reading the same few secrets of its own, over and over.',
	evidence(burst) {
		return secretLines(burst, sourcesOf(burst)).filter(
			(line): line is string => line !== undefined,
		);
	},
	next(burst) {
		const first = burst.first;
		const region = regionOption(first);
		const sources = sourcesOf(burst);
		const next: string[] = [];
		if (sources.has('secretsmanager.amazonaws.com')) {
			next.push(
				`List the secrets and when each was last read: aws secretsmanager list-secrets --query 'SecretList[].[Name,LastAccessedDate]' --output table${region}`,
			);
		}

		if (sources.has('ssm.amazonaws.com')) {
			next.push(
				`List the SecureString parameters: aws ssm describe-parameters --parameter-filters Key=Type,Values=SecureString${region}`,
			);
		}

		next.push(
			'Rotate every secret in the burst that AWS did not refuse: whoever read them can use them until then.',
			...callerNext(first),
		);
		return next;
	},
});

function sourcesOf(burst: Burst): Set<string> {
	return new Set(burst.events.map((e) => e.eventSource));
}

export const instancePasswordBurst = burstRule({
	id: 'instance-password-burst',
	title: "Many instances' Windows passwords fetched",
	severity: 'medium',
	attack: ['T1552', 'T1555'],
	spec: passwordSpec,
	why: whyPasswords,
	normal:
		'Normal is an administrator fetching one password now and then, for the machine they are about to connect to.',
	evidence: (burst) => [
		burstLine(burst, 'asked for the Windows password of', 'instance'),
		`They include ${targetsText(burst)}.`,
	],
	next(burst) {
		const first = burst.first;
		return [
			`See which of them exist and run Windows: aws ec2 describe-instances --instance-ids ${burst.targets.slice(0, 10).map(shellWord).join(' ')} --query 'Reservations[].Instances[].[InstanceId,Platform,KeyName]'${regionOption(first)}`,
			'Change the administrator password on every instance whose password was returned (the call succeeded).',
			...callerNext(first),
		];
	},
});
