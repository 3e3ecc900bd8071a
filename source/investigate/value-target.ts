import type {TrailEvent} from '../core/types.js';
import {eventValues} from '../query/field-values.js';
import {parseFilter} from '../query/filter.js';
import {quoteValue} from '../query/quote-value.js';
import {literalPattern} from './literal-pattern.js';
import {
	exactClause,
	leftOut,
	type ExactClause,
	type PivotTarget,
} from './exact-clause.js';
import {pivotTarget} from './pivot.js';

/**
A value picked in the values picker (v) as a filter clause that keeps
exactly the events counted for it, or, left out with `!`, exactly the
others. The picker counts values as they are spelt, the filter's `=`
ignores case, and `principal` also compares user, role and session names:
so the clause goes through the pivots' check (`exactClause`) and is
narrowed the same way, with the other spellings left out whole
(`principal=AND and !principal=/^and$/`).
*/

/** `field=value`; text in the address field that is no address, whole. */
export function valueClause(field: string, value: string): string {
	const equal = `${field}=${quoteValue(value)}`;
	return parseFilter(equal).ok ? equal : `${field}=${literalPattern(value)}`;
}

const principalNames: ReadonlySet<string> = new Set(['principal', 'who']);

/**
What a picked value follows: the events that have it, spelt the same.
A principal is followed as its pivot follows it, from one of its events.
*/
export function valueTarget(
	events: readonly TrailEvent[],
	field: string,
	value: string,
): PivotTarget {
	if (principalNames.has(field.toLowerCase())) {
		const sample = events.find((event) => event.principal.label === value);
		const pivot = sample && pivotTarget(sample, 'principal');
		if (pivot !== undefined && typeof pivot !== 'string') {
			return {...pivot, clause: valueClause(field, value)};
		}
	}

	const lower = value.toLowerCase();
	const clause = valueClause(field, value);
	const whole = `${field}=${literalPattern(value)}`;
	return {
		clause,
		...(whole === clause ? {} : {whole}),
		shares: (event) => eventValues(event, field).includes(value),
		exclude(other) {
			// The spelling the clause caught, or the event's one value.
			const theirs = eventValues(other, field);
			const spelt =
				theirs.find((v) => v.toLowerCase() === lower) ??
				(theirs.length === 1 ? theirs[0] : undefined);
			return spelt === undefined || spelt === value
				? undefined
				: `!${field}=${literalPattern(spelt)}`;
		},
	};
}

/**
The clause a pick adds, checked against the events it was counted in (the
view): `exclude` turns it round, so exactly the counted events go.
*/
export function pickClause(
	events: readonly TrailEvent[],
	field: string,
	value: string,
	exclude: boolean,
): ExactClause {
	const target = valueTarget(events, field, value);
	const exact = exactClause(events, target);
	return exclude ? leftOut(exact, target) : exact;
}
