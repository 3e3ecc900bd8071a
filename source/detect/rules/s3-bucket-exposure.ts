import type {Severity, TrailEvent} from '../../core/types.js';
import {clock, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {outsideAccounts} from './accounts.js';
import {
	callLine,
	callerNext,
	judgeChange,
	lookupByResourceCommand,
} from './change-common.js';
import {eventIndex, field, requestOf, textField} from './request-fields.js';
import {
	accountOfPrincipal,
	isEveryone,
	pinningConditions,
	readPolicy,
} from './policy-document.js';
import {accountOf} from './region-usage.js';
import {blocksTurnedOff, publicGrantees} from './s3-acl.js';

/**
S3 buckets opened: made public (a bucket policy for everyone without a
condition that pins the caller, an ACL for AllUsers or AuthenticatedUsers,
the public access block removed or loosened, for one bucket or the whole
account) or shared with an account outside the logged ones. Public buckets
are the oldest cloud leak there is; a policy for a stranger's account is
how an intruder copies the data out at leisure (Stratus Red Team's "backdoor
an S3 bucket" does exactly this).

A policy for everyone that is pinned to a VPC endpoint, an organisation, an
account or an address range is not public, and is not flagged.
*/

const whyPublic =
	"An S3 bucket was opened to everyone, or the block that keeps buckets private was removed. Anyone who guesses the name of a public bucket can read it, and scanners try names all day. Most cloud data leaks begin this way. Common false alarms: a bucket that serves a public web site (most sites are served through CloudFront, AWS's content network, and keep their bucket private).";

const whyShared =
	"A bucket policy now names another AWS account. That account can read (or write) the data from its own side, with no credential from yours. Intruders do this to copy data out at leisure. Common false alarms: sharing between the company's own accounts, or with a known partner.";

interface Exposure {
	severity: Severity;
	title: string;
	lines: string[];
}

function policyExposure(
	event: TrailEvent,
	context: RuleContext,
): {public?: Exposure; shared?: Exposure} {
	const statements = readPolicy(field(requestOf(event), 'bucketPolicy')) ?? [];
	const everyone: string[] = [];
	const accounts: string[] = [];
	for (const statement of statements) {
		if (
			statement.effect !== 'Allow' ||
			pinningConditions(statement).length > 0
		) {
			continue;
		}

		const actions = statement.actions.join(', ') || 'some actions';
		for (const principal of statement.principals) {
			const account = accountOfPrincipal(principal.value);
			if (isEveryone(principal)) {
				everyone.push(`everyone may ${actions} (principal ${principal.value})`);
			} else if (principal.kind === 'AWS' && account) {
				accounts.push(account);
			}
		}
	}

	const outside = outsideAccounts(accounts, event, context.events);
	const worst = outside.some((v) => v.standing === 'unknown');
	return {
		public:
			everyone.length > 0
				? {
						severity: 'high',
						title: 'S3 bucket made public by its policy',
						lines: everyone.map(
							(e) =>
								`Its new policy says ${e}, with no condition that limits who may call.`,
						),
					}
				: undefined,
		shared:
			outside.length > 0
				? {
						severity: worst ? 'high' : 'medium',
						title: 'S3 bucket shared with another account',
						lines: [
							`Its new policy lets ${outside.map((v) => v.account).join(', ')} in.`,
							...outside.map((v) => v.text),
						],
					}
				: undefined,
	};
}

function publicExposure(event: TrailEvent): Exposure | undefined {
	const name = event.eventName;
	if (name === 'PutBucketAcl' || name === 'CreateBucket') {
		const grantees = publicGrantees(requestOf(event));
		return grantees.length > 0
			? {
					severity: 'high',
					title: 'S3 bucket made public by its ACL',
					lines: [`Its ACL now lets in ${grantees.join(' and ')}.`],
				}
			: undefined;
	}

	const block = /^(Put|Delete)(Account|Bucket)?PublicAccessBlock$/.exec(name);
	if (!block) {
		return undefined;
	}

	const request = requestOf(event);

	const account =
		block[2] === 'Account' ||
		(block[2] === undefined && !textField(request, 'bucketName'));
	const scope = account ? 'every bucket of the account' : 'the bucket';
	const severity: Severity = account ? 'high' : 'medium';
	const title = account
		? "The account's S3 public access block was removed or loosened"
		: "An S3 bucket's public access block was removed or loosened";
	if (block[1] === 'Delete') {
		return {
			severity,
			title,
			lines: [
				`It removes the public access block of ${scope}: a public policy or access list (ACL) now takes effect.`,
			],
		};
	}

	const off = blocksTurnedOff(request);
	return off && off.length > 0
		? {severity, title, lines: [`For ${scope}: ${off.join('; ')}.`]}
		: undefined;
}

/** The bucket's earlier public access block removal, for the story. */
/** The bucket's earlier public access block change, for the story. */
function blockRemovedBefore(
	event: TrailEvent,
	context: RuleContext,
	bucket: string,
): string | undefined {
	const changes = eventIndex(context.events, 'public-access-block', (e) => {
		if (
			e.outcome !== 'success' ||
			!/^(?:Delete|Put)BucketPublicAccessBlock$/.test(e.eventName)
		) {
			return [];
		}

		const name = textField(requestOf(e), 'bucketName');
		return name ? [name] : [];
	});
	const removal = changes
		.get(bucket)
		?.filter((e) => e.seq < event.seq)
		.at(-1);
	return removal
		? `Its public access block was changed at ${clock(removal.time, event.time)} by ${removal.principal.label} (${removal.eventName}).`
		: undefined;
}

function flagOf(
	rule: FlagRule,
	event: TrailEvent,
	context: RuleContext,
	exposure: Exposure,
	why: string,
) {
	const judgement = judgeChange(event, context, exposure.severity);
	if (!judgement) {
		return undefined;
	}

	const bucket = textField(requestOf(event), 'bucketName');
	const before = bucket
		? blockRemovedBefore(event, context, bucket)
		: undefined;
	const region = regionOption(event);
	const next = bucket
		? [
				`Read the bucket's policy now: aws s3api get-bucket-policy --bucket ${shellWord(bucket)}${region}`,
				`Ask S3 whether it is public: aws s3api get-bucket-policy-status --bucket ${shellWord(bucket)}${region}`,
				`See its public access block: aws s3api get-public-access-block --bucket ${shellWord(bucket)}${region}`,
				`See every call on the bucket: ${lookupByResourceCommand(bucket, event)}`,
			]
		: [
				'See the account-wide block: aws s3control get-public-access-block --account-id ' +
					(accountOf(event)
						? shellWord(accountOf(event) ?? '')
						: '"$(aws sts get-caller-identity --query Account --output text)"'),
			];
	return {
		id: rule.id,
		severity: judgement.severity,
		title: exposure.title,
		why,
		evidence: [
			`${callLine(event)}${bucket ? `, on the bucket ${bucket}` : ''}.`,
			...exposure.lines,
			...(before ? [before] : []),
			...judgement.notes,
		],
		normal: [
			"Normal is private buckets, shared only with the company's own accounts, changed rarely.",
			...normalLines(event, context),
		],
		next: [...next, ...callerNext(event)],
	};
}

export const s3BucketPublic: FlagRule = {
	id: 's3-bucket-public',
	title: 'S3 bucket made public',
	severity: 'high',
	attack: ['T1530', 'T1537'],
	check(event, context) {
		if (event.eventSource !== 's3.amazonaws.com') {
			return undefined;
		}

		const exposure =
			event.eventName === 'PutBucketPolicy'
				? policyExposure(event, context).public
				: publicExposure(event);
		return exposure
			? flagOf(this, event, context, exposure, whyPublic)
			: undefined;
	},
};

export const s3BucketShared: FlagRule = {
	id: 's3-bucket-shared',
	title: 'S3 bucket shared with another account',
	severity: 'medium',
	attack: ['T1537'],
	check(event, context) {
		if (
			event.eventSource !== 's3.amazonaws.com' ||
			event.eventName !== 'PutBucketPolicy'
		) {
			return undefined;
		}

		const exposure = policyExposure(event, context).shared;
		return exposure
			? flagOf(this, event, context, exposure, whyShared)
			: undefined;
	},
};
