import type {TrailEvent} from '../../core/types.js';
import {clock, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {BurstSpec} from './bursts.js';
import {
	burstCandidate,
	burstRule,
	burstIdentity,
	burstLine,
	targetsText,
} from './burst-flags.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {
	eventIndex,
	field,
	items,
	requestOf,
	textField,
} from './request-fields.js';

/**
EC2 user data, the script an instance runs at boot: read in bulk, or
changed. People paste passwords and keys into user data, so reading it for
many instances in a row is a way to harvest secrets (Stratus Red Team's
"retrieve EC2 user data"); changing it makes the instance run someone
else's script as root at its next start, a quiet way to execute code and
persist.

Bulk reads: `DescribeInstanceAttribute` with `attribute: userData` for at
least five distinct instances, each call within five minutes of the last
(high from ten). Infrastructure code reading back one instance it manages,
and console sessions, do not count. Any change of user data is flagged.
*/

const whyRead =
	'One identity read the user data of many EC2 instances within minutes. User data is the script an instance runs when it boots, and people often leave passwords, keys or tokens in it. Reading it for one instance is routine; reading it for many is someone collecting whatever secrets those scripts hold. Common false alarms: an inventory or audit tool.';

const whyChange =
	"An EC2 instance's user data was changed. User data is the script the instance runs as root when it boots. Its next start runs whatever was put there: a way to run code on the machine and stay there without logging in. It usually comes with the instance being stopped and started. Common false alarms: a deployment updating its boot script, usually through a launch template or infrastructure code.";

const readSpec: BurstSpec = {
	id: 'user-data-bulk-read',
	matches: (event) =>
		event.eventSource === 'ec2.amazonaws.com' &&
		event.eventName === 'DescribeInstanceAttribute' &&
		textField(requestOf(event), 'attribute') === 'userData' &&
		burstCandidate(event),
	identity: burstIdentity,
	targets: (event) => {
		const id = textField(requestOf(event), 'instanceId');
		return id ? [id] : [];
	},
	gapMs: 5 * 60 * 1000,
	minItems: 5,
};

export const userDataBulkRead = burstRule({
	id: 'user-data-bulk-read',
	title: "Many instances' user data read",
	severity: 'medium',
	attack: ['T1552.005', 'T1580'],
	spec: readSpec,
	why: whyRead,
	normal:
		'Normal is user data read for one instance at a time, by whoever manages it.',
	evidence: (burst) => [
		burstLine(burst, 'read the user data of', 'instance'),
		`They include ${targetsText(burst)}.`,
	],
	next(burst) {
		const first = burst.first;
		return [
			`Read what the scripts hold, instance by instance: aws ec2 describe-instance-attribute --attribute userData --instance-id ${shellWord(burst.targets[0] ?? '')} --query UserData.Value --output text${regionOption(first)} | base64 --decode`,
			'Rotate any password, key or token found in those scripts, if the calls succeeded.',
			...callerNext(first),
		];
	},
});

/** The instance's StartInstances after the change, if logged. */
function restartLine(
	event: TrailEvent,
	events: readonly TrailEvent[],
	instance: string,
): string | undefined {
	const starts = eventIndex(events, 'instance-starts', (e) =>
		e.eventName === 'StartInstances'
			? items(field(requestOf(e), 'instancesSet'))
					.map((i) => textField(i, 'instanceId'))
					.filter((id): id is string => id !== undefined)
			: [],
	);
	const start = starts.get(instance)?.find((e) => e.seq > event.seq);
	return start
		? `The instance was started again at ${clock(start.time, event.time)} by ${start.principal.label}: the new script ran then.`
		: undefined;
}

export const userDataModified: FlagRule = {
	id: 'user-data-modified',
	title: "An instance's user data was changed",
	severity: 'high',
	attack: ['T1059.009', 'T1098'],
	check(event, context) {
		if (
			event.eventSource !== 'ec2.amazonaws.com' ||
			event.eventName !== 'ModifyInstanceAttribute'
		) {
			return undefined;
		}

		const request = requestOf(event);
		const changed =
			field(request, 'userData') !== undefined ||
			textField(request, 'attribute') === 'userData';
		const instance = textField(request, 'instanceId');
		if (!changed || !instance) {
			return undefined;
		}

		const judgement = judgeChange(event, context, this.severity);
		if (!judgement) {
			return undefined;
		}

		const restart = restartLine(event, context.events, instance);
		const id = shellWord(instance);
		const region = regionOption(event);
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why: whyChange,
			evidence: [
				`${callLine(event)}: it replaced the user data of ${instance}.`,
				'CloudTrail does not keep the new script; read it from the instance.',
				...(restart ? [restart] : []),
				...judgement.notes,
			],
			normal: [
				'Normal is user data set once when an instance is launched, through a launch template or infrastructure code.',
				...normalLines(event, context),
			],
			next: [
				`Read the script now: aws ec2 describe-instance-attribute --attribute userData --instance-id ${id} --query UserData.Value --output text${region} | base64 --decode`,
				`See whether the instance was restarted since: aws ec2 describe-instances --instance-ids ${id} --query 'Reservations[].Instances[].[State.Name,LaunchTime]'${region}`,
				...callerNext(event),
			],
		};
	},
};
