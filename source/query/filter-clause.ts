import type {TrailEvent} from '../core/types.js';
import {severityOrder} from '../core/types.js';
import {resolveField, topSeverity, type FieldDef} from './filter-fields.js';
import type {CompareOp, QueryNode, QueryValue} from './query-ast.js';
import {
	flagIds,
	outcomeHelp,
	outcomeNamed,
	unknownFlagError,
} from './filter-choices.js';
import {
	isLoggedSourceName,
	parseIp,
	parseRange,
	parseSourceIp,
} from './filter-ip.js';
import {isReversedRange, parseTimeRange} from './time-spec.js';

/**
Turns one clause of a query into a test on events. Every value is checked
here: the parser compiles each clause once as it reads it, so a bad address
range, time or regular expression is reported at its position before any
event is looked at.
*/

export type Predicate = (event: TrailEvent) => boolean;

/**
A test on the logged address, worked out once per distinct address text:
a trail holds far fewer addresses than events.
*/
function memoBySource(test: (text: string) => boolean): Predicate {
	const known = new Map<string, boolean>();
	return (event) => {
		const text = event.source.ip;
		if (!text) {
			return false;
		}

		let result = known.get(text);
		if (result === undefined) {
			result = test(text);
			known.set(text, result);
		}

		return result;
	};
}

/** What compiling needs besides the clause: the newest event's time. */
export interface QueryContext {
	/** Epoch ms of the newest event loaded (`last 2h`, `newest-2h`). */
	latest?: number | undefined;
}

/** Where the parts of a clause were written, for errors. */
export interface ClauseAt {
	name: number;
	op: number;
	/** One position per value (one for `op value`, several for `in`). */
	values: readonly number[];
}

/** A value's text and where it was written. */
interface ValueAt {
	text: string;
	position: number;
}

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

export const bareWords: readonly string[] = Object.keys(words);

export function compileWord(word: string, position: number): Compiled {
	const test = words[word.toLowerCase()];
	if (test) {
		return pass(test);
	}

	return fail(
		`unknown word "${word}": write field=value (e.g. eventName=${word}), ` +
			`or one of ${bareWords.join(', ')}`,
		position,
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

function ipClause(field: FieldDef, op: string, value: ValueAt): Compiled {
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

		return pass(
			memoBySource((text) => {
				const ip = parseSourceIp(text);
				return (
					ip !== undefined && ip.kind() === wanted[0].kind() && ip.match(wanted)
				);
			}),
		);
	}

	const address = parseIp(value.text);
	if (address) {
		const canonical = address.toNormalizedString();
		return pass(
			memoBySource(
				(text) => parseSourceIp(text)?.toNormalizedString() === canonical,
			),
		);
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

function outcomeClause(field: FieldDef, value: ValueAt): Compiled {
	const outcome = outcomeNamed(value.text);
	if (!outcome) {
		return fail(
			`"${value.text}" is not an outcome: use ${outcomeHelp}`,
			value.position,
		);
	}

	return pass(anyValue(field, (v) => v === outcome));
}

function flagClause(field: FieldDef, op: string, value: ValueAt): Compiled {
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

function timeClause(
	field: FieldDef,
	op: string,
	value: ValueAt,
	latest: number | undefined,
): Compiled {
	if (op === '~') {
		return pass(textClause(field, op, value.text));
	}

	if (isReversedRange(value.text)) {
		return fail(
			`"${value.text}": the span ends before it starts; write the earlier time first`,
			value.position,
		);
	}

	// Read without the newest event first: whether the text is a time does
	// not depend on what is loaded.
	if (!parseTimeRange(value.text, undefined)) {
		return fail(
			`"${value.text}" is not a time: write 2024-05-01T10:00Z (UTC), a day 2024-05-01, ` +
				`newest-2h (before the newest event), or a range a..b`,
			value.position,
		);
	}

	// A span from a time to `newest-…` may end before it starts once the
	// newest event is known: it holds nothing then.
	const span = parseTimeRange(value.text, latest);
	if (!span) {
		return pass(() => false);
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

function severityClause(op: string, value: ValueAt): Compiled {
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

function boolClause(field: FieldDef, value: ValueAt): Compiled {
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

/** A regular expression written `/…/`, or why it is none. */
function regexClause(
	field: FieldDef,
	value: Extract<QueryValue, {kind: 'regex'}>,
	position: number,
): Compiled {
	let pattern: RegExp;
	try {
		pattern = new RegExp(value.source, value.ignoreCase ? 'i' : '');
	} catch (error) {
		const reason = String((error as Error).message).replace(/^.*: /, '');
		return fail(
			`/${value.source}/ is not a valid regular expression: ${reason.toLowerCase()}`,
			position,
		);
	}

	return pass(anyValue(field, (v) => pattern.test(v)));
}

function compileValue(
	field: FieldDef,
	base: string,
	value: QueryValue,
	position: number,
	context: QueryContext,
): Compiled {
	if (value.kind === 'regex') {
		return regexClause(field, value, position);
	}

	const at = {text: value.text, position};
	switch (field.kind) {
		case 'ip':
			return ipClause(field, base, at);
		case 'time':
			return timeClause(field, base, at, context.latest);
		case 'severity':
			return severityClause(base, at);
		case 'bool':
			return boolClause(field, at);
		case 'outcome':
			return outcomeClause(field, at);
		case 'flag':
			return flagClause(field, base, at);
		default:
			return pass(textClause(field, base, value.text));
	}
}

const ordered: ReadonlySet<string> = new Set(['>', '<', '>=', '<=']);

/**
`error=true`: `error` names the error code as a field and failed calls as
a bare word; an error code is never true or false, so say which to write.
*/
function truthWord(name: string, value: QueryValue): string | undefined {
	const lower = name.toLowerCase();
	if (
		(lower === 'error' || lower === 'errorcode') &&
		value.kind === 'text' &&
		/^(true|false|yes|no)$/i.test(value.text)
	) {
		return `${name} compares the error code (${name}=AccessDenied): for the calls that failed write the bare word error, for the others !error`;
	}

	return undefined;
}

/** `name op value`; `!=` and `!~` are the negations of `=` and `~`. */
export function compileComparison(
	node: {field: string; op: CompareOp; value: QueryValue},
	at: ClauseAt,
	context: QueryContext = {},
): Compiled {
	const field = resolveField(node.field);
	const negated = node.op === '!=' || node.op === '!~';
	const base = negated ? node.op.slice(1) : node.op;
	if (ordered.has(base) && field.kind !== 'time' && field.kind !== 'severity') {
		return fail(`"${node.op}" compares only time and severity`, at.op);
	}

	if (ordered.has(base) && node.value.kind === 'regex') {
		return fail(
			`"${node.op}" does not take a regular expression: use = ~ != or !~`,
			at.op,
		);
	}

	const truth = truthWord(node.field, node.value);
	if (truth !== undefined) {
		return fail(truth, at.values[0] ?? at.op);
	}

	const compiled = compileValue(
		field,
		base,
		node.value,
		at.values[0] ?? at.op,
		context,
	);
	if (!compiled.ok || !negated) {
		return compiled;
	}

	const test = compiled.test;
	return pass((event) => !test(event));
}

/**
`name in (a, b, c)`: the field equals one of the values, each read as after
`=` (an address range for ip, a span for time, a regular expression).
*/
export function compileIn(
	node: Extract<QueryNode, {kind: 'in'}>,
	at: ClauseAt,
	context: QueryContext = {},
): Compiled {
	const field = resolveField(node.field);
	const tests: Predicate[] = [];
	for (const [index, value] of node.values.entries()) {
		const compiled = compileComparison(
			{field: node.field, op: '=', value},
			{...at, values: [at.values[index] ?? at.op]},
			context,
		);
		if (!compiled.ok) {
			return compiled;
		}

		tests.push(compiled.test);
	}

	// Plain text values: one look-up per value of the event, not one
	// comparison per value of the list.
	if (
		field.kind === 'text' &&
		node.values.every((value) => value.kind === 'text')
	) {
		const wanted = new Set(
			node.values.map((value) =>
				value.kind === 'text' ? value.text.toLowerCase() : '',
			),
		);
		return pass(anyValue(field, (v) => wanted.has(v.toLowerCase())));
	}

	return pass((event) => tests.some((test) => test(event)));
}
