import type {TrailEvent} from '../../core/types.js';
import {clock, count} from '../describe.js';
import {recordField} from '../../core/record-field.js';

/**
Where each account works. Intruders like regions nobody watches: they start
miners or hide resources in a region the owners never open. The logs show
an account's usual regions; a region whose first call comes only after the
account has long been at work elsewhere, and which stays a small part of
its activity, is a region the account does not use.

Global services are left out: IAM, STS's global endpoint, Organizations,
CloudFront, Route 53 and a few others log every call in us-east-1 whatever
the caller's region, so they say nothing about where the account works. AWS
services calling for themselves are left out too.
*/

const globalSources = new Set(
	[
		'iam',
		'sts',
		'organizations',
		'cloudfront',
		'route53',
		'route53domains',
		'globalaccelerator',
		'support',
		'health',
		'account',
		'billing',
		'billingconsole',
		'ce',
		'cur',
		'signin',
		'sso',
		'sso-directory',
		'identitystore',
		'shield',
		'waf',
		'trustedadvisor',
		'notifications',
		'resource-explorer-2',
		'servicequotas',
		'tagging',
		'uxc',
	].map((s) => `${s}.amazonaws.com`),
);

export function isGlobalService(eventSource: string): boolean {
	return globalSources.has(eventSource);
}

/** Calls before the first call in a region for it to count as late. */
const settledAfter = 50;
/** Largest share of the account's calls a region may hold and be unused. */
const unusedShare = 0.05;

export interface RegionRecord {
	calls: number;
	first: TrailEvent;
	/** The account's regional calls before the region's first call. */
	callsBefore: number;
}

interface AccountRegions {
	total: number;
	regions: Map<string, RegionRecord>;
}

const cache = new WeakMap<readonly TrailEvent[], Map<string, AccountRegions>>();

/** The account whose activity an event is part of. */
export function accountOf(event: TrailEvent): string | undefined {
	const recipient = recordField(event, 'recipientAccountId');
	return typeof recipient === 'string' && recipient !== ''
		? recipient
		: event.principal.accountId;
}

function counts(event: TrailEvent): boolean {
	return (
		/^[a-z]{2}(-[a-z]+)+-\d+$/.test(event.region) &&
		!isGlobalService(event.eventSource) &&
		event.principal.type !== 'AWSService' &&
		event.source.kind !== 'aws-service'
	);
}

function usage(events: readonly TrailEvent[]): Map<string, AccountRegions> {
	let found = cache.get(events);
	if (found) {
		return found;
	}

	found = new Map();
	for (const event of events) {
		const account = accountOf(event);
		if (!account || !counts(event)) {
			continue;
		}

		let entry = found.get(account);
		if (!entry) {
			entry = {total: 0, regions: new Map()};
			found.set(account, entry);
		}

		const record = entry.regions.get(event.region);
		if (record) {
			record.calls++;
		} else {
			entry.regions.set(event.region, {
				calls: 1,
				first: event,
				callsBefore: entry.total,
			});
		}

		entry.total++;
	}

	cache.set(events, found);
	return found;
}

export interface UnusedRegion {
	region: string;
	record: RegionRecord;
	/** The account's busiest regions, with their calls. */
	usual: Array<[string, number]>;
	total: number;
}

/**
The event's region when the account does not use it: first touched after
`settledAfter` calls elsewhere, and under `unusedShare` of the account's
calls. Undefined for global services and usual regions.
*/
export function unusedRegionOf(
	event: TrailEvent,
	events: readonly TrailEvent[],
): UnusedRegion | undefined {
	const account = accountOf(event);
	if (!account || !counts(event)) {
		return undefined;
	}

	const entry = usage(events).get(account);
	const record = entry?.regions.get(event.region);
	if (
		!entry ||
		!record ||
		record.callsBefore < settledAfter ||
		record.calls >= entry.total * unusedShare
	) {
		return undefined;
	}

	const usual = [...entry.regions.entries()]
		.filter(([region]) => region !== event.region)
		.map(([region, r]): [string, number] => [region, r.calls])
		.sort((a, b) => b[1] - a[1]);
	return {region: event.region, record, usual, total: entry.total};
}

/**
The evidence sentences on an unused region: the same for every event there
when given the same reference time (times on its day are written short).
*/
export function unusedRegionLines(
	found: UnusedRegion,
	reference: number,
): string[] {
	const usual = found.usual
		.slice(0, 3)
		.map(([region, calls]) => `${region} (${count(calls, 'call')})`)
		.join(', ');
	const first = found.record.first;
	return [
		`The account's calls in the loaded logs are in ${usual}; ` +
			`${found.region} holds ${count(found.record.calls, 'call')} of ${found.total}.`,
		`Its first call in ${found.region} was ${first.eventName} at ` +
			`${clock(first.time, reference)} by ${first.principal.label}, after ` +
			`${count(found.record.callsBefore, 'call')} elsewhere.`,
	];
}

/** Calls that change something: `readOnly: false`, or a name that writes. */
export function isWriteCall(event: TrailEvent): boolean {
	const readOnly = recordField(event, 'readOnly');
	if (readOnly === true || readOnly === 'true') {
		return false;
	}

	if (readOnly === false || readOnly === 'false') {
		return true;
	}

	return !/^(?:Get|List|Describe|Head|Lookup|Search|Check|BatchGet|Select|Scan|Query|Filter|Test|Validate|Estimate|Preview|Simulate|Generate|Decrypt|Encrypt|Verify|AssumeRole|ConsoleLogin)/.test(
		event.eventName,
	);
}
