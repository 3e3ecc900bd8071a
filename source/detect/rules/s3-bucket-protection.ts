import type {Severity, TrailEvent} from '../../core/types.js';
import {regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {
	callLine,
	callerNext,
	judgeChange,
	lookupByResourceCommand,
} from './change-common.js';
import {field, requestOf, textField} from './request-fields.js';
import {destinationText, logDestinations} from './log-destinations.js';

/**
An S3 bucket's protections taken off: server access logging turned off,
versioning suspended, MFA delete turned off, default encryption or
replication removed. Each makes a later step easier to hide or harder to
undo: without versioning, overwritten or deleted objects are gone for good
(the prelude to ransom), without access logs nobody sees who read what.

Only the request's own settings decide: a PutBucketLogging that names a
target bucket turns logging on, not off; a request with no settings at all
says nothing and is left alone. On a bucket the logs show receiving
CloudTrail, the flag is one step higher.
*/

const why =
	"One of an S3 bucket's protections was taken off: versioning (copies of overwritten objects), MFA delete (a second factor before versions are deleted), access logs (who read what), default encryption or replication. It is rare in daily work, and it is the step before data is destroyed, held to ransom or read unseen. Common false alarms: a bucket being retired, or a cost clean-up.";

interface Removal {
	severity: Severity;
	title: string;
	effects: string[];
	check: string;
}

function versioning(event: TrailEvent, bucket: string): Removal | undefined {
	const config = field(requestOf(event), 'VersioningConfiguration');
	const status = textField(config, 'Status');
	const mfaDelete = textField(config, 'MfaDelete');
	const effects: string[] = [];
	if (status === 'Suspended' || status === 'Disabled') {
		effects.push(
			'suspends versioning: objects overwritten or deleted from now on cannot be recovered',
		);
	}

	if (mfaDelete === 'Disabled') {
		effects.push(
			'turns off MFA delete: object versions can be deleted without a second factor',
		);
	}

	return effects.length === 0
		? undefined
		: {
				severity: 'medium',
				title: 'S3 bucket versioning or MFA delete turned off',
				effects,
				check: `aws s3api get-bucket-versioning --bucket ${bucket}`,
			};
}

function removalOf(event: TrailEvent, bucket: string): Removal | undefined {
	const name = shellWord(bucket);
	switch (event.eventName) {
		case 'PutBucketLogging': {
			const status = field(requestOf(event), 'BucketLoggingStatus');
			return status !== undefined &&
				field(status, 'LoggingEnabled') === undefined
				? {
						severity: 'medium',
						title: 'S3 bucket access logging turned off',
						effects: [
							'turns off server access logging: reads and writes of its objects stop being recorded',
						],
						check: `aws s3api get-bucket-logging --bucket ${name}`,
					}
				: undefined;
		}

		case 'PutBucketVersioning': {
			return versioning(event, name);
		}

		case 'DeleteBucketEncryption': {
			return {
				severity: 'low',
				title: 'S3 bucket default encryption removed',
				effects: [
					'removes its default encryption settings (S3 falls back to its own keys, so a customer key no longer guards the data)',
				],
				check: `aws s3api get-bucket-encryption --bucket ${name}`,
			};
		}

		case 'DeleteBucketReplication': {
			return {
				severity: 'low',
				title: 'S3 bucket replication removed',
				effects: ['stops copying its objects to the replica bucket'],
				check: `aws s3api get-bucket-replication --bucket ${name}`,
			};
		}

		default: {
			return undefined;
		}
	}
}

const higher: Record<Severity, Severity> = {
	info: 'low',
	low: 'medium',
	medium: 'high',
	high: 'high',
	critical: 'critical',
};

/** The calls `removalOf` reads: the name is checked before the request. */
const removalCalls = new Set([
	'PutBucketLogging',
	'PutBucketVersioning',
	'DeleteBucketEncryption',
	'DeleteBucketReplication',
]);

export const s3BucketProtectionRemoved: FlagRule = {
	id: 's3-bucket-protection-removed',
	title: "An S3 bucket's protection was removed",
	severity: 'medium',
	attack: ['T1562.008', 'T1485', 'T1490'],
	check(event, context) {
		if (
			event.eventSource !== 's3.amazonaws.com' ||
			!removalCalls.has(event.eventName)
		) {
			return undefined;
		}

		const bucket = textField(requestOf(event), 'bucketName');
		const removal = bucket ? removalOf(event, bucket) : undefined;
		if (!bucket || !removal) {
			return undefined;
		}

		const trail = logDestinations(context.events).trailBuckets.get(bucket);
		const base = trail ? higher[removal.severity] : removal.severity;
		const judgement = judgeChange(event, context, base);
		if (!judgement) {
			return undefined;
		}

		const evidence = [
			`${callLine(event)}, on the bucket ${bucket}.`,
			...removal.effects.map((effect) => `It ${effect}.`),
		];
		if (trail) {
			evidence.push(`The bucket ${bucket} ${destinationText(trail, event)}.`);
		}

		evidence.push(...judgement.notes);
		return {
			id: this.id,
			severity: judgement.severity,
			title: removal.title,
			why,
			evidence,
			normal: [
				"Normal is a bucket's protections set once, when it is created, and left alone.",
				...normalLines(event, context),
			],
			next: [
				`See the setting now: ${removal.check}${regionOption(event)}`,
				`See every call on the bucket: ${lookupByResourceCommand(bucket, event)}`,
				...callerNext(event),
			],
		};
	},
};
