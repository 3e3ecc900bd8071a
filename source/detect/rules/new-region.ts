import type {Severity, TrailEvent} from '../../core/types.js';
import {count, lookupByKeyCommand} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {
	groupFlag,
	groupClock,
	groupOf,
	listSome,
	madeByAwsOrConsole,
} from './event-groups.js';
import {recordField} from '../../core/record-field.js';

/**
A principal working in a region it never used before. The address half of
"new place" is `new-source-address` (it already compares networks, the /24
or /48 around an address); this flag is the region half.

"Never used before" needs a before: the principal must have made at least
10 regional calls, over at least 15 minutes, in other regions. A tool run
that spans regions touches them within its first minutes and stays quiet;
an identity that worked in one region for a quarter of an hour and then
turns to another has changed what it does. The flag is raised on its calls
in the new region during the hour after the first one, with the same
wording, so that they read as one finding.

Left out: global services, whose calls are logged in us-east-1 (or any
region) whatever the caller does (IAM, STS, Organizations, CloudFront,
Route 53, support and billing), S3's bucket listing and region lookup,
the region listings themselves (DescribeRegions, ListRegions), console
sessions (the console queries other regions by itself, as in EC2's global
view) and calls AWS made. Medium when something was changed there or no
other identity used the region in the loaded logs; low otherwise.
*/

const id = 'new-region';
const minCalls = 10;
const minSpan = 15 * 60 * 1000;
const groupSpan = 60 * 60 * 1000;

const globalServices = new Set([
	'iam',
	'sts',
	'organizations',
	'cloudfront',
	'route53',
	'route53domains',
	'support',
	'health',
	'budgets',
	'ce',
	'cur',
	'billingconsole',
	'billing',
	'account',
	'signin',
	'shield',
	'waf',
	'globalaccelerator',
	'trustedadvisor',
	'pricing',
	'artifact',
	'notifications',
	'tax',
	'freetier',
	'payments',
	'invoicing',
]);

const globalCalls = new Set([
	's3:ListBuckets',
	's3:ListAllMyBuckets',
	's3:GetBucketLocation',
	'ec2:DescribeRegions',
	'account:ListRegions',
	'account:GetRegionOptStatus',
]);

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** True for a call whose region says where the caller works. */
function regional(event: TrailEvent): boolean {
	const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
	return (
		regionPattern.test(event.region) &&
		!globalServices.has(service) &&
		!globalCalls.has(`${service}:${event.eventName}`)
	);
}

const why =
	'This identity worked in a region it never used before. People and software usually stay in the same few regions. Intruders go to regions nobody watches, to start machines for cryptocurrency mining or to set up resources unseen. Global services such as IAM and STS (which issues temporary keys) are left out: they are logged in us-east-1 wherever the caller works. Common false alarms: a new project, or a tool that checks every region.';

interface RegionGroup {
	severity: Severity;
	lines: string[];
}

function isChange(event: TrailEvent): boolean {
	const readOnly = recordField(event, 'readOnly');
	return (
		readOnly === false ||
		(readOnly === undefined &&
			!/^(?:List|Describe|Get|Head)/.test(event.eventName))
	);
}

function describeGroup(
	events: TrailEvent[],
	before: Map<string, number>,
	since: TrailEvent,
	otherUsers: boolean,
): RegionGroup {
	const first = events[0]!;
	const name = identityName(first);
	const earlier = [...before.values()].reduce((sum, n) => sum + n, 0);
	const until =
		events.length > 1
			? ` until ${groupClock(events.at(-1)!.time, events)}`
			: '';
	const lines = [
		`${name} worked in ${first.region} for the first time at ` +
			`${groupClock(first.time, events)}: ${count(events.length, 'call')} there${until}. ` +
			`Before that it had used only ${listSome([...before.keys()])} ` +
			`(${count(earlier, 'call')} since ${groupClock(since.time, events)}).`,
	];
	const changes = [...new Set(events.filter(isChange).map((e) => e.eventName))];
	if (changes.length > 0) {
		lines.push(`Some of them change things there: ${listSome(changes)}.`);
	}

	if (!otherUsers) {
		lines.push(`No other identity used ${first.region} in the loaded logs.`);
	}

	return {
		severity: changes.length > 0 || !otherUsers ? 'medium' : 'low',
		lines,
	};
}

function findAll(
	events: readonly TrailEvent[],
	context: RuleContext,
): Map<TrailEvent, RegionGroup> {
	const candidates = events.filter(
		(e) =>
			e.principal.baselineKey !== undefined &&
			Number.isFinite(e.time) &&
			regional(e) &&
			!madeByAwsOrConsole(e, context),
	);
	const usersByRegion = new Map<string, Set<string>>();
	for (const event of candidates) {
		const users = usersByRegion.get(event.region) ?? new Set();
		users.add(event.principal.baselineKey!);
		usersByRegion.set(event.region, users);
	}

	const found = new Map<TrailEvent, RegionGroup>();
	const perPrincipal = new Map<string, TrailEvent[]>();
	for (const event of candidates) {
		const list = perPrincipal.get(event.principal.baselineKey!) ?? [];
		list.push(event);
		perPrincipal.set(event.principal.baselineKey!, list);
	}

	for (const list of perPrincipal.values()) {
		const seen = new Map<string, number>();
		for (const [index, event] of list.entries()) {
			// Every earlier call of the list was in a region already seen.
			if (
				!seen.has(event.region) &&
				index >= minCalls &&
				event.time - list[0]!.time >= minSpan
			) {
				const group = list
					.slice(index)
					.filter(
						(e) =>
							e.region === event.region && e.time - event.time <= groupSpan,
					);
				const others = (usersByRegion.get(event.region)?.size ?? 0) > 1;
				const described = describeGroup(group, new Map(seen), list[0]!, others);
				for (const member of group) {
					found.set(member, described);
				}
			}

			seen.set(event.region, (seen.get(event.region) ?? 0) + 1);
		}
	}

	return found;
}

export const newRegion: FlagRule = {
	id,
	title: 'Working in a region never used before',
	severity: 'low',
	attack: ['T1535', 'T1078.004'],
	check(event, context) {
		// With --baseline-until, the learning window's regions are what is
		// being learned: none of them is new.
		if (!regional(event) || context.learning(event)) {
			return undefined;
		}

		const group = groupOf(id, context.events, event, (events) =>
			findAll(events, context),
		);
		if (!group) {
			return undefined;
		}

		const next: string[] = [];
		const key = event.principal.accessKeyId;
		if (key) {
			next.push(
				`See what this key did in ${event.region}: ${lookupByKeyCommand(key, event)}`,
			);
		}

		next.push(
			`See what runs there: aws ec2 describe-instances --region ${event.region} ` +
				"--query 'Reservations[].Instances[].[InstanceId,InstanceType,LaunchTime]'",
			'If the account has no business in this region, deny it with a service ' +
				"control policy (an organisation's rule that no one in the account can " +
				'override) on aws:RequestedRegion.',
		);
		return groupFlag(this, event, context, {why, group: group, next: next});
	},
};
