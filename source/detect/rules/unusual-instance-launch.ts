import type {Severity, TrailEvent} from '../../core/types.js';
import {severityRank} from '../../core/types.js';
import {count, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {
	actorOf,
	atMost,
	callLine,
	callerNext,
	lower,
	outcomeLine,
} from './change-common.js';
import {
	field,
	items,
	requestOf,
	responseOf,
	textField,
} from './request-fields.js';
import {unusedRegionLines, unusedRegionOf} from './region-usage.js';

/**
Unusual instance launches: GPU or other accelerated machines, very large
ones, ten or more at once, in a region the account does not use, or by an
established identity that never launched an instance before. Stolen keys
are turned into money by starting cryptocurrency miners on the biggest GPU
machines the quota allows (Stratus Red Team's "launch unusual EC2
instances" asks for ten p2.xlarge).

GPU, large or many: high. An unused region: medium. A first launch by an
identity with twenty or more earlier calls: low. When an AWS service (Auto
Scaling, a fleet) or infrastructure code launched them, only the machine
type counts, at low: someone chose it in a launch template or in code. A
failed launch (a quota, a refusal) is one step lower: it still shows what
the caller wanted.
*/

const why =
	'EC2 instances unlike what the account usually runs were launched: GPU machines, many large ones at once, or machines in a new region. Stolen AWS keys are most often turned into money this way, by starting cryptocurrency miners. The bill grows by the hour, so look fast. Common false alarms: a machine-learning or graphics project, or a load test.';

const gpu = /^(?:p\d|g\d|inf\d|trn\d|dl\d|f\d|vt\d|gr\d)/i;
const bigFamily = /^(?:x1|x2|u-|hpc)/i;

function sizeText(type: string): string | undefined {
	if (gpu.test(type)) {
		return `${type} is a GPU or accelerator machine, the usual choice for mining`;
	}

	const size = /\.(\d+)xlarge$/.exec(type);
	if (
		bigFamily.test(type) ||
		type.endsWith('.metal') ||
		Number(size?.[1]) >= 24
	) {
		return `${type} is one of the largest (and dearest) machine types`;
	}

	return undefined;
}

function instanceTypeOf(event: TrailEvent): string | undefined {
	const request = requestOf(event);
	const value = field(request, 'instanceType');
	const type = typeof value === 'string' ? value : textField(value, 'value');
	return (
		type ??
		items(field(responseOf(event), 'instancesSet'))
			.map((i) => textField(i, 'instanceType'))
			.find((t) => t !== undefined)
	);
}

function countOf(event: TrailEvent): number {
	const asked = items(field(requestOf(event), 'instancesSet')).map((i) =>
		Number(field(i, 'maxCount') ?? field(i, 'minCount') ?? 1),
	);
	const launched = items(field(responseOf(event), 'instancesSet')).length;
	return Math.max(launched, ...asked.filter(Number.isFinite), 1);
}

interface Reason {
	severity: Severity;
	text: string;
}

function firstLaunch(
	event: TrailEvent,
	context: RuleContext,
): Reason | undefined {
	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	const launches = baseline?.apis.get('ec2:RunInstances');
	if (!baseline || launches?.firstSeq !== event.seq) {
		return undefined;
	}

	// Once per identity at most: only its first launch gets here.
	const earlier = context.events
		.slice(0, event.seq)
		.filter((e) => e.principal.baselineKey === key).length;
	return earlier >= 20
		? {
				severity: 'low',
				text: `This is the first launch by ${identityName(event)} in the loaded logs, after ${count(earlier, 'other call')}.`,
			}
		: undefined;
}

function reasonsOf(
	event: TrailEvent,
	context: RuleContext,
	typeOnly: boolean,
): Reason[] {
	const reasons: Reason[] = [];
	const type = instanceTypeOf(event);
	const size = type ? sizeText(type) : undefined;
	if (size) {
		reasons.push({severity: 'high', text: `${size}.`});
	}

	if (typeOnly) {
		return reasons;
	}

	const n = countOf(event);
	if (n >= 10) {
		reasons.push({
			severity: 'high',
			text: `It asked for ${count(n, 'instance')} at once.`,
		});
	}

	const region = unusedRegionOf(event, context.events);
	if (region) {
		reasons.push({
			severity: 'medium',
			text: `It launches in ${region.region}, a region the account does not use.`,
		});
		reasons.push(
			...unusedRegionLines(region, event.time).map((text) => ({
				severity: 'medium' as Severity,
				text,
			})),
		);
	}

	const first = firstLaunch(event, context);
	if (first) {
		reasons.push(first);
	}

	return reasons;
}

export const unusualInstanceLaunch: FlagRule = {
	id: 'unusual-instance-launch',
	title: 'Unusual EC2 instances launched',
	severity: 'high',
	attack: ['T1496', 'T1578.002'],
	check(event, context) {
		if (
			event.eventSource !== 'ec2.amazonaws.com' ||
			event.eventName !== 'RunInstances'
		) {
			return undefined;
		}

		const actor = actorOf(event);
		const reasons = reasonsOf(event, context, actor.kind !== 'person');
		if (reasons.length === 0) {
			return undefined;
		}

		let severity = reasons.reduce<Severity>(
			(worst, r) =>
				severityRank(r.severity) > severityRank(worst) ? r.severity : worst,
			'info',
		);
		const notes: string[] = [];
		if (actor.kind !== 'person') {
			severity = atMost(severity, 'low');
			notes.push(
				`${actor.name} launched it: someone chose this machine type in a launch template or in code; find out who.`,
			);
		}

		const outcome = outcomeLine(event);
		if (outcome) {
			severity = lower(severity);
			notes.push(outcome);
		}

		const type = instanceTypeOf(event);
		const region = regionOption(event);
		const filter = type
			? ` --filters ${shellWord(`Name=instance-type,Values=${type}`)}`
			: '';
		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence: [
				`${callLine(event)}: ${count(countOf(event), 'instance')} ` +
					(type ? `of type ${type}.` : 'of a type the record does not name.'),
				...reasons.map((r) => r.text),
				...notes,
			],
			normal: [
				`Normal for an account is the same few machine types, launched by the same pipelines.`,
				...normalLines(event, context),
			],
			next: [
				`See what runs${type ? ' of that type' : ''}: aws ec2 describe-instances${filter} --query 'Reservations[].Instances[].[InstanceId,State.Name,LaunchTime,IamInstanceProfile.Arn]'${region}`,
				'Stop or terminate instances nobody owns, then check the bill (Cost Explorer, by region and by instance type).',
				...callerNext(event),
			],
		};
	},
};
