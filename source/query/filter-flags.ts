import {parseQuery} from './filter.js';
import {quoteValue} from './quote-value.js';
import {durationMs, parseDuration, parseTime} from './time-spec.js';

/**
The command line's event selection (`--filter`, `--flagged`, `--since`,
`--until`) as one filter text: what the screen starts with and what
`--report`, `--json` (and any later output) keep. One function, so every
output selects the same events from the same flags.

`--since 2h` means the two hours that end at the newest event loaded, not
at the clock: CloudTrail folders are often days old.
*/

export interface SelectionFlags {
	filter?: string | undefined;
	flagged?: boolean | undefined;
	since?: string | undefined;
	until?: string | undefined;
}

export type SelectionResult =
	/** `text` is undefined when the flags select every event. */
	| {ok: true; text: string | undefined}
	| {
			ok: false;
			/** The flag at fault, e.g. `--since`. */
			flag: string;
			error: string;
			/** For `--filter`: where in its text the mistake is. */
			position?: number;
	  };

const timeHelp =
	'give a UTC time such as 2018-11-28T23:00Z or a day 2018-11-28, ' +
	'or a span before the newest event such as 2h, 30m, 1d';

/**
The clause for `--since` or `--until`: an absolute time (a time covers its
whole unit, both ends included) or a span before the newest event.
*/
export function timeFlagClause(
	flag: 'since' | 'until',
	value: string,
): string | undefined {
	const text = value.trim();
	const duration = parseDuration(text);
	if (duration) {
		const span = `${duration.amount}${duration.unit}`;
		return flag === 'since' ? `last ${span}` : `time<=newest-${span}`;
	}

	if (!parseTime(text)) {
		return undefined;
	}

	return `time${flag === 'since' ? '>=' : '<='}${quoteValue(text)}`;
}

/**
True when both ends are readable and `--since` starts after `--until`
ends, whatever the newest event: no event could be selected.
*/
function emptySpan(since: string, until: string): boolean {
	const start = parseDuration(since.trim());
	const end = parseDuration(until.trim());
	if (start && end) {
		return durationMs(start) < durationMs(end);
	}

	const from = parseTime(since.trim());
	const to = parseTime(until.trim());
	return from !== undefined && to !== undefined && to.end <= from.start;
}

/** The filter text the flags stand for, or what is wrong with them. */
export function selectionFilter(flags: SelectionFlags): SelectionResult {
	const parts: string[] = [];
	const filter = flags.filter?.trim() ?? '';
	if (filter !== '') {
		const parsed = parseQuery(flags.filter!);
		if (!parsed.ok) {
			return {
				ok: false,
				flag: '--filter',
				error: parsed.error,
				position: parsed.position,
			};
		}

		// `a or b` joined to more clauses keeps its meaning in parentheses.
		parts.push(parsed.query.kind === 'or' ? `(${filter})` : filter);
	}

	if (flags.flagged) {
		parts.push('flagged');
	}

	for (const flag of ['since', 'until'] as const) {
		const value = flags[flag];
		if (value === undefined) {
			continue;
		}

		const clause = timeFlagClause(flag, value);
		if (!clause) {
			return {
				ok: false,
				flag: `--${flag}`,
				error: `${JSON.stringify(value)} is not a time: ${timeHelp}`,
			};
		}

		parts.push(clause);
	}

	if (
		flags.since !== undefined &&
		flags.until !== undefined &&
		emptySpan(flags.since, flags.until)
	) {
		return {
			ok: false,
			flag: '--since',
			error: `${JSON.stringify(flags.since)} starts after --until ${JSON.stringify(flags.until)} ends: no event could be selected`,
		};
	}

	return {ok: true, text: parts.length > 0 ? parts.join(' ') : undefined};
}
