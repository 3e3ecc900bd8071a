import type {Flag, TrailEvent} from '../../core/types.js';
import {
	addressWithPlace,
	clock,
	count,
	eventClock,
	lookupByKeyCommand,
	regionOption,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {isConsoleLogin, mfaUsedAtSignIn, sessionMfa} from '../sign-in.js';

/**
Root activity: any call made with the root user's credentials. Root owns the
account, no IAM policy limits it, and AWS asks that it be used only for the
few tasks that need it, so every use is worth a question, and a root console
login is often the first visible step of an account takeover.

Two kinds of record say "Root" without a person behind them:
- `invokedBy` naming an AWS service (`support.amazonaws.com`): the service
  acted in root's name, e.g. AWS Support on a case. Kept as `info` so that
  the event explains itself, not dropped: a person may still ask why.
  The console (`signin.amazonaws.com`, `console.amazonaws.com`) is not such a
  service: it acts for whoever signed in as root, so it stays high.
- `AwsServiceEvent` records: AWS reporting on the account, not a call.
A failed root sign-in used no working credentials, but someone tried root's
password, which a responder wants to see: medium.
*/

const why =
	"This call was made as the root user. Root owns the account: it can do anything, and no IAM policy can limit it. AWS advises locking it away (strong password, MFA, no access keys) and using it only for the few tasks that need it. If nobody you know made this call, someone else has root. Common false alarms: the account's owner doing one of those rare tasks, such as changing the support plan.";

const whyFailed =
	'Someone tried to sign in to the console as root and failed. Root can do anything in the account, so its password is the prize of any guessing or phishing campaign. Repeated failures, or failures from an unknown address, mean someone is trying. Common false alarms: the owner mistyping the password once.';

const whyService =
	'The record says root, but no person used root: an AWS service made this call for root (the record names it in its invokedBy field). AWS Support does this while it works on a support case; a few other services do it for account-wide tasks. It is shown at the lowest severity so that the root label does not alarm anyone. Common false alarms: nearly every case of this flag; it needs a look only if no support case was open at the time.';

/** The sign-in front ends: they act for a person who signed in as root. */
const consoleServices = /^(?:signin|console)(?:\.[a-z\d-]+)?\.amazonaws\.com$/i;
const awsService = /^[a-z\d][a-z\d.-]*\.amazonaws\.com(?:\.cn)?$/i;

const serviceNames: Record<string, string> = {
	'support.amazonaws.com': 'AWS Support',
	'trustedadvisor.amazonaws.com': 'AWS Trusted Advisor',
	'AWS Internal': 'AWS itself',
};

/** The AWS service that acted for root, or undefined when a person did. */
function actingService(event: TrailEvent): string | undefined {
	const by = event.principal.invokedBy;
	if (by === undefined || consoleServices.test(by)) {
		return undefined;
	}

	return by === 'AWS Internal' || awsService.test(by) ? by : undefined;
}

/** What the record tells about the credential and its MFA. */
function credentialLine(event: TrailEvent): string | undefined {
	if (isConsoleLogin(event)) {
		const mfa = mfaUsedAtSignIn(event);
		if (mfa === 'yes') {
			return 'MFA was used at sign-in.';
		}

		return mfa === 'no'
			? "No MFA was used at sign-in: root's password alone opened the console."
			: undefined;
	}

	const key = event.principal.accessKeyId;
	const mfa = sessionMfa(event);
	const session =
		mfa === undefined
			? ''
			: mfa
				? ', signed in with MFA'
				: ', signed in without MFA';
	if (key?.startsWith('AKIA') === true) {
		return `It was signed with ${key}, a long-term access key of root: AWS advises root to have none.`;
	}

	if (key?.startsWith('ASIA') === true) {
		return `It was signed with ${key}, the temporary key of a root session${session}.`;
	}

	return session ? `The root session was${session.slice(1)}.` : undefined;
}

/** Root's other activity in the loaded logs, for the evidence. */
function historyLines(event: TrailEvent, context: RuleContext): string[] {
	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	if (!baseline || baseline.events <= 1) {
		return ['This is the only root call in the loaded logs.'];
	}

	const first = context.events[baseline.firstSeq];
	const lines: string[] = [];
	if (first && first.seq === baseline.firstSeq && first !== event) {
		lines.push(
			`The first root call in the loaded logs: ${first.eventName} at ` +
				`${clock(first.time, event.time)} from ${addressWithPlace(first.source)}.`,
		);
	} else if (first === event) {
		lines.push('This is the first root call in the loaded logs.');
	}

	const apis = [...baseline.apis.keys()].map((api) =>
		api.slice(api.indexOf(':') + 1),
	);
	const more = apis.length > 6 ? `, and ${apis.length - 6} more` : '';
	lines.push(
		`Root made ${count(baseline.events, 'call')} in the loaded logs: ` +
			`${apis.slice(0, 6).join(', ')}${more}.`,
	);
	return lines;
}

/** 14 days before the event, for `describe-cases --after-time`. */
function weeksBefore(event: TrailEvent): string {
	if (!Number.isFinite(event.time)) {
		return '';
	}

	const start = new Date(event.time - 14 * 24 * 3600 * 1000);
	return ` --after-time ${start.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

const rootLookup = (event: TrailEvent): string =>
	'aws cloudtrail lookup-events --lookup-attributes ' +
	`AttributeKey=Username,AttributeValue=root${regionOption(event)}`;

function serviceFlag(
	event: TrailEvent,
	context: RuleContext,
	service: string,
): Flag {
	const name = serviceNames[service] ?? `the AWS service ${service}`;
	const next =
		service === 'support.amazonaws.com'
			? [
					'Check that a support case was open then (the Support API answers in ' +
						'us-east-1 and needs a Business or Enterprise plan): aws support ' +
						`describe-cases --include-resolved-cases${weeksBefore(event)} --region us-east-1`,
				]
			: [];
	next.push(`See every call made as root: ${rootLookup(event)}`);
	return {
		id: 'root-activity',
		severity: 'info',
		title:
			service === 'support.amazonaws.com'
				? 'Root activity invoked by AWS Support'
				: 'Root activity invoked by an AWS service',
		why: whyService,
		evidence: [
			`${event.eventName} at ${eventClock(event)} was made in the name of ` +
				`root by ${name} (invokedBy: ${service}), not by a person; ` +
				`its source is ${event.source.raw ?? 'not recorded'}.`,
			...historyLines(event, context),
		],
		normal: [
			`AWS services acting for root are routine while a support case is open.`,
			...normalLines(event, context),
		],
		next,
	};
}

export const rootActivity: FlagRule = {
	id: 'root-activity',
	title: 'Root user activity',
	severity: 'high',
	attack: ['T1078.004'],
	check(event, context) {
		if (
			event.principal.type !== 'Root' ||
			event.eventType === 'AwsServiceEvent'
		) {
			return undefined;
		}

		const service = actingService(event);
		if (service !== undefined) {
			return serviceFlag(event, context, service);
		}

		const login = isConsoleLogin(event);
		// Every sign-in step (ConsoleLogin, CheckMfa, ExternalIdPDirectoryLogin)
		// logs its failure as "Failure" in responseElements; the outcome reads it.
		const failed =
			(login || event.eventType === 'AwsConsoleSignIn') &&
			event.outcome !== 'success';
		const account = event.principal.accountId ?? 'this account';
		const via = event.principal.invokedBy
			? ` through the console (invokedBy: ${event.principal.invokedBy})`
			: '';
		const evidence = [
			failed
				? `A console sign-in as root of ${account} failed at ${eventClock(event)} ` +
					`(${event.eventName}), ` +
					`from ${addressWithPlace(event.source)}.`
				: `${login ? 'Console sign-in' : event.eventName} at ${eventClock(event)} ` +
					`from ${addressWithPlace(event.source)}, made as root of ${account}${via}.`,
		];
		const credential = failed ? undefined : credentialLine(event);
		if (credential) {
			evidence.push(credential);
		}

		if (event.outcome === 'denied') {
			evidence.push(
				`AWS refused it (${event.errorCode ?? 'denied'}); the attempt was still made with root's credentials.`,
			);
		}

		evidence.push(...historyLines(event, context));
		const next = [
			'See every call made as root (in each region used: sign-ins are logged ' +
				`in us-east-1 or the region signed in to): ${rootLookup(event)}`,
			"Check root's MFA and access keys: aws iam get-account-summary --query " +
				"'SummaryMap.{MFA:AccountMFAEnabled,RootKeys:AccountAccessKeysPresent}'",
			"See when root's password and keys were last used (the <root_account> row): " +
				'aws iam generate-credential-report && aws iam get-credential-report ' +
				'--query Content --output text | base64 --decode | head -n 2',
		];
		const key = event.principal.accessKeyId;
		if (!failed && key) {
			next.push(
				`List every call of this key: ${lookupByKeyCommand(key, event)}`,
			);
		}

		next.push(
			'Ask whoever holds the root password and MFA device. If nobody did this, ' +
				'reset the root password, replace its MFA device and delete any root ' +
				'access key (signed in as root).',
		);

		return {
			id: this.id,
			severity: failed ? 'medium' : this.severity,
			title: failed
				? `Failed root ${login ? 'console login' : 'sign-in'}`
				: login
					? 'Root console login'
					: this.title,
			why: failed ? whyFailed : why,
			evidence,
			normal: [
				'Normal for root is no activity at all: everyday work belongs to roles, Identity Center users or IAM users.',
				...normalLines(event, context),
			],
			next,
		};
	},
};
