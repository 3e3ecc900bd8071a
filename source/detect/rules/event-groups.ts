import type {Flag, Severity, TrailEvent} from '../../core/types.js';
import {apiOf, countedAddress} from '../baselines.js';
import {addressWithPlace, clock, eventClock} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';

/**
Helpers for the flags that concern a group of events rather than one: a
burst of listings, a run of refused calls, one key at several addresses, a
password spray. Such a flag is raised on every event of the group with the
same first evidence line, so that the triage view can fold the group into
one finding. The groups are found once per loaded event list and cached,
because every rule is asked about every event.
*/

const caches = new WeakMap<readonly TrailEvent[], Map<string, unknown>>();

/**
A value computed once per loaded event list and name: the event list is the
same array for every rule call of one `detect()`, so it keys the cache.
*/
export function memo<T>(
	name: string,
	events: readonly TrailEvent[],
	build: () => T,
): T {
	let byName = caches.get(events);
	if (!byName) {
		byName = new Map();
		caches.set(events, byName);
	}

	if (!byName.has(name)) {
		byName.set(name, build());
	}

	return byName.get(name) as T;
}

/**
The group of an event, for a rule whose groups `build` finds in one pass
over all events (it returns the group of each event that has one).
*/
export function groupOf<G>(
	rule: string,
	events: readonly TrailEvent[],
	event: TrailEvent,
	build: (events: readonly TrailEvent[]) => Map<TrailEvent, G>,
): G | undefined {
	return memo(rule, events, () => build(events)).get(event);
}

/**
The identity a burst is counted for: the principal (a role, a user), else
the access key, else nothing. A role shared by many machines is one
identity here; its machines repeat the same few calls, so they do not add
up to breadth.
*/
export function burstIdentity(event: TrailEvent): string | undefined {
	const {baselineKey, accessKeyId} = event.principal;
	if (baselineKey) {
		return baselineKey;
	}

	return accessKeyId ? `key:${accessKeyId}` : undefined;
}

/**
Calls made by AWS rather than by a person or their software: an AWS
service, a service acting for the principal (`invokedBy`), AWS-internal
sources and agents, and console sessions (the console makes many reads and
refused reads of its own whenever a page opens).
*/
export function madeByAwsOrConsole(
	event: TrailEvent,
	context: RuleContext,
): boolean {
	const agent = context.agent(event);
	return (
		event.principal.type === 'AWSService' ||
		event.principal.invokedBy !== undefined ||
		event.source.kind === 'aws-service' ||
		event.source.kind === 'aws-internal' ||
		event.console ||
		agent?.awsService === true ||
		agent?.family === 'console'
	);
}

/** Events of one identity, in time order, by identity. */
export function byIdentity(
	events: readonly TrailEvent[],
	keep: (event: TrailEvent) => boolean,
	identity: (event: TrailEvent) => string | undefined = burstIdentity,
): Map<string, TrailEvent[]> {
	const found = new Map<string, TrailEvent[]>();
	for (const event of events) {
		const key = identity(event);
		if (key === undefined || !Number.isFinite(event.time) || !keep(event)) {
			continue;
		}

		let list = found.get(key);
		if (!list) {
			list = [];
			found.set(key, list);
		}

		list.push(event);
	}

	return found;
}

/**
Distinct values within a sliding window, kept up to date as events enter
and leave it, so a burst search costs one pass whatever the window holds.
A value is `kind:text`; distinct values are counted per kind.
*/
class WindowCounts {
	private readonly counts = new Map<string, number>();
	private readonly kinds = new Map<string, number>();

	distinct(kind: string): number {
		return this.kinds.get(kind) ?? 0;
	}

	add(values: readonly string[]): void {
		for (const value of values) {
			const n = this.counts.get(value) ?? 0;
			this.counts.set(value, n + 1);
			if (n === 0) {
				this.bump(value, 1);
			}
		}
	}

	remove(values: readonly string[]): void {
		for (const value of values) {
			const n = this.counts.get(value) ?? 0;
			if (n <= 1) {
				this.counts.delete(value);
				this.bump(value, -1);
			} else {
				this.counts.set(value, n - 1);
			}
		}
	}

	private bump(value: string, by: number): void {
		const kind = value.slice(0, value.indexOf(':'));
		this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + by);
	}
}

export interface WindowRule {
	/** The window's length in milliseconds. */
	span: number;
	/** What an event counts as, `kind:value` (e.g. `api:ec2:DescribeVpcs`). */
	tags(event: TrailEvent): readonly string[];
	/** Whether a window of `calls` events is a burst; `distinct(kind)` counts values. */
	qualifies(calls: number, distinct: (kind: string) => number): boolean;
}

/**
Bursts in one identity's events (time order): every window of `span` that
qualifies marks its events, and overlapping windows merge into one burst.
An event outside every qualifying window belongs to no burst.
*/
export function findBursts(
	list: readonly TrailEvent[],
	rule: WindowRule,
): TrailEvent[][] {
	const bursts: TrailEvent[][] = [];
	const tags = list.map((event) => rule.tags(event));
	const counts = new WindowCounts();
	const distinct = (kind: string) => counts.distinct(kind);
	let end = 0;
	let burstStart = -1;
	let burstEnd = -1;
	for (let start = 0; start < list.length; start++) {
		const from = list[start]!.time;
		while (end < list.length && list[end]!.time - from <= rule.span) {
			counts.add(tags[end]!);
			end++;
		}

		if (rule.qualifies(end - start, distinct)) {
			if (burstStart >= 0 && start <= burstEnd) {
				burstEnd = end - 1;
			} else {
				if (burstStart >= 0) {
					bursts.push(list.slice(burstStart, burstEnd + 1));
				}

				burstStart = start;
				burstEnd = end - 1;
			}
		}

		counts.remove(tags[start]!);
	}

	if (burstStart >= 0) {
		bursts.push(list.slice(burstStart, burstEnd + 1));
	}

	return bursts;
}

/** Distinct APIs (`ec2:DescribeInstances`) and services of a group. */
export function breadth(events: readonly TrailEvent[]): {
	apis: string[];
	services: string[];
} {
	const apis = new Set<string>();
	const services = new Set<string>();
	for (const event of events) {
		apis.add(apiOf(event));
		services.add(event.eventSource.replace(/\.amazonaws\.com$/, ''));
	}

	return {apis: [...apis], services: [...services]};
}

/** `from 10:00:05 to 10:07:40 (7 minutes 35 seconds)`, for group lines. */
export function spanText(events: readonly TrailEvent[]): string {
	const first = events[0]?.time ?? NaN;
	const last = events.at(-1)?.time ?? NaN;
	const seconds = Math.round((last - first) / 1000);
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const length =
		minutes === 0
			? `${seconds} s`
			: rest === 0
				? `${minutes} min`
				: `${minutes} min ${rest} s`;
	return `from ${clock(first)} to ${clock(last, first)} (${length})`;
}

/** `a, b, c and 4 more`, keeping the first `shown` items. */
export function listSome(items: readonly string[], shown = 4): string {
	const head = items.slice(0, shown);
	const more = items.length - head.length;
	if (more > 0) {
		return `${head.join(', ')} and ${more} more`;
	}

	if (head.length <= 1) {
		return head[0] ?? '';
	}

	return `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}

/**
Infrastructure-as-code tools, by their agent: they read every resource they
manage before each plan, so a run looks like a burst of listings. Group 1
names the tool.
*/
const infrastructureTools =
	/\b(Terraform|OpenTofu|Pulumi|aws-cdk|CloudFormation)\b/i;

/** The infrastructure-as-code tool an agent names, or undefined. */
export function infrastructureTool(ua: string | undefined): string | undefined {
	return ua === undefined ? undefined : infrastructureTools.exec(ua)?.[1];
}

/** Distinct caller addresses of a group with their place, first seen first. */
export function addressesOf(events: readonly TrailEvent[]): string[] {
	const seen = new Map<string, string>();
	for (const event of events) {
		const address = countedAddress(event.source);
		if (address !== undefined && !seen.has(address)) {
			seen.set(address, addressWithPlace(event.source));
		}
	}

	return [...seen.values()];
}

/** The principal's name, or `the key …` when only the key is known. */
export function subjectOf(event: TrailEvent): string {
	const {baselineKey, accessKeyId} = event.principal;
	return !baselineKey && accessKeyId
		? `the key ${accessKeyId}`
		: identityName(event);
}

/**
A time in a group's lines, the same for every event of the group: the
group's first time with its date, the others as a clock on that day.
*/
export function groupClock(time: number, group: readonly TrailEvent[]): string {
	const start = group[0]?.time;
	return time === start ? clock(time) : clock(time, start);
}

/** What a group flag says beyond the group's shared lines. */
export interface GroupFlagParts {
	why: string;
	group: {severity: Severity; lines: readonly string[]};
	next: string[];
	/** Appended to the call line, e.g. `, refused with AccessDenied`. */
	detail?: string;
}

/**
The flag of one event of a group: the group's lines, word for word the same
on every event, then one line on this call.
*/
export function groupFlag(
	rule: Pick<FlagRule, 'id' | 'title'>,
	event: TrailEvent,
	context: RuleContext,
	parts: GroupFlagParts,
): Flag {
	return {
		id: rule.id,
		severity: parts.group.severity,
		title: rule.title,
		why: parts.why,
		evidence: [
			...parts.group.lines,
			`This call: ${event.eventName} at ${eventClock(event)} from ` +
				`${addressWithPlace(event.source)}${parts.detail ?? ''}.`,
		],
		normal: normalLines(event, context),
		next: parts.next,
	};
}
