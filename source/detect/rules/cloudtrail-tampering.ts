import type {Severity, TrailEvent} from '../../core/types.js';
import {clock, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {
	callLine,
	callerNext,
	judgeChange,
	listText,
	lookupByResourceCommand,
} from './change-common.js';
import {field, requestOf, textField} from './request-fields.js';
import {
	bucketBefore,
	logDestinations,
	trailName,
	type LogDestinations,
} from './log-destinations.js';
import {selectorCuts, updateCuts} from './trail-cuts.js';

/**
CloudTrail tampering: stopping a trail, deleting it, pointing it elsewhere or
making it record less. CloudTrail is the record this tool reads; an intruder
who turns it down blinds everyone who comes after, so this is among the
first things to look for and the last an administrator does casually.

What counts:
- StopLogging and DeleteTrail, always;
- UpdateTrail when it weakens the trail: a new bucket, single-region, no
  global services, no log file validation, no encryption, no CloudWatch;
- PutEventSelectors that drop management events, drop writes or reads, or
  exclude event sources (compared on the request's own selectors);
- PutInsightSelectors with no selectors (Insights off, low);
- CloudTrail Lake event data stores deleted or stopped.
A refused or failed attempt is still flagged, one step lower: Panther drops
it, but someone tried to blind the account, and the next attempt may work.
Infrastructure code tearing down a trail it made is low.
*/

interface Tampering {
	severity: Severity;
	title: string;
	/** What the call does to the logging, completing "It …". */
	effects: string[];
}

const why =
	'CloudTrail, the record of every call in the account, was stopped, deleted or set to record less. It is how anyone finds out what happened, so intruders turn it down early, before the part they want hidden. Common false alarms: the team that owns logging replacing a trail, usually through reviewed code. Nobody touches a working trail in a hurry.';

function trailOf(event: TrailEvent): string | undefined {
	const request = requestOf(event);
	const name = textField(request, 'name') ?? textField(request, 'trailName');
	return name ? trailName(name) : undefined;
}

function tamperingOf(
	event: TrailEvent,
	destinations: LogDestinations,
): Tampering | undefined {
	switch (event.eventName) {
		case 'StopLogging': {
			return {
				severity: 'high',
				title: 'CloudTrail logging stopped',
				effects: ['stops the trail: nothing it covered is recorded any more'],
			};
		}

		case 'DeleteTrail': {
			return {
				severity: 'high',
				title: 'CloudTrail trail deleted',
				effects: ['deletes the trail: nothing it covered is recorded any more'],
			};
		}

		case 'UpdateTrail': {
			const cuts = updateCuts(
				requestOf(event),
				bucketBefore(destinations.trails.get(trailOf(event) ?? ''), event),
			);
			return cuts ? {...cuts, title: 'CloudTrail trail weakened'} : undefined;
		}

		case 'PutEventSelectors': {
			const cuts = selectorCuts(requestOf(event));
			return cuts
				? {
						severity: cuts.severity,
						title: 'CloudTrail event selectors cut down',
						effects: cuts.effects,
					}
				: undefined;
		}

		case 'PutInsightSelectors': {
			const selectors = field(requestOf(event), 'insightSelectors');
			return Array.isArray(selectors) && selectors.length === 0
				? {
						severity: 'low',
						title: 'CloudTrail Insights turned off',
						effects: [
							'turns off CloudTrail Insights, which notices unusual call volumes',
						],
					}
				: undefined;
		}

		case 'DeleteEventDataStore':
		case 'StopEventDataStoreIngestion': {
			return {
				severity: 'medium',
				title: 'CloudTrail Lake event data store stopped or deleted',
				effects: [
					'stops or deletes a CloudTrail Lake event data store, where events are kept for queries',
				],
			};
		}

		default: {
			return undefined;
		}
	}
}

function createdLine(
	event: TrailEvent,
	name: string,
	destinations: LogDestinations,
): string | undefined {
	const created = destinations.trails.get(name)?.created;
	if (!created || created.seq >= event.seq) {
		return undefined;
	}

	const same = created.principal.label === event.principal.label;
	return (
		`The trail ${name} was created at ${clock(created.time, event.time)} by ` +
		`${created.principal.label}${same ? ', the same identity' : ''}.`
	);
}

function trailSteps(
	event: TrailEvent,
	trail: string,
	bucket: string | undefined,
): string[] {
	const region = regionOption(event);
	const status = `Check whether the trail records: aws cloudtrail get-trail-status --name ${trail}${region}`;
	switch (event.eventName) {
		case 'StopLogging': {
			return [
				status,
				`If nobody meant this, restart it: aws cloudtrail start-logging --name ${trail}${region}`,
			];
		}

		case 'DeleteTrail': {
			const recreate = bucket
				? `If nobody meant this, recreate it and start it: aws cloudtrail create-trail --name ${trail} --s3-bucket-name ${shellWord(bucket)} --is-multi-region-trail${region} && aws cloudtrail start-logging --name ${trail}${region}`
				: `If nobody meant this, recreate it with its old bucket (put the bucket's name for BUCKET) and start it: aws cloudtrail create-trail --name ${trail} --s3-bucket-name BUCKET --is-multi-region-trail${region} && aws cloudtrail start-logging --name ${trail}${region}`;
			return [status, recreate];
		}

		case 'PutEventSelectors': {
			return [
				`See what it records now: aws cloudtrail get-event-selectors --trail-name ${trail}${region}`,
				'If nobody meant this, record everything again: aws cloudtrail put-event-selectors --trail-name ' +
					`${trail} --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'${region}`,
			];
		}

		default: {
			return [
				status,
				`See its settings now: aws cloudtrail describe-trails --trail-name-list ${trail}${region}`,
			];
		}
	}
}

function nextSteps(
	event: TrailEvent,
	name: string | undefined,
	destinations: LogDestinations,
): string[] {
	const next = name
		? [
				...trailSteps(
					event,
					shellWord(name),
					bucketBefore(destinations.trails.get(name), event),
				),
				`See every call on the trail: ${lookupByResourceCommand(name, event)}`,
			]
		: [];
	next.push(
		`List the trails and where they write: aws cloudtrail describe-trails${regionOption(event)}`,
		...callerNext(event),
	);
	return next;
}

export const cloudtrailTampering: FlagRule = {
	id: 'cloudtrail-tampering',
	title: 'CloudTrail stopped, deleted or cut down',
	severity: 'high',
	attack: ['T1562.008'],
	check(event, context) {
		if (event.eventSource !== 'cloudtrail.amazonaws.com') {
			return undefined;
		}

		const destinations = logDestinations(context.events);
		const tampering = tamperingOf(event, destinations);
		if (!tampering) {
			return undefined;
		}

		const judgement = judgeChange(event, context, tampering.severity);
		if (!judgement) {
			return undefined;
		}

		const name = trailOf(event);
		const evidence = [
			`${callLine(event)}${name ? `, on the trail ${name}` : ''}.`,
			`It ${listText(tampering.effects, 6)}.`,
		];
		const created = name ? createdLine(event, name, destinations) : undefined;
		if (created) {
			evidence.push(created);
		}

		evidence.push(...judgement.notes);
		return {
			id: this.id,
			severity: judgement.severity,
			title: tampering.title,
			why,
			evidence,
			normal: [
				'Normal is a trail that runs untouched for months: changes come from whoever owns the logging, through reviewed code.',
				...normalLines(event, context),
			],
			next: nextSteps(event, name, destinations),
		};
	},
};
