import type {TrailEvent} from '../core/types.js';
import {severityOrder} from '../core/types.js';
import {resolveField, topSeverity, type FieldDef} from './filter-fields.js';
import type {Token} from './filter-tokens.js';
import {
	flagIds,
	outcomeHelp,
	outcomeNamed,
	unknownFlagError,
} from './filter-choices.js';
import {isLoggedSourceName, parseIp, parseRange} from './filter-ip.js';
import {isReversedRange, parseTimeRange} from './time-spec.js';

/**
Turns one clause of the field filter into a test on events. Every value is
checked here, once, while the filter is parsed: a bad address range or time
is reported at its position before any event is looked at.
*/

export type Predicate = (event: TrailEvent) => boolean;

export type Compiled =
	{ok: true; test: Predicate} | {ok: false; error: string; position: number};

const fail = (error: string, position: number): Compiled => ({
	ok: false,
	error,
	position,
});

const pass = (test: Predicate): Compiled => ({ok: true, test});

/** Bare words: a clause of one word, no operator. */
const words: Record<string, Predicate> = {
	flagged: (e) => e.flags.length > 0,
	console: (e) => e.console,
	denied: (e) => e.outcome === 'denied',
	error: (e) => e.outcome !== 'success',
};

export function compileWord(token: Token): Compiled {
	const test = words[token.text.toLowerCase()];
	if (test) {
		return pass(test);
	}

	return fail(
		`unknown word "${token.text}": write field=value (e.g. eventName=${token.text}), ` +
			`or one of ${Object.keys(words).join(', ')}`,
		token.position,
	);
}

function anyValue(
	field: FieldDef,
	check: (value: string) => boolean,
): Predicate {
	return (event) => field.values(event).some(check);
}

function textClause(field: FieldDef, op: string, value: string): Predicate {
	const wanted = value.toLowerCase();
	return op === '~'
		? anyValue(field, (v) => v.toLowerCase().includes(wanted))
		: anyValue(field, (v) => v.toLowerCase() === wanted);
}

function ipClause(field: FieldDef, op: string, value: Token): Compiled {
	if (op === '~') {
		return pass(textClause(field, op, value.text));
	}

	if (value.text.includes('/')) {
		const wanted = parseRange(value.text);
		if (!wanted) {
			return fail(
				`"${value.text}" is not an address range: write one like 203.0.113.0/24 or 2001:db8::/32`,
				value.position,
			);
		}

		return pass((event) => {
			const ip = event.source.ip ? parseIp(event.source.ip) : undefined;
			return (
				ip !== undefined && ip.kind() === wanted[0].kind() && ip.match(wanted)
			);
		});
	}

	const address = parseIp(value.text);
	if (address) {
		const canonical = address.toNormalizedString();
		return pass((event) => {
			const ip = event.source.ip ? parseIp(event.source.ip) : undefined;
			return ip !== undefined && ip.toNormalizedString() === canonical;
		});
	}

	// Not an address: compare the logged text (`ip=ec2.amazonaws.com`), but
	// only for values a log can hold there; `ip:foo` or `ip=10.0.0.256` would
	// silently match nothing.
	if (isLoggedSourceName(value.text)) {
		return pass(textClause(field, '=', value.text));
	}

	return fail(
		`"${value.text}" is not an address: write one like 203.0.113.10, a range ` +
			`like 203.0.113.0/24, a service like ec2.amazonaws.com, "AWS Internal", ` +
			`or ip~${value.text} to match part of the text`,
		value.position,
	);
}

function outcomeClause(field: FieldDef, value: Token): Compiled {
	const outcome = outcomeNamed(value.text);
	if (!outcome) {
		return fail(
			`"${value.text}" is not an outcome: use ${outcomeHelp}`,
			value.position,
		);
	}

	return pass(anyValue(field, (v) => v === outcome));
}

function flagClause(field: FieldDef, op: string, value: Token): Compiled {
	const wanted = value.text.toLowerCase();
	const known =
		op === '~'
			? flagIds.some((id) => id.includes(wanted))
			: flagIds.includes(wanted);
	if (!known) {
		return fail(unknownFlagError(value.text), value.position);
	}

	return pass(textClause(field, op, value.text));
}

function timeClause(field: FieldDef, op: string, value: Token): Compiled {
	if (op === '~') {
		return pass(textClause(field, op, value.text));
	}

	const span = parseTimeRange(value.text);
	if (!span && isReversedRange(value.text)) {
		return fail(
			`"${value.text}": the span ends before it starts; write the earlier time first`,
			value.position,
		);
	}

	if (!span) {
		return fail(
			`"${value.text}" is not a time: write 2024-05-01T10:00Z (UTC), a day 2024-05-01, or a range a..b`,
			value.position,
		);
	}

	const compare: Record<string, (t: number) => boolean> = {
		'=': (t) => t >= span.start && t < span.end,
		':': (t) => t >= span.start && t < span.end,
		'>': (t) => t >= span.end,
		'>=': (t) => t >= span.start,
		'<': (t) => t < span.start,
		'<=': (t) => t < span.end,
	};
	const check = compare[op]!;
	return pass((event) => Number.isFinite(event.time) && check(event.time));
}

function severityClause(op: string, value: Token): Compiled {
	const wanted = severityOrder.indexOf(
		value.text.toLowerCase() as (typeof severityOrder)[number],
	);
	if (wanted < 0) {
		return fail(
			`"${value.text}" is not a severity: use ${severityOrder.join(', ')}`,
			value.position,
		);
	}

	const compare: Record<string, (rank: number) => boolean> = {
		'=': (r) => r === wanted,
		':': (r) => r === wanted,
		'~': (r) => r === wanted,
		'>': (r) => r > wanted,
		'>=': (r) => r >= wanted,
		'<': (r) => r < wanted,
		'<=': (r) => r <= wanted,
	};
	const check = compare[op]!;
	return pass((event) => {
		const top = topSeverity(event);
		return top !== undefined && check(severityOrder.indexOf(top as never));
	});
}

function boolClause(field: FieldDef, value: Token): Compiled {
	const text = value.text.toLowerCase();
	const truth = ['true', 'yes', '1'].includes(text)
		? 'true'
		: ['false', 'no', '0'].includes(text)
			? 'false'
			: undefined;
	if (!truth) {
		return fail(
			`${field.name} is true or false, not "${value.text}"`,
			value.position,
		);
	}

	return pass(anyValue(field, (v) => v === truth));
}

/** `name op value`; `!=` and `!~` are the negations of `=` and `~`. */
export function compileComparison(
	name: Token,
	op: Token,
	value: Token,
): Compiled {
	const field = resolveField(name.text);
	const negated = op.text === '!=' || op.text === '!~';
	const base = negated ? op.text.slice(1) : op.text;
	const ordered = ['>', '<', '>=', '<='].includes(base);
	if (ordered && field.kind !== 'time' && field.kind !== 'severity') {
		return fail(`"${op.text}" compares only time and severity`, op.position);
	}

	let compiled: Compiled;
	switch (field.kind) {
		case 'ip': {
			compiled = ipClause(field, base, value);
			break;
		}

		case 'time': {
			compiled = timeClause(field, base, value);
			break;
		}

		case 'severity': {
			compiled = severityClause(base, value);
			break;
		}

		case 'bool': {
			compiled = boolClause(field, value);
			break;
		}

		case 'outcome': {
			compiled = outcomeClause(field, value);
			break;
		}

		case 'flag': {
			compiled = flagClause(field, base, value);
			break;
		}

		default: {
			compiled = pass(textClause(field, base, value.text));
		}
	}

	if (!compiled.ok || !negated) {
		return compiled;
	}

	const test = compiled.test;
	return pass((event) => !test(event));
}
