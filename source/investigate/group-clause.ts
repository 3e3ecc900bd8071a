import type {TrailEvent} from '../core/types.js';
import {quoteValue} from '../query/quote-value.js';
import {
	exactClause,
	type ExactClause,
	type PivotTarget,
} from './exact-clause.js';
import {literalPattern} from './literal-pattern.js';
import {pivotTarget, type PivotId} from './pivot.js';
import {groupKey, valueOf, type Group, type GroupingId} from './summary.js';

/**
A summary row's drill-down: the filter clause that keeps exactly the
events counted in the row. Principals, addresses, keys and clients start
from their pivot's clause, the rest from a plain comparison; each is
checked against the events the row was counted in and narrowed where it
catches other rows' events (`exactClause`).
*/

/** The filter field of each grouping, for the groups without a value. */
const fieldOf: Record<GroupingId, string> = {
	principal: 'principal',
	address: 'ip',
	key: 'key',
	agent: 'ua',
	api: 'eventName',
	error: 'error',
	region: 'region',
};

const pivotOf: Partial<Record<GroupingId, PivotId>> = {
	principal: 'principal',
	address: 'address',
	key: 'key',
	agent: 'agent',
};

/** The text an event is left out by, for a grouping, and its case. */
function spelling(
	event: TrailEvent,
	grouping: Exclude<GroupingId, 'api'>,
): string | undefined {
	switch (grouping) {
		case 'principal':
			return event.principal.label;
		case 'address':
			return event.source.raw;
		case 'key':
			return event.principal.accessKeyId;
		case 'agent':
			return event.userAgent;
		case 'error':
			return event.errorCode;
		case 'region':
			return event.region;
	}
}

/** The groupings whose groups are told apart in the case they are spelt. */
const caseKept: ReadonlySet<GroupingId> = new Set(['principal', 'key']);

/**
A clause that leaves out an event caught by mistake: the pivot's, or the
event's own value matched whole.
*/
function leaveOut(grouping: GroupingId, other: TrailEvent): string | undefined {
	if (grouping === 'api') {
		return `!service=${literalPattern(other.eventSource, true)}`;
	}

	const text = spelling(other, grouping);
	return text === undefined || text === ''
		? undefined
		: `!${fieldOf[grouping]}=${literalPattern(text, !caseKept.has(grouping))}`;
}

function firstClause(event: TrailEvent, grouping: GroupingId): PivotTarget {
	if (grouping === 'api') {
		const parts = [
			event.eventSource === ''
				? '!service~""'
				: `service=${quoteValue(event.eventSource)}`,
			event.eventName === ''
				? '!eventName~""'
				: `eventName=${quoteValue(event.eventName)}`,
		];
		return {clause: parts.join(' and '), shares: () => false};
	}

	const pivot = pivotOf[grouping];
	const target = pivot && pivotTarget(event, pivot);
	return target !== undefined && typeof target !== 'string'
		? target
		: {
				clause: `${fieldOf[grouping]}=${quoteValue(valueOf(event, grouping).value)}`,
				shares: () => false,
			};
}

/**
The clause that keeps exactly a group's events, checked against the events
it was counted in (`within`: the view; all events by default): `!field~""`
(no value) for the events without one, a pivot's clause for principals,
addresses, keys and clients, plain comparisons for the rest; each narrowed
where it catches events of other groups, or with how far off it is.
*/
export function groupClause(
	events: readonly TrailEvent[],
	grouping: GroupingId,
	group: Group,
	within: readonly TrailEvent[] = events,
): ExactClause {
	const event = events[group.seq];
	const shares = (other: TrailEvent) => groupKey(other, grouping) === group.key;
	// The API's clause names both parts, even for the events without them.
	if ((group.missing && grouping !== 'api') || event === undefined) {
		return exactClause(within, {
			clause: `!${fieldOf[grouping]}~""`,
			shares,
		});
	}

	const first = firstClause(event, grouping);
	return exactClause(within, {
		clause: first.clause,
		...(first.whole === undefined ? {} : {whole: first.whole}),
		shares,
		exclude: (other) => first.exclude?.(other) ?? leaveOut(grouping, other),
	});
}
