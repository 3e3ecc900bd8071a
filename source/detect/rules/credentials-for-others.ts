import type {Severity, TrailEvent} from '../../core/types.js';
import {addressWithPlace, clock, count, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {signInHistory} from '../sign-in.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {
	field,
	flagValue,
	requestOf,
	responseOf,
	textField,
} from './request-fields.js';
import {createdText, iamHistory} from './iam-history.js';

/**
Credentials made for another user: an access key, a console password
(login profile) created or changed for a user who is not the caller. Keys
and passwords are how an intruder keeps access after the stolen session
ends, and making them for another user (often a new one, or one with more
rights) hides the intruder behind that user's name. People make their own
keys and change their own passwords; administrators doing it for others is
rarer, and worth a question each time.

The caller is "the same user" when the target is its user name, or the
session name of a role (Identity Center sessions carry the person's name).
A password reset that forces a change at next sign-in is an administrator's
routine: low. A key made by root for root has its own flag.
*/

const why =
	'Someone made an access key or a console password for another user. Keys and passwords are ways in that last: they keep working after the session that made them ends. Making them for another user lets the maker sign in as that user, hidden behind a name that looks legitimate. Common false alarms: an administrator setting up a new colleague or a machine; people normally make their own.';

const whyRoot =
	'Someone created an access key for the root user. Root can do anything in the account and no policy limits it, so its key is a permanent, unlimited way in that works from anywhere. AWS advises root to have no key at all. Creating one is what an intruder who reached root does to stay. Common false alarms: rare; an old script that still uses root, which belongs on a role instead.';

const calls = new Set([
	'CreateAccessKey',
	'CreateLoginProfile',
	'UpdateLoginProfile',
]);

function sameUser(event: TrailEvent, target: string): boolean {
	const {userName, sessionName} = event.principal;
	const wanted = target.toLowerCase();
	return [userName, sessionName, sessionName?.split('@')[0]].some(
		(name) => name?.toLowerCase() === wanted,
	);
}

/** What the new credential did later in the logs. */
function laterUse(
	event: TrailEvent,
	context: RuleContext,
	target: string,
): string | undefined {
	const key = textField(field(responseOf(event), 'accessKey'), 'accessKeyId');
	if (event.eventName === 'CreateAccessKey') {
		const used = key ? context.baselines.accessKeys.get(key) : undefined;
		const first = used ? context.events[used.firstSeq] : undefined;
		if (key && used && first) {
			return `The new key ${key} made ${count(used.events, 'call')} in the loaded logs, the first (${first.eventName}) at ${clock(first.time, event.time)} from ${addressWithPlace(first.source)}.`;
		}

		return key
			? `The new key is ${key}; the loaded logs show no call made with it.`
			: undefined;
	}

	const login = signInHistory(context.events).logins.find(
		(e) => e.seq > event.seq && e.principal.userName === target,
	);
	return login
		? `${target} then signed in to the console at ${clock(login.time, event.time)} from ${addressWithPlace(login.source)} (${login.outcome === 'success' ? 'it worked' : 'it failed'}).`
		: undefined;
}

function adminLine(
	context: RuleContext,
	target: string,
	event: TrailEvent,
): string | undefined {
	const grants = iamHistory(context.events).grants.get(`user:${target}`);
	const grant = grants?.[0];
	return grant
		? `${target} was given administrator rights at ${clock(grant.time, event.time)} by ${grant.principal.label} (${grant.eventName}).`
		: undefined;
}

function nextSteps(event: TrailEvent, target: string): string[] {
	const user = shellWord(target);
	const key = textField(field(responseOf(event), 'accessKey'), 'accessKeyId');
	const next =
		event.eventName === 'CreateAccessKey'
			? [
					`List the user's keys and when each was last used: aws iam list-access-keys --user-name ${user}`,
					...(key
						? [
								`If nobody meant this, switch the key off: aws iam update-access-key --user-name ${user} --access-key-id ${shellWord(key)} --status Inactive`,
							]
						: []),
				]
			: [
					`See whether the user has a console password: aws iam get-login-profile --user-name ${user}`,
					`If nobody meant this, remove it: aws iam delete-login-profile --user-name ${user}`,
				];
	next.push(
		`See what the user may do: aws iam list-attached-user-policies --user-name ${user}`,
		...callerNext(event),
	);
	return next;
}

export const credentialsForAnotherUser: FlagRule = {
	id: 'credentials-for-another-user',
	title: 'Credentials created for another user',
	severity: 'high',
	attack: ['T1098.001', 'T1136.003'],
	check(event, context) {
		if (
			event.eventSource !== 'iam.amazonaws.com' ||
			!calls.has(event.eventName)
		) {
			return undefined;
		}

		const target = textField(requestOf(event), 'userName');
		if (!target || sameUser(event, target)) {
			return undefined;
		}

		const reset =
			event.eventName === 'UpdateLoginProfile' &&
			flagValue(field(requestOf(event), 'passwordResetRequired')) === true;
		const base: Severity = reset ? 'low' : 'high';
		const judgement = judgeChange(event, context, base);
		if (!judgement) {
			return undefined;
		}

		const what =
			event.eventName === 'CreateAccessKey'
				? 'an access key'
				: event.eventName === 'CreateLoginProfile'
					? 'a console password'
					: 'a new console password';
		const evidence = [
			`${callLine(event)}: it made ${what} for the user ${target}, not for the caller.`,
		];
		if (reset) {
			evidence.push(
				`${target} must change the password at the next sign-in: the usual shape of an administrator's reset.`,
			);
		}

		const history = iamHistory(context.events);
		for (const line of [
			createdText(history, 'user', target, event),
			adminLine(context, target, event),
			laterUse(event, context, target),
		]) {
			if (line) {
				evidence.push(line);
			}
		}

		evidence.push(...judgement.notes);
		return {
			id: this.id,
			severity: judgement.severity,
			title:
				event.eventName === 'CreateAccessKey'
					? 'Access key created for another user'
					: 'Console password set for another user',
			why,
			evidence,
			normal: [
				'Normal is people creating their own keys and passwords; administrators make them for others rarely, for new colleagues or machines.',
				...normalLines(event, context),
			],
			next: nextSteps(event, target),
		};
	},
};

export const rootAccessKeyCreated: FlagRule = {
	id: 'root-access-key-created',
	title: 'Access key created for root',
	severity: 'high',
	attack: ['T1098.001'],
	check(event, context) {
		if (
			event.eventSource !== 'iam.amazonaws.com' ||
			event.eventName !== 'CreateAccessKey' ||
			event.principal.type !== 'Root' ||
			textField(requestOf(event), 'userName')
		) {
			return undefined;
		}

		const judgement = judgeChange(event, context, this.severity);
		if (!judgement) {
			return undefined;
		}

		const key = textField(field(responseOf(event), 'accessKey'), 'accessKeyId');
		const use = laterUse(event, context, 'root');
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why: whyRoot,
			evidence: [
				`${callLine(event)}: it made an access key for root itself.`,
				...(use ? [use] : []),
				...judgement.notes,
			],
			normal: [
				'Normal for root is no access key at all.',
				...normalLines(event, context),
			],
			next: [
				"See whether root has keys now: aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'",
				key
					? `Signed in as root, delete the key ${key} (IAM console, Security credentials) unless its owner can say why it exists.`
					: 'Signed in as root, delete any root access key (IAM console, Security credentials) unless its owner can say why it exists.',
				'Reset the root password and its MFA device if nobody owns up to this.',
			],
		};
	},
};
