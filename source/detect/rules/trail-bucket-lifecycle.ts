import type {Severity, TrailEvent} from '../../core/types.js';
import {count, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange, lower} from './change-common.js';
import {asList, field, requestOf, textField} from './request-fields.js';
import {
	destinationText,
	logDestinations,
	looksLikeTrailBucket,
} from './log-destinations.js';

/**
The trail bucket's lifecycle shortened: a lifecycle rule that deletes
objects after a few days, put on a bucket that receives CloudTrail. S3 then
deletes the logs for the intruder, quietly, a day later, and nothing about
the trail itself changes. Stratus Red Team's "CloudTrail lifecycle rule"
technique is exactly this.

The bucket is known to receive CloudTrail when the logs show a trail
writing to it (CreateTrail, UpdateTrail, a trail description) or its policy
letting CloudTrail write; a rule aimed at `AWSLogs/`, or a name such as
`…-cloudtrail-…`, is a weaker sign, and the flag says so and is one step
lower. Only enabled rules that expire objects within 90 days count: years of
retention is the normal shape of a log bucket.

DeleteBucketLifecycle is not flagged: it removes every rule, so S3 keeps
the logs for ever. That is what an intruder's clean-up or an administrator
undoing a mistake looks like, not evidence being destroyed.
*/

const shortDays = 90;
const dayMs = 24 * 3600 * 1000;

const why =
	"The bucket where CloudTrail writes its logs got a short lifecycle rule: a rule that tells S3 to delete files after a number of days. The logs then vanish a day or two later, while the trail itself looks healthy. Log buckets normally keep files for a year or more. Common false alarms: a cost clean-up of a test account's log bucket.";

interface Expiry {
	days: number;
	rule: string;
	prefix?: string;
	noncurrent: boolean;
}

function daysOf(value: unknown, event: TrailEvent): number | undefined {
	const days = Number(field(value, 'Days') ?? field(value, 'NoncurrentDays'));
	if (Number.isFinite(days) && days > 0) {
		return days;
	}

	const date = textField(value, 'Date');
	const at = date ? Date.parse(date) : Number.NaN;
	return Number.isFinite(at) && Number.isFinite(event.time)
		? Math.max(0, Math.ceil((at - event.time) / dayMs))
		: undefined;
}

/** The shortest expiry among the request's enabled rules. */
function shortestExpiry(event: TrailEvent): Expiry | undefined {
	const configuration =
		field(requestOf(event), 'LifecycleConfiguration') ??
		field(requestOf(event), 'lifecycleConfiguration');
	let shortest: Expiry | undefined;
	for (const rule of asList(
		field(configuration, 'Rule') ?? field(configuration, 'Rules'),
	)) {
		if (textField(rule, 'Status') !== 'Enabled') {
			continue;
		}

		const filter = field(rule, 'Filter');
		const prefix = textField(filter, 'Prefix') ?? textField(rule, 'Prefix');
		for (const [part, noncurrent] of [
			['Expiration', false],
			['NoncurrentVersionExpiration', true],
		] as const) {
			const days = daysOf(field(rule, part), event);
			if (days !== undefined && (!shortest || days < shortest.days)) {
				shortest = {
					days,
					rule: textField(rule, 'ID') ?? '(unnamed)',
					prefix,
					noncurrent,
				};
			}
		}
	}

	return shortest;
}

interface BucketSign {
	strong: boolean;
	text: string;
}

function bucketSign(
	bucket: string,
	expiry: Expiry,
	event: TrailEvent,
	events: readonly TrailEvent[],
): BucketSign | undefined {
	const known = logDestinations(events).trailBuckets.get(bucket);
	if (known) {
		return {
			strong: true,
			text: `The bucket ${bucket} ${destinationText(known, event)}.`,
		};
	}

	if (expiry.prefix?.includes('AWSLogs') === true) {
		return {
			strong: false,
			text: `The rule targets ${expiry.prefix}, the folder where CloudTrail writes; the loaded logs do not show which trail uses ${bucket}.`,
		};
	}

	if (looksLikeTrailBucket(bucket)) {
		return {
			strong: false,
			text: `The name ${bucket} suggests CloudTrail logs; the loaded logs do not show a trail writing there (${event.eventName} alone cannot tell).`,
		};
	}

	return undefined;
}

export const trailBucketLifecycleShortened: FlagRule = {
	id: 'trail-bucket-lifecycle-shortened',
	title: 'Trail bucket set to delete logs early',
	severity: 'high',
	attack: ['T1562.008', 'T1485'],
	check(event, context) {
		if (
			event.eventSource !== 's3.amazonaws.com' ||
			!/^PutBucketLifecycle(?:Configuration)?$/.test(event.eventName)
		) {
			return undefined;
		}

		const bucket = textField(requestOf(event), 'bucketName');
		const expiry = shortestExpiry(event);
		if (!bucket || !expiry || expiry.days > shortDays) {
			return undefined;
		}

		const sign = bucketSign(bucket, expiry, event, context.events);
		if (!sign) {
			return undefined;
		}

		let base: Severity = expiry.days <= 30 ? 'high' : 'medium';
		if (!sign.strong) {
			base = lower(base);
		}

		const judgement = judgeChange(event, context, base);
		if (!judgement) {
			return undefined;
		}

		const what = expiry.noncurrent ? 'old versions of objects' : 'objects';
		const where = expiry.prefix ? ` under ${expiry.prefix}` : '';
		const name = shellWord(bucket);
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why,
			evidence: [
				`${callLine(event)}, on the bucket ${bucket}.`,
				`Its rule ${expiry.rule} deletes ${what}${where} after ${count(expiry.days, 'day')}.`,
				sign.text,
				...judgement.notes,
			],
			normal: [
				'Normal for a log bucket is a retention of a year or more, or no expiry at all, changed only by whoever owns the logging.',
				...normalLines(event, context),
			],
			next: [
				`Read the rules now on the bucket: aws s3api get-bucket-lifecycle-configuration --bucket ${name}${regionOption(event)}`,
				`See which trails write there: aws cloudtrail describe-trails${regionOption(event)}`,
				`If nobody meant this, remove the rule (put back the old rules, or delete them all): aws s3api delete-bucket-lifecycle --bucket ${name}`,
				`See whether Object Lock (S3's write-once setting) protects the logs: aws s3api get-object-lock-configuration --bucket ${name}`,
				...callerNext(event),
			],
		};
	},
};
