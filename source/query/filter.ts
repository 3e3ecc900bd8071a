import type {TrailEvent} from '../core/types.js';
import {
	compileComparison,
	compileIn,
	compileWord,
	type ClauseAt,
	type Compiled,
	type Predicate,
	type QueryContext,
} from './filter-clause.js';
import {tokenize, type Token} from './filter-tokens.js';
import {
	everything,
	group,
	negate,
	type CompareOp,
	type QueryNode,
	type QueryValue,
} from './query-ast.js';
import {durationMs, parseDuration} from './time-spec.js';

export type {QueryContext} from './filter-clause.js';

/**
The query language: what `f` (or `:`) takes in the TUI and `--filter` on
the command line.

    eventName=ListBuckets principal~level3 and !ip:10.0.0.0/8
    (service=kms or eventName~/^Describe/) and time>=2024-05-01
    !(service=kms or eventName~Describe) last 2h
    eventName in (ListBuckets, GetObject) ip=203.0.113.0/24

Clauses `[!]name op value`, `name in (a, b)`, `last 2h` and bare words
(flagged, console, denied, error), joined by `and` (or by spaces) and `or`;
`not` or `!` negates a clause or a parenthesised group. `not` binds
tightest, then `and`, then `or`. Operators: `=` (whole value, any case),
`!=`, `~` (contains, any case), `!~`, `:` (= for text, address range for
ip, span for time), `>` `<` `>=` `<=` for time and severity; a value
`/regex/` or `/regex/i` is a regular expression.

`parseQuery` reads text into a syntax tree (query-ast.ts), checking every
clause as it goes so that an error names its position; `compileQuery`
turns a tree into a test, given the newest event's time for `last 2h`.
*/

export interface EventFilter {
	/** The filter as typed. */
	text: string;
	/** The filter as read. */
	query: QueryNode;
	test(event: TrailEvent): boolean;
}

export type FilterResult =
	| {ok: true; filter: EventFilter}
	| {ok: false; error: string; position: number};

export type QueryResult =
	{ok: true; query: QueryNode} | {ok: false; error: string; position: number};

/** Deeper nesting is refused: the tree is walked by recursion. */
export const maxDepth = 64;

class QueryError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(message);
	}
}

function keywordOf(tokens: readonly Token[], index: number): string {
	const token = tokens[index];
	if (token?.kind !== 'name' || tokens[index + 1]?.kind === 'op') {
		return '';
	}

	const word = token.text.toLowerCase();
	return word === 'and' || word === 'or' || word === 'not' ? word : '';
}

function valueOf(token: Token): QueryValue {
	return token.regex
		? {kind: 'regex', source: token.text, ignoreCase: token.regex.ignoreCase}
		: {kind: 'text', text: token.text};
}

/** Turns a clause's check into its node, or throws its error. */
function checked(compiled: Compiled, node: QueryNode): QueryNode {
	if (!compiled.ok) {
		throw new QueryError(compiled.error, compiled.position);
	}

	return node;
}

/** Recursive descent over the tokens; errors are thrown as QueryError. */
class Parser {
	private index = 0;
	private depth = 0;

	constructor(
		private readonly tokens: readonly Token[],
		private readonly text: string,
	) {}

	parse(): QueryNode {
		if (this.tokens.length === 0) {
			return everything;
		}

		const node = this.or();
		const stray = this.tokens[this.index];
		if (stray) {
			// `or` and `and` stop only at a `)` or at the end.
			throw new QueryError(
				'this ")" closes no "(": quote a value that holds ")"',
				stray.position,
			);
		}

		return node;
	}

	private peek(): Token | undefined {
		return this.tokens[this.index];
	}

	/** A keyword that needs a clause after it, and has none. */
	private joinsNothing(): boolean {
		const next = this.peek();
		const keyword = keywordOf(this.tokens, this.index);
		return (
			next === undefined ||
			next.kind === 'rparen' ||
			keyword === 'and' ||
			keyword === 'or'
		);
	}

	private or(): QueryNode {
		const items = [this.and()];
		while (keywordOf(this.tokens, this.index) === 'or') {
			const token = this.tokens[this.index++]!;
			if (this.joinsNothing()) {
				throw new QueryError(
					'"or" needs a clause on each side',
					token.position,
				);
			}

			items.push(this.and());
		}

		return group('or', items);
	}

	private and(): QueryNode {
		const items = [this.unary()];
		for (;;) {
			const next = this.peek();
			const keyword = keywordOf(this.tokens, this.index);
			if (next === undefined || next.kind === 'rparen' || keyword === 'or') {
				break;
			}

			if (keyword === 'and') {
				this.index++;
				if (this.joinsNothing()) {
					throw new QueryError(
						'"and" needs a clause on each side',
						next.position,
					);
				}
			}

			items.push(this.unary());
		}

		return group('and', items);
	}

	private unary(): QueryNode {
		let negated = false;
		let last: Token | undefined;
		for (;;) {
			const token = this.peek();
			if (
				token?.kind !== 'not' &&
				keywordOf(this.tokens, this.index) !== 'not'
			) {
				break;
			}

			negated = !negated;
			last = token;
			this.index++;
		}

		if (last && (this.peek() === undefined || this.joinsNothing())) {
			const word = last.kind === 'not' ? '!' : last.text;
			throw new QueryError(
				`"${word}" needs a clause after it`,
				this.peek()?.position ?? this.text.length,
			);
		}

		const node = this.primary();
		return negated ? negate(node) : node;
	}

	private primary(): QueryNode {
		const token = this.peek()!;
		if (token.kind === 'lparen') {
			return this.parenthesised(token);
		}

		if (token.kind === 'rparen') {
			throw new QueryError(
				'this ")" closes no "(": quote a value that holds ")"',
				token.position,
			);
		}

		const keyword = keywordOf(this.tokens, this.index);
		if (keyword === 'and' || keyword === 'or') {
			throw new QueryError(
				`"${keyword}" needs a clause on each side`,
				token.position,
			);
		}

		if (token.kind !== 'name') {
			throw new QueryError('expected a clause here', token.position);
		}

		this.index++;
		return this.clause(token);
	}

	private parenthesised(open: Token): QueryNode {
		if (this.depth >= maxDepth) {
			throw new QueryError(
				`too many parentheses inside each other (at most ${maxDepth})`,
				open.position,
			);
		}

		this.index++;
		if (this.peek()?.kind === 'rparen') {
			throw new QueryError(
				'empty parentheses: put a clause in them, e.g. (flagged or denied)',
				open.position,
			);
		}

		if (this.peek() === undefined) {
			throw new QueryError('this "(" is never closed', open.position);
		}

		this.depth++;
		const node = this.or();
		this.depth--;
		if (this.peek()?.kind !== 'rparen') {
			throw new QueryError('this "(" is never closed', open.position);
		}

		this.index++;
		return node;
	}

	private clause(name: Token): QueryNode {
		const op = this.peek();
		if (op?.kind === 'op' && (op.text === 'in' || op.text === 'not in')) {
			return this.list(name, op);
		}

		if (op?.kind === 'op') {
			const value = this.tokens[this.index + 1]!;
			this.index += 2;
			const node = {
				kind: 'compare' as const,
				field: name.text,
				op: op.text as CompareOp,
				value: valueOf(value),
			};
			const at = {
				name: name.position,
				op: op.position,
				values: [value.position],
			};
			return checked(compileComparison(node, at), node);
		}

		if (name.text.toLowerCase() === 'last') {
			return this.last(name);
		}

		return checked(compileWord(name.text, name.position), {
			kind: 'word',
			word: name.text,
		});
	}

	private list(name: Token, op: Token): QueryNode {
		// The tokenizer checked the shape: ( value [, value]… ).
		this.index += 2;
		const values: Token[] = [];
		while (this.peek() && this.peek()!.kind !== 'rparen') {
			const token = this.tokens[this.index++]!;
			if (token.kind === 'value') {
				values.push(token);
			}
		}

		this.index++;
		const node: QueryNode = {
			kind: 'in',
			field: name.text,
			values: values.map((value) => valueOf(value)),
		};
		const at: ClauseAt = {
			name: name.position,
			op: op.position,
			values: values.map((value) => value.position),
		};
		checked(compileIn(node, at), node);
		return op.text === 'not in' ? negate(node) : node;
	}

	private last(name: Token): QueryNode {
		const value = this.peek();
		const duration =
			value?.kind === 'value' ? parseDuration(value.text) : undefined;
		if (!duration) {
			throw new QueryError(
				'"last" takes a span before the newest event: last 2h, last 30m, last 1d, last 90s',
				value?.kind === 'value' ? value.position : name.position,
			);
		}

		this.index++;
		return {kind: 'last', ...duration};
	}
}

/** Reads a query; an error says what is wrong and where (0-based). */
export function parseQuery(text: string): QueryResult {
	const lexed = tokenize(text);
	if (!lexed.ok) {
		return lexed;
	}

	try {
		return {ok: true, query: new Parser(lexed.tokens, text).parse()};
	} catch (error) {
		if (error instanceof QueryError) {
			return {ok: false, error: error.message, position: error.position};
		}

		throw error;
	}
}

const nowhere: ClauseAt = {name: 0, op: 0, values: []};

function compileClause(compiled: Compiled, node: QueryNode): Predicate {
	if (!compiled.ok) {
		throw new Error(`bad clause ${JSON.stringify(node)}: ${compiled.error}`);
	}

	return compiled.test;
}

/**
The test a query stands for. `context.latest` is the newest event's time,
for `last 2h` and `newest-2h`; without it they match nothing. A tree from
`parseQuery` always compiles; a hand-made one with a bad clause throws.
*/
export function compileQuery(
	node: QueryNode,
	context: QueryContext = {},
): Predicate {
	switch (node.kind) {
		case 'and': {
			const tests = node.items.map((item) => compileQuery(item, context));
			return (event) => tests.every((test) => test(event));
		}

		case 'or': {
			const tests = node.items.map((item) => compileQuery(item, context));
			return (event) => tests.some((test) => test(event));
		}

		case 'not': {
			const test = compileQuery(node.item, context);
			return (event) => !test(event);
		}

		case 'word':
			return compileClause(compileWord(node.word, 0), node);
		case 'compare':
			return compileClause(compileComparison(node, nowhere, context), node);
		case 'in':
			return compileClause(compileIn(node, nowhere, context), node);
		case 'last': {
			const {latest} = context;
			if (latest === undefined) {
				return () => false;
			}

			const from = latest - durationMs(node);
			return (event) => Number.isFinite(event.time) && event.time >= from;
		}
	}
}

/**
Reads and compiles a filter; an error says what is wrong and where
(0-based). `context.latest`: the newest event's time, for `last 2h`.
*/
export function parseFilter(
	text: string,
	context: QueryContext = {},
): FilterResult {
	const parsed = parseQuery(text);
	if (!parsed.ok) {
		return parsed;
	}

	return {
		ok: true,
		filter: {
			text,
			query: parsed.query,
			test: compileQuery(parsed.query, context),
		},
	};
}

/** The time of the newest event with a readable time, if any. */
export function latestTime(events: readonly TrailEvent[]): number | undefined {
	let latest = Number.NEGATIVE_INFINITY;
	for (const event of events) {
		if (Number.isFinite(event.time) && event.time > latest) {
			latest = event.time;
		}
	}

	return Number.isFinite(latest) ? latest : undefined;
}
