import type {TrailEvent} from '../core/types.js';
import {
	compileComparison,
	compileWord,
	type Compiled,
	type Predicate,
} from './filter-clause.js';
import {tokenize, type Token} from './filter-tokens.js';

/**
The field filter: what `f` takes in the TUI and `--filter` on the command
line. A filter is clauses joined by spaces or `and`, all of which must hold:

    eventName=ListBuckets principal~level3 and !ip:10.0.0.0/8
    time:2024-04-30T23:00Z..2024-05-01T00:00Z severity>=medium flagged

Operators: `=` (whole value, any case), `!=`, `~` (contains, any case),
`!~`, `:` (= for text, address range for ip, span for time), and `>` `<`
`>=` `<=` for time and severity. A leading `!` negates a clause; values with
spaces go in double quotes. Bare words: flagged, console, denied, error.

The grammar is kept to a tokenizer and a loop over clauses so that `or` and
parentheses can be added later; until then they are reported as errors.
*/

export interface EventFilter {
	/** The filter as typed. */
	text: string;
	test(event: TrailEvent): boolean;
}

export type FilterResult =
	| {ok: true; filter: EventFilter}
	| {ok: false; error: string; position: number};

function parseClause(
	tokens: Token[],
	index: number,
): {compiled: Compiled; next: number} {
	const token = tokens[index]!;
	if (token.kind === 'lparen' || token.kind === 'rparen') {
		return {
			compiled: {
				ok: false,
				error:
					'parentheses are not supported yet: clauses are all joined by "and"',
				position: token.position,
			},
			next: index + 1,
		};
	}

	if (token.kind !== 'name') {
		return {
			compiled: {
				ok: false,
				error: 'expected a clause here',
				position: token.position,
			},
			next: index + 1,
		};
	}

	const op = tokens[index + 1];
	if (op?.kind === 'op') {
		const value = tokens[index + 2]!;
		return {compiled: compileComparison(token, op, value), next: index + 3};
	}

	return {compiled: compileWord(token), next: index + 1};
}

/** Parses a filter; an error says what is wrong and where (0-based). */
export function parseFilter(text: string): FilterResult {
	const lexed = tokenize(text);
	if (!lexed.ok) {
		return lexed;
	}

	const {tokens} = lexed;
	const tests: Predicate[] = [];
	let index = 0;
	while (index < tokens.length) {
		const token = tokens[index]!;
		const word = token.kind === 'name' ? token.text.toLowerCase() : '';
		const isKeyword = tokens[index + 1]?.kind !== 'op';
		if (word === 'and' && isKeyword) {
			if (tests.length === 0 || index + 1 >= tokens.length) {
				return {
					ok: false,
					error: '"and" needs a clause on each side',
					position: token.position,
				};
			}

			index++;
			continue;
		}

		if ((word === 'or' || word === 'not') && isKeyword) {
			return {
				ok: false,
				error:
					word === 'or'
						? '"or" is not supported yet: clauses are all joined by "and"'
						: 'write "!" before a clause to negate it',
				position: token.position,
			};
		}

		let negate = false;
		while (tokens[index]?.kind === 'not') {
			negate = !negate;
			index++;
		}

		if (index >= tokens.length) {
			return {
				ok: false,
				error: '"!" needs a clause after it',
				position: text.length,
			};
		}

		const {compiled, next} = parseClause(tokens, index);
		if (!compiled.ok) {
			return compiled;
		}

		const test = compiled.test;
		tests.push(negate ? (event) => !test(event) : test);
		index = next;
	}

	return {
		ok: true,
		filter: {
			text,
			test: (event) => tests.every((test) => test(event)),
		},
	};
}
