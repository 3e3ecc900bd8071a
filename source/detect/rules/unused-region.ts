import type {TrailEvent} from '../../core/types.js';
import {clock, count, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange, listText} from './change-common.js';
import {requestOf, textField} from './request-fields.js';
import {
	accountOf,
	isWriteCall,
	unusedRegionLines,
	unusedRegionOf,
} from './region-usage.js';

/**
An unused region enabled or written to. Regions that nobody in the company
opens are where intruders start miners and hide resources: nobody looks at
the bill there, and alarms are usually set up only where people work.

Two things raise it:
- EnableRegion: an opt-in region (Cape Town, Hong Kong, Bahrain…) switched
  on for the account;
- a write call in a region the account does not use (see
  `region-usage.ts`: first touched late, and a small share of the calls).
  The flag is the same on every write there, so the region reads as one
  finding. Global services, AWS services and infrastructure code (which
  may deploy to a new region on purpose) are left out.
*/

const why =
	'Something changed in a region the account does not use. Most accounts work in one or two regions. Intruders start cryptocurrency miners or hide resources in the others: owners do not look there, and alarms and budgets often cover only the usual regions. Common false alarms: a new project, or a tool that sets up every region (some security services do).';

const whyEnable =
	'An opt-in region (one that stays off until someone enables it) was enabled for the account. It is a new place where resources can run. Intruders enable regions nobody watches to launch machines there. Common false alarms: a planned move into that region.';

function writesIn(
	region: string,
	account: string,
	events: readonly TrailEvent[],
): TrailEvent[] {
	return events.filter(
		(e) =>
			e.region === region &&
			accountOf(e) === account &&
			isWriteCall(e) &&
			unusedRegionOf(e, events) !== undefined,
	);
}

const cache = new WeakMap<readonly TrailEvent[], Map<string, TrailEvent[]>>();

function cachedWrites(
	region: string,
	account: string,
	events: readonly TrailEvent[],
): TrailEvent[] {
	let byRegion = cache.get(events);
	if (!byRegion) {
		byRegion = new Map();
		cache.set(events, byRegion);
	}

	const key = `${account}\u0000${region}`;
	let writes = byRegion.get(key);
	if (!writes) {
		writes = writesIn(region, account, events);
		byRegion.set(key, writes);
	}

	return writes;
}

function enableRegion(
	rule: FlagRule,
	event: TrailEvent,
	context: Parameters<FlagRule['check']>[1],
) {
	const region =
		textField(requestOf(event), 'RegionName') ??
		textField(requestOf(event), 'regionName');
	const judgement = judgeChange(event, context, 'medium');
	if (!judgement) {
		return undefined;
	}

	const name = region ?? '(a region)';
	return {
		id: rule.id,
		severity: judgement.severity,
		title: 'A region was enabled',
		why: whyEnable,
		evidence: [
			`${callLine(event)}: it enables ${name} for the account.`,
			...judgement.notes,
		],
		normal: [
			'Normal is regions enabled once, when the company decides to work there.',
			...normalLines(event, context),
		],
		next: [
			`See the region's state: aws account get-region-opt-status --region-name ${shellWord(name)}`,
			`See what runs there: aws resourcegroupstaggingapi get-resources --region ${shellWord(name)}`,
			...callerNext(event),
		],
	};
}

export const unusedRegionActivity: FlagRule = {
	id: 'unused-region-activity',
	title: 'Activity in a region the account does not use',
	severity: 'medium',
	attack: ['T1535'],
	check(event, context) {
		// Only the Account Management API has this call; some copies of the
		// record carry another eventSource, so the name alone decides.
		if (event.eventName === 'EnableRegion') {
			return enableRegion(this, event, context);
		}

		const found = isWriteCall(event)
			? unusedRegionOf(event, context.events)
			: undefined;
		const account = accountOf(event);
		if (
			!found ||
			!account ||
			!judgeChange(event, context, this.severity, {skipAutomation: true})
		) {
			return undefined;
		}

		const writes = cachedWrites(found.region, account, context.events);
		const first = writes[0] ?? event;
		const last = writes.at(-1) ?? event;
		const names = [...new Set(writes.map((e) => e.eventName))];
		const who = [...new Set(writes.map((e) => e.principal.label))];
		const span =
			first.time === last.time
				? `at ${clock(first.time)}`
				: `between ${clock(first.time)} and ${clock(last.time, first.time)}`;
		return {
			id: this.id,
			severity: this.severity,
			title: `Changes in ${found.region}, a region the account does not use`,
			why,
			evidence: [
				`${count(writes.length, 'change')} in ${found.region} ${span}, by ${listText(who, 2)}: ${listText(names, 5)}.`,
				...unusedRegionLines(found, first.time),
			],
			normal: normalLines(first, context),
			next: [
				`See what exists there now: aws resourcegroupstaggingapi get-resources${regionOption(first)}`,
				`See the instances there: aws ec2 describe-instances --query 'Reservations[].Instances[].[InstanceId,InstanceType,State.Name,LaunchTime]'${regionOption(first)}`,
				`Read every call there: aws cloudtrail lookup-events --lookup-attributes AttributeKey=ReadOnly,AttributeValue=false${regionOption(first)}`,
				...callerNext(first),
			],
		};
	},
};
