import type {TrailEvent} from '../core/types.js';
import {resolveField} from './filter-fields.js';

/**
The values a field takes across events, with how many events have each:
what the facet picker lists and what Tab completes in a filter. Each value
reads back through the filter: `field=value` (value quoted by quoteValue)
matches exactly the events counted for it.
*/

export interface ValueCount {
	value: string;
	count: number;
}

export interface FieldValues {
	/** Most frequent first, ties by value; at most `limit` of them. */
	values: ValueCount[];
	/** How many distinct values there are in all. */
	distinct: number;
	/** Events with no value for the field. */
	missing: number;
}

/**
One value per event where a short field offers several spellings of the same
thing: the principal's label rather than its ARN, user and session too.
*/
const label = (event: TrailEvent) => event.principal.label || undefined;
const address = (event: TrailEvent) => event.source.raw || undefined;
const service = (event: TrailEvent) => event.eventSource || undefined;
const oneValue: Record<string, (event: TrailEvent) => string | undefined> = {
	principal: label,
	who: label,
	ip: address,
	address,
	source: address,
	sourceipaddress: address,
	service,
	eventsource: service,
	type: (event) => event.principal.type || undefined,
};

/** The distinct values one event has for a field. */
export function eventValues(event: TrailEvent, field: string): string[] {
	const one = oneValue[field.toLowerCase()];
	if (one) {
		const value = one(event);
		return value === undefined ? [] : [value];
	}

	return [...new Set(resolveField(field).values(event))];
}

/** Counts over any events: all of them, or the rows of a filtered view. */
export function countValues(
	events: Iterable<TrailEvent>,
	field: string,
	limit = Number.POSITIVE_INFINITY,
): FieldValues {
	const counts = new Map<string, number>();
	let missing = 0;
	for (const event of events) {
		const values = eventValues(event, field);
		if (values.length === 0) {
			missing++;
		}

		for (const value of values) {
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
	}

	const values = [...counts]
		.map(([value, count]) => ({value, count}))
		.sort((a, b) =>
			b.count !== a.count
				? b.count - a.count
				: a.value < b.value
					? -1
					: a.value > b.value
						? 1
						: 0,
		);
	return {
		values: values.slice(0, limit),
		distinct: values.length,
		missing,
	};
}
