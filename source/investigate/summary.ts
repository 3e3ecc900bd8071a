import type {SourceInfo, TrailEvent} from '../core/types.js';
import {parseUserAgent} from '../normalise/user-agent.js';

/**
Summaries: the events of a view grouped by one of their values (who, from
where, with which key or client, which call, which error, which region),
with how many events and flagged events each group holds and when it was
first and last seen. Groups are worked out in one pass; a drill-down turns
a group back into a filter clause that matches exactly its events
(group-clause.ts).
*/

export type GroupingId =
	'principal' | 'address' | 'key' | 'agent' | 'api' | 'error' | 'region';

export interface Grouping {
	id: GroupingId;
	/** The tab's name and the value column's title. */
	name: string;
}

export const groupings: readonly Grouping[] = [
	{id: 'principal', name: 'principal'},
	{id: 'address', name: 'address'},
	{id: 'key', name: 'access key'},
	{id: 'agent', name: 'user agent'},
	{id: 'api', name: 'API'},
	{id: 'error', name: 'error'},
	{id: 'region', name: 'region'},
];

export interface Group {
	/** What the group is keyed by (case folded where the filter folds it). */
	key: string;
	/** The value as shown; empty for the events without one. */
	value: string;
	/** No value: the events that lack the field. */
	missing: boolean;
	/** For addresses: AWS, private, external, … */
	addressClass?: string;
	events: number;
	flagged: number;
	/** Epoch milliseconds; NaN when no event of the group has a time. */
	first: number;
	last: number;
	/** One event of the group (its seq), to build the drill-down from. */
	seq: number;
}

const classWords: Record<SourceInfo['kind'], string> = {
	public: 'external',
	private: 'private',
	'aws-service': 'AWS service',
	'aws-internal': 'AWS internal',
	missing: '—',
	other: 'not an address',
};

/** What kind of place an address is: AWS, private, external, … */
export function addressClass(source: SourceInfo): string {
	return source.kind === 'public' && source.aws
		? 'AWS'
		: classWords[source.kind];
}

/** The short name of a service: `s3` for `s3.amazonaws.com`. */
function shortService(source: string): string {
	return source.replace(/\.amazonaws\.com$/, '');
}

/** An event's group key and shown value for a grouping; '' when none. */
export function valueOf(
	event: TrailEvent,
	grouping: GroupingId,
): {key: string; value: string} {
	switch (grouping) {
		case 'principal':
			return {key: event.principal.label, value: event.principal.label};
		case 'address': {
			const value = event.source.ip ?? event.source.raw ?? '';
			return {
				key: event.source.ip ?? value.toLowerCase(),
				value,
			};
		}

		case 'key': {
			const value = event.principal.accessKeyId ?? '';
			return {key: value, value};
		}

		case 'agent': {
			const raw = event.userAgent ?? '';
			const {product} = parseUserAgent(raw);
			return product === undefined
				? {key: raw === '' ? '' : `agent ${raw.toLowerCase()}`, value: raw}
				: {key: `product ${product.toLowerCase()}`, value: product};
		}

		case 'api': {
			const value =
				event.eventSource || event.eventName
					? `${shortService(event.eventSource)}:${event.eventName}`
					: '';
			return {
				key: `${event.eventSource.toLowerCase()} ${event.eventName.toLowerCase()}`,
				value,
			};
		}

		case 'error': {
			const value = event.errorCode ?? '';
			return {key: value.toLowerCase(), value};
		}

		case 'region':
			return {key: event.region.toLowerCase(), value: event.region};
	}
}

/** The key of the group an event falls in; '' for the events without. */
export function groupKey(event: TrailEvent, grouping: GroupingId): string {
	const {key, value} = valueOf(event, grouping);
	return value === '' ? '' : key;
}

/** The groups of some events, in the order first met. */
export function groupEvents(
	events: Iterable<TrailEvent>,
	grouping: GroupingId,
): Group[] {
	const groups = new Map<string, Group>();
	for (const event of events) {
		const {key, value} = valueOf(event, grouping);
		const missing = value === '';
		const id = missing ? '' : key;
		let group = groups.get(id);
		if (group === undefined) {
			group = {
				key: id,
				value,
				missing,
				events: 0,
				flagged: 0,
				first: Number.NaN,
				last: Number.NaN,
				seq: event.seq,
			};
			if (grouping === 'address') {
				group.addressClass = addressClass(event.source);
			}

			groups.set(id, group);
		}

		group.events++;
		if (event.flags.length > 0) {
			group.flagged++;
		}

		if (Number.isFinite(event.time)) {
			if (!(event.time >= group.first)) {
				group.first = event.time;
			}

			if (!(event.time <= group.last)) {
				group.last = event.time;
			}
		}
	}

	return [...groups.values()];
}

export type SortKey = 'events' | 'flagged' | 'first' | 'last' | 'value';

/** The sort column cycles in this order. */
export const sortKeys: readonly SortKey[] = [
	'events',
	'flagged',
	'first',
	'last',
	'value',
];

/**
Descending: the most events, the latest time, Z to A first (↓ on the
screen); ascending the other way round (↑).
*/
export type SortDirection = 'ascending' | 'descending';

/**
Each column's first order: the most events and the most flagged, the
earliest first seen (who came first), the latest last seen (who is still
about), values A to Z.
*/
export const defaultDirection: Readonly<Record<SortKey, SortDirection>> = {
	events: 'descending',
	flagged: 'descending',
	first: 'ascending',
	last: 'descending',
	value: 'ascending',
};

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending order of a column; NaN for a group without the value. */
const columns: Record<SortKey, (group: Group) => number | string> = {
	events: (group) => group.events,
	flagged: (group) => group.flagged,
	first: (group) => group.first,
	last: (group) => group.last,
	value: (group) => (group.missing ? Number.NaN : group.value),
};

function lacks(value: number | string): boolean {
	return typeof value === 'number' && Number.isNaN(value);
}

/**
Groups in a column's order. Groups without the value (no time, no value)
come last whichever way; ties are broken by value, A to Z, so a reversed
column keeps the same groups together in the same order.
*/
export function sortGroups(
	groups: readonly Group[],
	key: SortKey,
	direction: SortDirection = defaultDirection[key],
): Group[] {
	const column = columns[key];
	const sign = direction === 'descending' ? -1 : 1;
	const byValue = (a: Group, b: Group): number =>
		a.missing === b.missing
			? compareText(a.value, b.value)
			: a.missing
				? 1
				: -1;
	return groups.toSorted((a, b) => {
		const x = column(a);
		const y = column(b);
		if (lacks(x) || lacks(y)) {
			return lacks(x) === lacks(y) ? byValue(a, b) : lacks(x) ? 1 : -1;
		}

		const order =
			typeof x === 'number' && typeof y === 'number'
				? x - y
				: compareText(String(x), String(y));
		return sign * order || byValue(a, b);
	});
}
