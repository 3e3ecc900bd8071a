import type {TrailEvent} from '../core/types.js';
import {parseUserAgent} from '../normalise/user-agent.js';
import {isLoggedSourceName} from '../query/filter-ip.js';
import {quoteValue} from '../query/quote-value.js';
import type {PivotTarget} from './exact-clause.js';
import {literalPattern} from './literal-pattern.js';

export {
	exactClause,
	type ExactClause,
	type PivotTarget,
} from './exact-clause.js';

/**
Pivots: from one event to every event that shares one of its values (its
principal, role, address, access key, session or client). A pivot becomes a
filter clause, and the clause must match exactly those events: the filter
compares text without regard to case and some fields hold several names
(`principal` also matches a user, role or session name), so each clause is
checked against every event and, where it catches others, narrowed by a
clause that leaves them out: a name the filter also compares, or the other
spelling itself, matched whole and in its case (`!key=/^akia…$/`).
*/

export type PivotId =
	'principal' | 'role' | 'address' | 'key' | 'session' | 'agent';

export interface PivotChoice {
	id: PivotId;
	/** The key that picks it in the pivot menu. */
	key: string;
	/** What is followed, in words. */
	name: string;
	/** The filter the pivot starts from, when the event has the value. */
	clause?: string;
	/** Why the event offers no pivot of this kind. */
	unavailable?: string;
}

const menu: ReadonlyArray<{id: PivotId; key: string; name: string}> = [
	{id: 'principal', key: 'p', name: 'principal'},
	{id: 'role', key: 'r', name: 'role'},
	{id: 'address', key: 'a', name: 'address'},
	{id: 'key', key: 'k', name: 'access key'},
	{id: 'session', key: 's', name: 'session'},
	{id: 'agent', key: 'u', name: 'user-agent family'},
];

/** The menu's keys, in its order. */
export const pivotKeys: readonly string[] = menu.map((entry) => entry.key);

function same(a: string | undefined, b: string | undefined): boolean {
	return (
		a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
	);
}

/**
The other spelling, when `theirs` differs from `value` only in case: the
clause that leaves out exactly that spelling.
*/
function otherCase(
	field: string,
	value: string,
	theirs: string | undefined,
): string | undefined {
	return theirs !== undefined && theirs !== value && same(theirs, value)
		? `!${field}=${literalPattern(theirs)}`
		: undefined;
}

function principalTarget(event: TrailEvent): PivotTarget {
	const {label} = event.principal;
	const own = event.principal;
	// `principal=` also compares these names: leave out the events that
	// carry the label as one of them, unless this event does too.
	const names = [
		['session', 'sessionName'],
		['role', 'roleName'],
		['user', 'userName'],
	] as const;
	return {
		clause: `principal=${quoteValue(label)}`,
		whole: `principal=${literalPattern(label)}`,
		shares: (other) => other.principal.label === label,
		exclude(other) {
			const found = names.find(
				([, name]) =>
					same(other.principal[name], label) && !same(own[name], label),
			);
			if (found) {
				return `!${found[0]}=${quoteValue(label)}`;
			}

			// A label or name spelt in another case (`AND` for `and`).
			const {principal} = other;
			const spelt = [principal.label, principal.arn].concat(
				names.map(([, name]) => principal[name]),
			);
			for (const theirs of spelt) {
				const clause = otherCase('principal', label, theirs);
				if (clause) {
					return clause;
				}
			}

			return undefined;
		},
	};
}

function addressTarget(event: TrailEvent): PivotTarget | string {
	const {ip, raw} = event.source;
	if (ip !== undefined) {
		return {
			clause: `ip=${quoteValue(ip)}`,
			shares: (other) => other.source.ip === ip,
			// Another form of the same address (`::ffff:…` for IPv4).
			exclude: (other) =>
				other.source.ip === undefined
					? undefined
					: `!ip=${literalPattern(other.source.ip)}`,
		};
	}

	if (raw === undefined || raw === '') {
		return 'no source address in this event';
	}

	// A service name or `AWS Internal` compares whole with `=`; other text
	// (garbage a log may hold) is matched whole by a pattern, in any case,
	// so `not-an-ip` does not catch `not-an-ip-2`.
	const named = isLoggedSourceName(raw);
	return {
		clause: named ? `ip=${quoteValue(raw)}` : `ip=${literalPattern(raw, true)}`,
		shares: (other) =>
			other.source.ip === undefined && same(other.source.raw, raw),
		exclude: (other) =>
			other.source.raw === undefined
				? undefined
				: `!ip=${literalPattern(other.source.raw, true)}`,
	};
}

function nameTarget(
	field: 'role' | 'key' | 'session',
	value: string | undefined,
	read: (event: TrailEvent) => string | undefined,
	missing: string,
): PivotTarget | string {
	if (value === undefined || value === '') {
		return missing;
	}

	return {
		clause: `${field}=${quoteValue(value)}`,
		whole: `${field}=${literalPattern(value)}`,
		shares: (other) => read(other) === value,
		exclude: (other) => otherCase(field, value, read(other)),
	};
}

/** The product an agent names (`aws-cli`, `Boto3`), any case. */
function productOf(event: TrailEvent): string | undefined {
	return parseUserAgent(event.userAgent).product?.toLowerCase();
}

function agentTarget(event: TrailEvent): PivotTarget | string {
	const raw = event.userAgent;
	if (raw === undefined || raw === '') {
		return 'no user agent in this event';
	}

	const {product} = parseUserAgent(raw);
	if (product === undefined) {
		// A client trailtui does not know: the agent itself.
		return {
			clause: `ua=${quoteValue(raw)}`,
			shares: (other) => same(other.userAgent, raw),
		};
	}

	const family = product.toLowerCase();
	return {
		clause: `ua~${quoteValue(product)}`,
		shares: (other) => productOf(other) === family,
		exclude(other) {
			const theirs = parseUserAgent(other.userAgent).product;
			if (theirs !== undefined) {
				return `!ua~${quoteValue(theirs)}`;
			}

			return other.userAgent === undefined
				? undefined
				: `!ua=${quoteValue(other.userAgent)}`;
		},
	};
}

/** The pivot of a kind from an event, or why there is none. */
export function pivotTarget(
	event: TrailEvent,
	id: PivotId,
): PivotTarget | string {
	const {principal} = event;
	switch (id) {
		case 'principal':
			return principalTarget(event);
		case 'role':
			return nameTarget(
				'role',
				principal.roleName,
				(other) => other.principal.roleName,
				'not a role: no role name in this event',
			);
		case 'address':
			return addressTarget(event);
		case 'key':
			return nameTarget(
				'key',
				principal.accessKeyId,
				(other) => other.principal.accessKeyId,
				'no access key in this event',
			);
		case 'session':
			return nameTarget(
				'session',
				principal.sessionName,
				(other) => other.principal.sessionName,
				'no role session in this event',
			);
		case 'agent':
			return agentTarget(event);
	}
}

/** The pivot menu for an event: every kind, with its clause or why not. */
export function pivotChoices(event: TrailEvent): PivotChoice[] {
	return menu.map((entry) => {
		const target = pivotTarget(event, entry.id);
		return typeof target === 'string'
			? {...entry, unavailable: target}
			: {...entry, clause: target.clause};
	});
}

export function pivotIdOfKey(key: string): PivotId | undefined {
	return menu.find((entry) => entry.key === key)?.id;
}
