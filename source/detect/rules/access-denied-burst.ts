import type {Severity, TrailEvent} from '../../core/types.js';
import {apiOf} from '../baselines.js';
import {count, lookupByKeyCommand, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {attackToolOf, offensiveLabel} from './attack-tools.js';
import {
	groupFlag,
	addressesOf,
	breadth,
	byIdentity,
	findBursts,
	groupOf,
	listSome,
	madeByAwsOrConsole,
	spanText,
	subjectOf,
} from './event-groups.js';
import {recordField} from '../../core/record-field.js';

/**
Permission probing: many refused calls by one identity within minutes.
Someone holding credentials they do not know tries call after call to learn
what the credentials may do; software missing one permission fails on the
same call over and over instead. So a burst counts only when the refusals
spread out:
- at least 10 refused calls within 10 minutes, and
- at least 3 different APIs, or at least 10 different requests (the same
  API against many targets, as when every instance's password or user data
  is tried in turn).
A retry loop (one API, the same request) never qualifies, nor do a few
refusals of a person finding their way: they seldom reach 10 in 10 minutes.
Panther's IAM-user rule alerts at 15 refusals in 10 minutes of any kind;
counting breadth lets the threshold be lower without catching retries.

Console sessions are left out (console pages make refused reads of their
own), as are AWS services and calls a service made for the principal.
*/

const id = 'access-denied-burst';
const span = 10 * 60 * 1000;
const minCalls = 10;
const minApis = 3;
const minRequests = 10;

const why =
	'AWS refused many calls by this identity within minutes, spread over different APIs or targets. Someone holding credentials they do not know tries one call after another to learn what the credentials may do. Software that lacks one permission fails on the same call again and again instead, and is not counted; nor are console pages, which make refused reads of their own. Common false alarms: a new tool or script run with too few permissions, or an audit tool.';

/** A request as a value: the API and its parameters, keys sorted. */
function requestOf(event: TrailEvent): string {
	const parameters = recordField(event, 'requestParameters');
	const text = JSON.stringify(parameters ?? null, (_key, value: unknown) =>
		value !== null && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(
					Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
						a < b ? -1 : a > b ? 1 : 0,
					),
				)
			: value,
	);
	return `${apiOf(event)} ${text.slice(0, 2000)}`;
}

interface Burst {
	events: TrailEvent[];
	severity: Severity;
	lines: string[];
}

function describeBurst(events: TrailEvent[], context: RuleContext): Burst {
	const first = events[0]!;
	const {apis, services} = breadth(events);
	const requests = new Set(events.map(requestOf)).size;
	const addresses = addressesOf(events);
	const lines = [
		`AWS refused ${count(events.length, 'call')} by ${subjectOf(first)} ` +
			`${spanText(events)}: ${count(apis.length, 'API')} in ` +
			`${count(services.length, 'service')} (${listSome(apis)}), ` +
			`${count(requests, 'different request')}.`,
	];
	if (addresses.length > 0) {
		lines.push(`The refused calls came from ${listSome(addresses, 3)}.`);
	}

	const offensive = events
		.map((e) => attackToolOf(e, context))
		.find((o) => o !== undefined);
	if (offensive) {
		lines.push(`Their user agent names ${offensiveLabel(offensive)}.`);
	}

	const workload = context.workload(first);
	const severity: Severity =
		services.length >= 3 || offensive !== undefined || workload !== undefined
			? 'high'
			: 'medium';
	return {events, severity, lines};
}

function findAll(
	events: readonly TrailEvent[],
	context: RuleContext,
): Map<TrailEvent, Burst> {
	const found = new Map<TrailEvent, Burst>();
	const lists = byIdentity(
		events,
		(e) => e.outcome === 'denied' && !madeByAwsOrConsole(e, context),
	);
	for (const list of lists.values()) {
		const bursts = findBursts(list, {
			span,
			tags: (e) => [`api:${apiOf(e)}`, `req:${requestOf(e)}`],
			qualifies: (calls, distinct) =>
				calls >= minCalls &&
				(distinct('api') >= minApis || distinct('req') >= minRequests),
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
			`List every call of this key, refused or not: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	const name = identityName(event);
	if (/^[\w.@+=,-]+$/.test(name)) {
		next.push(
			`Read the refusals in order in trailtui: type f and denied principal~${name}`,
		);
	}

	if (roleName) {
		next.push(
			`See what the role may do: aws iam list-attached-role-policies --role-name ${shellWord(roleName)}`,
		);
	} else if (userName) {
		const user = shellWord(userName);
		next.push(
			`See what the user may do: aws iam list-attached-user-policies --user-name ${user}`,
		);
		if (accessKeyId?.startsWith('AKIA') === true) {
			next.push(
				`If the owner did not do this, switch the key off: aws iam update-access-key --user-name ${user} --access-key-id ${shellWord(accessKeyId)} --status Inactive`,
			);
		}
	}

	next.push(
		'Look at what succeeded around the burst: probing stops when a call works.',
	);
	return next;
}

export const accessDeniedBurst: FlagRule = {
	id,
	title: 'Burst of refused calls: probing permissions',
	severity: 'medium',
	attack: ['T1580', 'T1526', 'T1078.004'],
	check(event, context) {
		if (event.outcome !== 'denied') {
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
			detail: `, refused with ${event.errorCode ?? 'an access error'}`,
		});
	},
};
