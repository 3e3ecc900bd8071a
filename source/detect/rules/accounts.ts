import type {TrailEvent} from '../../core/types.js';
import {clock, count} from '../describe.js';
import {recordField} from '../../core/record-field.js';

/**
Which AWS accounts the loaded logs know. Sharing a snapshot, a bucket or a
role with another account is everyday work between a company's own
accounts, and the first step of theft when the account is the intruder's.
The logs cannot say who owns an account, but they can say whether it is
one of the accounts whose logs these are, one that has called into them,
or one that appears nowhere else: the last is the one to ask about.
*/

export interface AccountKnowledge {
	/** The accounts the logs belong to (`recipientAccountId`). */
	own: ReadonlySet<string>;
	/** Other accounts whose principals called into the logged accounts. */
	callers: ReadonlyMap<string, {first: TrailEvent; calls: number}>;
}

const cache = new WeakMap<readonly TrailEvent[], AccountKnowledge>();

/** Gathers the accounts once per event list. */
export function accountKnowledge(
	events: readonly TrailEvent[],
): AccountKnowledge {
	let known = cache.get(events);
	if (known) {
		return known;
	}

	const own = new Set<string>();
	for (const event of events) {
		const recipient = recordField(event, 'recipientAccountId');
		if (typeof recipient === 'string' && /^\d{12}$/.test(recipient)) {
			own.add(recipient);
		} else if (event.principal.accountId) {
			own.add(event.principal.accountId);
		}
	}

	const callers = new Map<string, {first: TrailEvent; calls: number}>();
	for (const event of events) {
		const account = event.principal.accountId;
		if (!account || own.has(account)) {
			continue;
		}

		const seen = callers.get(account);
		if (seen) {
			seen.calls++;
		} else {
			callers.set(account, {first: event, calls: 1});
		}
	}

	known = {own, callers};
	cache.set(events, known);
	return known;
}

export type AccountStanding = 'own' | 'caller' | 'unknown';

export interface AccountView {
	account: string;
	standing: AccountStanding;
	/** A sentence for the evidence, log values raw. */
	text: string;
}

/** Where one account stands in the loaded logs, with a sentence. */
export function viewAccount(
	account: string,
	event: TrailEvent,
	events: readonly TrailEvent[],
): AccountView {
	const known = accountKnowledge(events);
	if (known.own.has(account)) {
		return {
			account,
			standing: 'own',
			text: `${account} is one of the accounts whose logs are loaded.`,
		};
	}

	const caller = known.callers.get(account);
	if (caller) {
		return {
			account,
			standing: 'caller',
			text:
				`${account} is not one of the accounts whose logs are loaded, but ` +
				`its identities called into them ${count(caller.calls, 'time')} (first ` +
				`${caller.first.eventName} at ${clock(caller.first.time, event.time)}).`,
		};
	}

	const others = mentionsOf(account, events).filter((e) => e !== event);
	const shown = others
		.slice(0, 3)
		.map((e) => `${e.eventName} at ${clock(e.time, event.time)}`);
	const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
	return {
		account,
		standing: 'unknown',
		text:
			`${account} is not one of the accounts whose logs are loaded, and ` +
			'none of its identities made a call here.' +
			(others.length > 0
				? ` Other changes name it too: ${shown.join(', ')}${more}.`
				: ''),
	};
}

/** Calls that can grant another account something: policies, shares, ACLs. */
const sharingCall = /Policy|Attribute|Permission|Grant|Share|Acl|Trust|Role/;

const mentionCache = new WeakMap<
	readonly TrailEvent[],
	Map<string, TrailEvent[]>
>();

/**
The changes whose request names an account id: sharing one thing with an
outside account is often one of several (a snapshot, a bucket, a role), and
the panel should show them together. Built once, from the write calls that
can grant something (policies, attributes, permissions, shares, ACLs).
*/
export function mentionsOf(
	account: string,
	events: readonly TrailEvent[],
): TrailEvent[] {
	let index = mentionCache.get(events);
	if (!index) {
		index = new Map();
		for (const event of events) {
			// The name first: it is in memory, the request may not be.
			if (
				!sharingCall.test(event.eventName) ||
				recordField(event, 'readOnly') === true
			) {
				continue;
			}

			const request = recordField(event, 'requestParameters');
			if (!request) {
				continue;
			}

			const ids = new Set(JSON.stringify(request).match(/\b\d{12}\b/g));
			for (const id of ids) {
				index.set(id, [...(index.get(id) ?? []), event]);
			}
		}

		mentionCache.set(events, index);
	}

	return index.get(account) ?? [];
}

/** The accounts worth naming: every one that is not one of the logged ones. */
export function outsideAccounts(
	accounts: readonly string[],
	event: TrailEvent,
	events: readonly TrailEvent[],
): AccountView[] {
	return [...new Set(accounts)]
		.map((a) => viewAccount(a, event, events))
		.filter((v) => v.standing !== 'own');
}
