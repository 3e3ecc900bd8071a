import type {TrailEvent} from '../core/types.js';
import {parseFilter} from '../query/filter.js';

/**
A clause that must match exactly the events it stands for: a pivot's, a
picked value's, a summary row's. The filter compares text without regard
to case and some fields hold several names (`principal` also matches a
user, role or session name), so the clause is checked against every event
of its view once, when it is chosen, and where it catches others it is
narrowed by clauses that leave them out, or, failing that, replaced by the
value matched whole and in its case. What cannot be made exact is kept
with the number of events it gets wrong, for the screen to say.
*/

/** What a clause follows: its first form and the events it must match. */
export interface PivotTarget {
	clause: string;
	/** The events that share the value, compared directly. */
	shares: (other: TrailEvent) => boolean;
	/**
	A clause that leaves out `other`, an event the clause matches that does
	not share the value; undefined when no clause can.
	*/
	exclude?: (other: TrailEvent) => string | undefined;
	/**
	The value matched whole and in its case (`key=/^AKIA…$/`), tried when
	the first clause cannot be made exact: too many spellings to leave out
	one by one.
	*/
	whole?: string;
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

/** A clause as it is, or with the events it catches by mistake left out. */
function narrowed(
	events: readonly TrailEvent[],
	target: PivotTarget,
	clause: string,
): ExactClause {
	const first = measure(events, target, clause);
	if (first.wrong === 0 || first.missed > 0 || !first.exclusions) {
		return {text: clause, wrong: first.wrong};
	}

	const text = [clause, ...first.exclusions].join(' and ');
	const second = measure(events, target, text);
	return second.wrong === 0
		? {text, wrong: 0}
		: {text: clause, wrong: first.wrong};
}

/**
The cleanest clause for a target that matches exactly the events sharing
its value: the first clause when it does, else the first clause with the
others left out, else the same with the value whole; failing all, the
first clause and how many events it gets wrong.
*/
export function exactClause(
	events: readonly TrailEvent[],
	target: PivotTarget,
): ExactClause {
	const first = narrowed(events, target, target.clause);
	if (first.wrong === 0 || target.whole === undefined) {
		return first;
	}

	const whole = narrowed(events, target, target.whole);
	return whole.wrong === 0 ? whole : first;
}

/**
The clause that leaves out exactly the events an exact clause keeps:
negated, in parentheses when it was narrowed.
*/
export function leftOut(exact: ExactClause, target: PivotTarget): ExactClause {
	const single = exact.text === target.clause || exact.text === target.whole;
	return {
		text: single ? `!${exact.text}` : `!(${exact.text})`,
		wrong: exact.wrong,
	};
}
