import type {TrailEvent} from '../../core/types.js';
import {countedAddress} from '../baselines.js';
import {
	addressWithPlace,
	clock,
	count,
	eventClock,
	regionOption,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {
	isConsoleLogin,
	mfaRemovalTarget,
	mfaUsedAtSignIn,
	signInHistory,
	signsInWithAwsPassword,
} from '../sign-in.js';

/**
A successful console sign-in with a password alone (`MFAUsed: "No"`).
Passwords are guessed, phished and reused; MFA is what keeps a stolen one
from being enough, so a sign-in without it is where account takeovers start.

Only sign-ins whose password AWS checks count: IAM users and root. Failures
never count (AWS logs them with `responseElements.ConsoleLogin: "Failure"`
and no error code; the event's outcome already reads that). Federated
sign-ins (SAML, IAM Identity Center, a federation broker) always log
`MFAUsed: "No"`, because the second factor was asked by the identity
provider, so they are left out. Root without MFA is high: its password alone
opens everything.
*/

const why =
	'Someone signed in to the console with a password alone, without a second factor (MFA). Passwords get guessed, phished or reused from other leaks; MFA is what stops a stolen password from being enough. Sign-ins through a company identity provider (SAML or IAM Identity Center) are not flagged: MFA happens at the identity provider, not at AWS. Common false alarms: a new user who has not set up MFA yet.';

/** How far back failed sign-ins from the same address are counted. */
const guessingWindow = 60 * 60 * 1000;

/** Failed sign-ins from this address in the hour before: password guessing. */
function failuresBefore(
	event: TrailEvent,
	logins: readonly TrailEvent[],
): string | undefined {
	const address = countedAddress(event.source);
	if (address === undefined) {
		return undefined;
	}

	const failed = logins.filter(
		(e) =>
			e.outcome !== 'success' &&
			e.seq < event.seq &&
			event.time - e.time <= guessingWindow &&
			countedAddress(e.source) === address,
	);
	if (failed.length === 0) {
		return undefined;
	}

	const names = [...new Set(failed.map((e) => e.principal.label))];
	const shown = names.slice(0, 3).join(', ');
	const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
	return (
		`${count(failed.length, 'failed sign-in')} came from ${address} in the ` +
		`hour before, first at ${clock(failed[0]?.time ?? NaN, event.time)} ` +
		`(${shown}${more}): password guessing often ends with one success.`
	);
}

/** The identity's own sign-ins and MFA removals, before and after. */
function ownHistory(
	event: TrailEvent,
	context: RuleContext,
): {evidence: string[]; normal: string[]} {
	const name = identityName(event);
	const key = event.principal.baselineKey;
	const history = signInHistory(context.events);
	const own = history.logins.filter(
		(e) =>
			e !== event &&
			e.outcome === 'success' &&
			key !== undefined &&
			e.principal.baselineKey === key,
	);
	const evidence: string[] = [];
	const normal: string[] = [];
	const withMfa = own.filter((e) => mfaUsedAtSignIn(e) === 'yes');
	if (own.length > 0) {
		normal.push(
			`${name} has ${count(own.length, 'other console sign-in')} in the ` +
				`loaded logs, ${withMfa.length} of them with MFA.`,
		);
	}

	const earlier = withMfa.find((e) => e.seq < event.seq);
	if (earlier) {
		evidence.push(
			`${name} signed in with MFA at ${clock(earlier.time, event.time)}, ` +
				'but not this time: the MFA device may have been removed.',
		);
	}

	const target =
		event.principal.type === 'Root' ? 'root' : event.principal.userName;
	for (const removal of history.mfaRemovals) {
		if (
			target !== undefined &&
			removal.seq < event.seq &&
			removal.outcome === 'success' &&
			mfaRemovalTarget(removal) === target
		) {
			evidence.push(
				`The MFA device of ${name} was removed at ` +
					`${clock(removal.time, event.time)} (${removal.eventName} by ` +
					`${removal.principal.label}).`,
			);
		}
	}

	return {evidence, normal};
}

function nextSteps(event: TrailEvent): string[] {
	const user = event.principal.userName;
	const start = Number.isFinite(event.time)
		? ` --start-time ${new Date(event.time).toISOString().replace(/\.\d{3}Z$/, 'Z')}`
		: '';
	const who = event.principal.type === 'Root' ? 'root' : user;
	const next: string[] = [];
	if (who) {
		next.push(
			'See what was done after the sign-in: aws cloudtrail lookup-events ' +
				'--lookup-attributes ' +
				shellWord(`AttributeKey=Username,AttributeValue=${who}`) +
				start +
				regionOption(event),
		);
	}

	if (event.principal.type === 'Root') {
		next.push(
			"Check whether root has MFA at all: aws iam get-account-summary --query 'SummaryMap.AccountMFAEnabled'",
			'Turn on MFA for root (only root can, under Security credentials in the console).',
		);
		return next;
	}

	if (user) {
		const name = shellWord(user);
		next.push(
			`See the user's MFA devices: aws iam list-mfa-devices --user-name ${name}`,
			`See when the console password was set: aws iam get-login-profile --user-name ${name}`,
			`If the sign-in was not theirs, remove the console password: aws iam delete-login-profile --user-name ${name}`,
		);
	}

	next.push(
		'Require MFA for console users: a policy that denies everything when aws:MultiFactorAuthPresent is false.',
	);
	return next;
}

export const consoleLoginWithoutMfa: FlagRule = {
	id: 'console-login-without-mfa',
	title: 'Console login without MFA',
	severity: 'medium',
	attack: ['T1078.004'],
	check(event, context) {
		if (
			!isConsoleLogin(event) ||
			event.outcome !== 'success' ||
			mfaUsedAtSignIn(event) !== 'no' ||
			!signsInWithAwsPassword(event)
		) {
			return undefined;
		}

		const root = event.principal.type === 'Root';
		const name = root ? 'The root user' : identityName(event);
		const evidence = [
			`${name} signed in to the console at ${eventClock(event)} from ` +
				`${addressWithPlace(event.source)} with a password alone (MFAUsed: No).`,
		];
		const guessing = failuresBefore(
			event,
			signInHistory(context.events).logins,
		);
		if (guessing) {
			evidence.push(guessing);
		}

		const own = ownHistory(event, context);
		evidence.push(...own.evidence);
		return {
			id: this.id,
			severity: root ? 'high' : this.severity,
			title: root ? 'Root console login without MFA' : this.title,
			why,
			evidence,
			normal: [...own.normal, ...normalLines(event, context)],
			next: nextSteps(event),
		};
	},
};
