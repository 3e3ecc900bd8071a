import type {Severity, TrailEvent} from '../../core/types.js';
import {countedAddress} from '../baselines.js';
import {
	addressWithPlace,
	count,
	eventClock,
	regionOption,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {isConsoleLogin, signInHistory} from '../sign-in.js';
import {
	addressesOf,
	findBursts,
	groupClock,
	groupOf,
	listSome,
	spanText,
} from './event-groups.js';

/**
Failed console sign-ins in numbers: password guessing against one user,
and password spraying (a few common passwords tried on many user names,
to stay under any lockout). A failure is read from the event's outcome
(`responseElements.ConsoleLogin: "Failure"`, no error code). Within one
hour:
- 5 failures or more for one user (a person who forgot a password fails a
  few times, then resets it);
- failures for 3 user names or more from one address;
- failures for 6 user names or more across the account, from several
  addresses (a spray spread over many addresses; Panther's rule uses the
  same count).
AWS hides a user name that does not exist (`HIDDEN_DUE_TO_SECURITY_REASONS`);
all hidden names count as one name, since they cannot be told apart. The
first successful sign-in that follows a group (same user, same address, or
one of the sprayed names, within the hour) joins it and makes it high.
Every event of a group gets the group's lines, word for word.
*/

const id = 'console-login-failures';
const hour = 60 * 60 * 1000;
const hidden = 'user names AWS hid (names that do not exist in the account)';

const why =
	'Console sign-ins failed again and again: for one user (someone guessing a password) or for many users (password spraying: a few common passwords tried on many names). IAM never locks a user out, so guessing goes on until it works or MFA stops it. Common false alarms: a person who forgot a password, who fails a few times for one name and then resets it.';

/** The user a sign-in is for: a key to count names by, and a label. */
function userOf(event: TrailEvent): {key: string; label: string} {
	const p = event.principal;
	if (p.type === 'Root') {
		return {key: 'root', label: 'root'};
	}

	if (p.userName) {
		return {key: `user:${p.userName}`, label: p.userName};
	}

	return p.baselineKey === undefined && p.label.includes('hidden')
		? {key: 'hidden', label: hidden}
		: {key: `other:${p.label}`, label: p.label};
}

type Kind = 'guessing' | 'spray-address' | 'spray-account';

interface Group {
	kind: Kind;
	events: TrailEvent[];
	success?: TrailEvent;
	lines: string[];
}

function groupLines(group: Group): string[] {
	const failures = group.events.filter((e) => e !== group.success);
	const names = [
		...new Map(failures.map((e) => [userOf(e).key, userOf(e).label])).values(),
	];
	const addresses = addressesOf(failures);
	const span = spanText(failures);
	const n = count(failures.length, 'failed console sign-in');
	const lines = [
		group.kind === 'guessing'
			? `${n} for ${names[0] ?? 'one user'} ${span}, from ${listSome(addresses, 3)}.`
			: group.kind === 'spray-address'
				? `${n} from ${addresses[0] ?? 'one address'} ${span}, for ${count(names.length, 'different user name')}: ${listSome(names)}.`
				: `${n} across the account ${span}, for ${count(names.length, 'different user name')} (${listSome(names)}), from ${count(addresses.length, 'address', 'addresses')}.`,
	];
	if (group.success) {
		lines.push(
			`Then a sign-in succeeded: ${userOf(group.success).label} at ` +
				`${groupClock(group.success.time, group.events)} from ` +
				`${addressWithPlace(group.success.source)}.`,
		);
	}

	return lines;
}

function collect(
	failures: readonly TrailEvent[],
	keyOf: (event: TrailEvent) => string | undefined,
): Map<string, TrailEvent[]> {
	const lists = new Map<string, TrailEvent[]>();
	for (const event of failures) {
		const key = keyOf(event);
		if (key !== undefined) {
			const list = lists.get(key) ?? [];
			list.push(event);
			lists.set(key, list);
		}
	}

	return lists;
}

function successAfter(
	group: TrailEvent[],
	successes: readonly TrailEvent[],
	matches: (success: TrailEvent) => boolean,
): TrailEvent | undefined {
	const start = group[0]!.seq;
	const end = group.at(-1)!.time + hour;
	return successes.find((s) => s.seq > start && s.time <= end && matches(s));
}

function findAll(events: readonly TrailEvent[]): Map<TrailEvent, Group[]> {
	const logins = signInHistory(events).logins.filter((e) =>
		Number.isFinite(e.time),
	);
	const failures = logins.filter((e) => e.outcome !== 'success');
	const successes = logins.filter((e) => e.outcome === 'success');
	const groups: Group[] = [];
	const add = (
		kind: Kind,
		lists: Map<string, TrailEvent[]>,
		qualifies: (calls: number, names: number) => boolean,
		matches: (success: TrailEvent, group: TrailEvent[]) => boolean,
	) => {
		for (const list of lists.values()) {
			const bursts = findBursts(list, {
				span: hour,
				tags: (e) => [`name:${userOf(e).key}`],
				qualifies: (calls, distinct) => qualifies(calls, distinct('name')),
			});
			for (const burst of bursts) {
				if (kind === 'spray-account' && addressesOf(burst).length < 2) {
					continue;
				}

				const success = successAfter(burst, successes, (s) =>
					matches(s, burst),
				);
				const group: Group = {
					kind,
					events: success ? [...burst, success] : burst,
					lines: [],
					...(success ? {success} : {}),
				};
				group.lines = groupLines(group);
				groups.push(group);
			}
		}
	};

	add(
		'guessing',
		collect(failures, (e) =>
			userOf(e).key === 'hidden' ? undefined : userOf(e).key,
		),
		(calls) => calls >= 5,
		(s, burst) => userOf(s).key === userOf(burst[0]!).key,
	);
	add(
		'spray-address',
		collect(failures, (e) => countedAddress(e.source)),
		(calls, names) => calls >= 3 && names >= 3,
		(s, burst) => countedAddress(s.source) === countedAddress(burst[0]!.source),
	);
	add(
		'spray-account',
		collect(failures, (e) => e.principal.accountId ?? ''),
		(calls, names) => calls >= 6 && names >= 6,
		(s, burst) => burst.some((e) => userOf(e).key === userOf(s).key),
	);

	const found = new Map<TrailEvent, Group[]>();
	for (const group of groups) {
		for (const event of group.events) {
			const list = found.get(event) ?? [];
			list.push(group);
			found.set(event, list);
		}
	}

	return found;
}

function title(groups: Group[]): string {
	const spray = groups.some((g) => g.kind !== 'guessing');
	const base = spray
		? 'Password spraying: failed sign-ins for many users'
		: 'Repeated failed console sign-ins for one user';
	return groups.some((g) => g.success) ? `${base}, then a success` : base;
}

function nextSteps(event: TrailEvent, groups: Group[]): string[] {
	const address = countedAddress(event.source);
	const next = [
		'Read the sign-ins in order in trailtui: type f and eventName=ConsoleLogin' +
			(address && groups.some((g) => g.kind === 'spray-address')
				? ` ip=${address}`
				: ''),
	];
	const success = groups.find((g) => g.success)?.success;
	const user = success?.principal.userName ?? event.principal.userName;
	if (success && user) {
		next.push(
			'See what the signed-in user did next: aws cloudtrail lookup-events --lookup-attributes ' +
				shellWord(`AttributeKey=Username,AttributeValue=${user}`) +
				regionOption(success),
			`If that sign-in was not theirs, remove the console password: aws iam delete-login-profile --user-name ${shellWord(user)}`,
		);
	} else if (user) {
		next.push(
			`See whether the user has MFA: aws iam list-mfa-devices --user-name ${shellWord(user)}`,
		);
	}

	next.push(
		'IAM does not lock users out after failed passwords: require MFA for every console user, and block the addresses if they are not yours.',
	);
	return next;
}

export const consoleLoginFailures: FlagRule = {
	id,
	title: 'Failed console sign-ins: guessing or spraying',
	severity: 'medium',
	attack: ['T1110.001', 'T1110.003'],
	check(event, context) {
		if (!isConsoleLogin(event)) {
			return undefined;
		}

		const groups = groupOf(id, context.events, event, findAll);
		if (!groups || groups.length === 0) {
			return undefined;
		}

		const severity: Severity = groups.some((g) => g.success)
			? 'high'
			: 'medium';
		const what = event.outcome === 'success' ? 'a successful' : 'a failed';
		return {
			id: this.id,
			severity,
			title: title(groups),
			why,
			evidence: [
				...groups.flatMap((g) => g.lines),
				`This event: ${what} sign-in for ${userOf(event).label} at ` +
					`${eventClock(event)} from ${addressWithPlace(event.source)}.`,
			],
			normal: normalLines(event, context),
			next: nextSteps(event, groups),
		};
	},
};
