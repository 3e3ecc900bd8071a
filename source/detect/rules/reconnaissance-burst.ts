import type {Severity, TrailEvent} from '../../core/types.js';
import {familyLabel} from '../agent.js';
import {apiOf} from '../baselines.js';
import {
	count,
	isOutsideAws,
	lookupByKeyCommand,
	regionOption,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {attackToolOf, offensiveLabel} from './attack-tools.js';
import {discoveryApis} from './discovery-apis.js';
import {
	groupFlag,
	addressesOf,
	breadth,
	burstIdentity,
	byIdentity,
	findBursts,
	groupOf,
	infrastructureTool,
	listSome,
	madeByAwsOrConsole,
	memo,
	spanText,
	subjectOf,
} from './event-groups.js';

/**
A reconnaissance burst: one identity making many different listing and
describing calls within minutes. At least 20 different discovery APIs
within 10 minutes: a person at the command line rarely types 20 different
listings in 10 minutes, while enumeration tools (Pacu's enum modules,
ScoutSuite, CloudFox, Prowler, a home-made script) make hundreds. The
flag is raised on every call of the burst, with its size and span.

What else reads that much: the console (left out, with AWS services and
calls made for the principal) and infrastructure-as-code plans. Terraform
reads every resource it manages before each plan; on the invictus hour its
refresh makes 61 different reads in 10 minutes across 9 services. Such
calls are left out when the tool is the identity's usual way of working
(it made at least half of the identity's calls). What then still tells an
attacker's enumeration apart raises the severity to high: breadth (5
services or more, or 3 for an identity whose first calls these are), an
attack tool's agent, a workload's credentials, or many refusals (a quarter
of the burst or more).
*/

const id = 'reconnaissance-burst';
const span = 10 * 60 * 1000;
const minApis = 20;

/** Reads of data rather than of the account's shape: other flags judge them. */
const dataReads = new Set([
	'GetObject',
	'GetObjectAcl',
	'GetObjectTagging',
	'GetSecretValue',
	'GetParameter',
	'GetParameters',
	'GetParametersByPath',
	'GetPasswordData',
	'GetLogEvents',
	'GetRecords',
	'GetShardIterator',
	'GetItem',
	'GetQueryResults',
	'GetMetricData',
	'GetMetricStatistics',
	'GetConsoleOutput',
	'GetConsoleScreenshot',
	'GetAuthorizationToken',
	'GetDownloadUrlForLayer',
	'GetSessionToken',
	'GetFederationToken',
	'GetSigninToken',
]);

const discoveryName = /^(?:List|Describe|Get|Search|Lookup)[A-Z]/;

/** True for a call that lists or describes what the account holds. */
export function isDiscoveryCall(event: TrailEvent): boolean {
	return (
		discoveryApis.has(apiOf(event)) ||
		(discoveryName.test(event.eventName) && !dataReads.has(event.eventName))
	);
}

const why =
	'One identity listed and described a large part of the account within minutes. That is how an intruder maps what stolen credentials reach, and how attack and audit tools start. The console and tools that always work this way (such as Terraform reading its resources) are left out. Common false alarms: an audit or inventory tool run for the first time, or an administrator exploring a new account.';

/** Identities for which infrastructure-as-code makes at least half the calls. */
function habitualTools(events: readonly TrailEvent[]): Set<string> {
	return memo(`${id}:habitual`, events, () => {
		const totals = new Map<string, [number, number]>();
		for (const event of events) {
			const key = burstIdentity(event);
			if (key === undefined) {
				continue;
			}

			const [all, tool] = totals.get(key) ?? [0, 0];
			totals.set(key, [
				all + 1,
				tool + (infrastructureTool(event.userAgent) ? 1 : 0),
			]);
		}

		return new Set(
			[...totals.entries()]
				.filter(([, [all, tool]]) => tool * 2 >= all)
				.map(([key]) => key),
		);
	});
}

interface Burst {
	severity: Severity;
	lines: string[];
}

function describeBurst(events: TrailEvent[], context: RuleContext): Burst {
	const first = events[0]!;
	const {apis, services} = breadth(events);
	const refused = events.filter((e) => e.outcome === 'denied').length;
	const lines = [
		`${subjectOf(first)} made ${count(events.length, 'listing or describing call')} ` +
			`${spanText(events)}: ${count(apis.length, 'different API')} in ` +
			`${count(services.length, 'service')} (${listSome(services, 6)}).`,
	];
	const addresses = addressesOf(events);
	if (addresses.length > 0) {
		lines.push(`The calls came from ${listSome(addresses, 3)}.`);
	}

	const families = [
		...new Set(
			events
				.map((e) => context.agent(e)?.family)
				.filter((f) => f !== undefined),
		),
	];
	if (families.length > 0) {
		lines.push(`Client: ${listSome(families.map(familyLabel), 3)}.`);
	}

	if (refused > 0) {
		lines.push(`AWS refused ${refused} of them.`);
	}

	const offensive = events
		.map((e) => attackToolOf(e, context))
		.find((o) => o !== undefined);
	if (offensive) {
		lines.push(`The user agent names ${offensiveLabel(offensive)}.`);
	}

	const workload = context.workload(first);
	if (workload) {
		const outside = events.some((e) => isOutsideAws(e.source));
		lines.push(
			`${identityName(first)} belongs to ${workload.runsOn}` +
				(outside ? ', yet part of the burst came from outside AWS.' : '.'),
		);
	}

	const key = first.principal.baselineKey;
	const seen = key ? context.baselines.principals.get(key) : undefined;
	const newcomer = seen !== undefined && seen.firstSeq >= first.seq;
	if (newcomer) {
		lines.push(
			`${identityName(first)} had made no call before this burst in the loaded logs.`,
		);
	}

	const severity: Severity =
		(newcomer && services.length >= 3) ||
		services.length >= 5 ||
		offensive !== undefined ||
		workload !== undefined ||
		refused * 4 >= events.length
			? 'high'
			: 'medium';
	return {severity, lines};
}

function findAll(
	events: readonly TrailEvent[],
	context: RuleContext,
): Map<TrailEvent, Burst> {
	const habitual = habitualTools(events);
	const found = new Map<TrailEvent, Burst>();
	const lists = byIdentity(
		events,
		(e) =>
			isDiscoveryCall(e) &&
			!madeByAwsOrConsole(e, context) &&
			!(
				infrastructureTool(e.userAgent) !== undefined &&
				habitual.has(burstIdentity(e) ?? '')
			),
	);
	for (const list of lists.values()) {
		const bursts = findBursts(list, {
			span,
			tags: (e) => [`api:${apiOf(e)}`],
			qualifies: (_calls, distinct) => distinct('api') >= minApis,
		});
		for (const events of bursts) {
			const burst = describeBurst(events, context);
			for (const event of events) {
				found.set(event, burst);
			}
		}
	}

	return found;
}

function nextSteps(event: TrailEvent): string[] {
	const {accessKeyId, roleName, userName} = event.principal;
	const next: string[] = [];
	if (accessKeyId) {
		next.push(
			`See everything this key did, before and after: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	next.push(
		'Look for what followed the mapping: reads of secrets, new keys or users, changes to logging.',
		'List the read-only calls of the period: aws cloudtrail lookup-events ' +
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

export const reconnaissanceBurst: FlagRule = {
	id,
	title: 'Reconnaissance burst: many listings in minutes',
	severity: 'medium',
	attack: ['T1580', 'T1526', 'T1087.004', 'T1069.003'],
	check(event, context) {
		if (!isDiscoveryCall(event)) {
			return undefined;
		}

		const burst = groupOf(id, context.events, event, (events) =>
			findAll(events, context),
		);
		if (!burst) {
			return undefined;
		}

		return groupFlag(this, event, context, {
			why,
			group: burst,
			next: nextSteps(event),
		});
	},
};
