import type {TrailEvent} from '../core/types.js';
import {parseUserAgent} from '../normalise/user-agent.js';
import {parseFilter} from '../query/filter.js';
import {isLoggedSourceName} from '../query/filter-ip.js';
import {quoteValue} from '../query/quote-value.js';

/**
Pivots: from one event to every event that shares one of its values (its
principal, role, address, access key, session or client). A pivot becomes a
filter clause, and the clause must match exactly those events: the filter
compares text without regard to case and some fields hold several names
(`principal` also matches a user, role or session name), so each clause is
checked against every event and, where it catches others, narrowed by a
clause that leaves them out.
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

/** What a pivot follows: its first clause and the events it must match. */
export interface PivotTarget {
	clause: string;
	/** The events that share the value, compared directly. */
	shares: (other: TrailEvent) => boolean;
	/**
	A clause that leaves out `other`, an event the clause matches that does
	not share the value; undefined when no clause can.
	*/
	exclude?: (other: TrailEvent) => string | undefined;
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
		shares: (other) => other.principal.label === label,
		exclude(other) {
			const found = names.find(
				([, name]) =>
					same(other.principal[name], label) && !same(own[name], label),
			);
			return found && `!${found[0]}=${quoteValue(label)}`;
		},
	};
}

function addressTarget(event: TrailEvent): PivotTarget | string {
	const {ip, raw} = event.source;
	if (ip !== undefined) {
		return {
			clause: `ip=${quoteValue(ip)}`,
			shares: (other) => other.source.ip === ip,
		};
	}

	if (raw === undefined || raw === '') {
		return 'no source address in this event';
	}

	// A service name or `AWS Internal` compares whole; other text (garbage
	// a log may hold) can only be matched as a part.
	const exact = isLoggedSourceName(raw);
	return {
		clause: `ip${exact ? '=' : '~'}${quoteValue(raw)}`,
		shares: (other) =>
			other.source.ip === undefined && same(other.source.raw, raw),
		exclude: (other) =>
			other.source.raw === undefined
				? undefined
				: `!ip~${quoteValue(other.source.raw)}`,
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
		shares: (other) => read(other) === value,
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

export interface ExactClause {
	text: string;
	/**
	Events the text gets wrong: matched without sharing the value, or
	sharing it and missed (0 when exact).
	*/
	wrong: number;
}

/** At most this many clauses leave out events caught by mistake. */
const maxExclusions = 4;

function measure(
	events: readonly TrailEvent[],
	target: PivotTarget,
	text: string,
): {wrong: number; missed: number; exclusions: Set<string> | undefined} {
	const parsed = parseFilter(text);
	if (!parsed.ok) {
		return {wrong: Number.POSITIVE_INFINITY, missed: 0, exclusions: undefined};
	}

	let extra = 0;
	let missed = 0;
	let exclusions: Set<string> | undefined = new Set<string>();
	for (const event of events) {
		const matched = parsed.filter.test(event);
		const shares = target.shares(event);
		if (matched && !shares) {
			extra++;
			const clause = exclusions && target.exclude?.(event);
			if (clause === undefined || exclusions === undefined) {
				exclusions = undefined;
			} else {
				exclusions.add(clause);
				if (exclusions.size > maxExclusions) {
					exclusions = undefined;
				}
			}
		} else if (shares && !matched) {
			missed++;
		}
	}

	return {wrong: extra + missed, missed, exclusions};
}

/**
The cleanest clause for a target that matches exactly the events sharing
its value: the first clause when it does, else the first clause with the
others left out; failing both, the first clause and how many it overshoots.
*/
export function exactClause(
	events: readonly TrailEvent[],
	target: PivotTarget,
): ExactClause {
	const first = measure(events, target, target.clause);
	if (first.wrong === 0 || first.missed > 0 || !first.exclusions) {
		return {text: target.clause, wrong: first.wrong};
	}

	const narrowed = [target.clause, ...first.exclusions].join(' and ');
	const second = measure(events, target, narrowed);
	return second.wrong === 0
		? {text: narrowed, wrong: 0}
		: {text: target.clause, wrong: first.wrong};
}
