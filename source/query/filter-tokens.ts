import {holdsUnsafe, visible} from '../core/safe-text.js';
import {readEscape} from './quoted-text.js';
import {quoteValue} from './quote-value.js';

/**
The tokenizer of the query language (`f` in the TUI, `--filter` on the
command line). It knows the shape of a clause, `[!]name [op value]`,
`name in (a, b)` and `last 2h`, and nothing about fields; the parser
(filter.ts) knows the grammar of `and`, `or`, `not` and parentheses.

A value ends at a space, a `)` or a `,`, unless it is quoted; inside
double quotes `\"`, `\\`, `\n`, `\t`, `\x1b`, `\u202e` and `\u{…}` are
escapes (quoted-text.ts), the way every view shows such characters, and a
bare value cannot hold them. A value written `/…/` or `/…/i` is a regular
expression. Tokens carry their position, so every error can point at its
place.
*/

export type TokenKind =
	/** A field name, a bare word (`flagged`) or a keyword (`and`). */
	| 'name'
	/** One of `operators`, `in` or `not in`, right after a name. */
	| 'op'
	/** A value after an operator or in a list: quotes removed. */
	| 'value'
	/** A leading `!` that negates the next clause or group. */
	| 'not'
	| 'lparen'
	| 'rparen'
	/** Between the values of `in (…)`. */
	| 'comma';

export interface Token {
	kind: TokenKind;
	/** The text; for a regular expression, its source between the slashes. */
	text: string;
	/** 0-based offset of the token's first character in the filter text. */
	position: number;
	/** Set on a value written `/…/` (`i` after it: any case). */
	regex?: {ignoreCase: boolean};
}

export type TokenizeResult =
	{ok: true; tokens: Token[]} | {ok: false; error: string; position: number};

/** Longest first, so `!=` wins over `!` and `>=` over `>`. */
export const operators = ['!=', '!~', '>=', '<=', '=', '~', ':', '>', '<'];

/** Field names: letters, digits and the characters of JSON paths. */
const nameStart = /[A-Za-z_$@]/;
const nameChar = /[\w.[\]$@-]/;

function isSpace(char: string | undefined): boolean {
	return char !== undefined && /\s/.test(char);
}

/** Where a bare value stops: a space, the end of a group or list, a comma. */
function endsValue(char: string | undefined): boolean {
	return char === undefined || isSpace(char) || char === ')' || char === ',';
}

function skipSpaces(text: string, index: number): number {
	let i = index;
	while (isSpace(text[i])) {
		i++;
	}

	return i;
}

function operatorAt(text: string, index: number): string | undefined {
	return operators.find((op) => text.startsWith(op, index));
}

/** The word at `index` (letters only), lower-cased. */
function wordAt(text: string, index: number): string {
	return /^[A-Za-z]+/.exec(text.slice(index, index + 8))?.[0] ?? '';
}

type Read =
	| {ok: true; token: Token; end: number}
	| {ok: false; error: string; position: number};

/**
Reads a quoted value starting at the opening quote, undoing its escapes
(quoted-text.ts): `\"`, `\\`, `\n`, `\t`, `\x1b`, `\u202e`, …
*/
function readQuoted(text: string, start: number): Read {
	let value = '';
	for (let i = start + 1; i < text.length; i++) {
		const char = text[i]!;
		if (char === '\\' && i + 1 < text.length) {
			const escape = readEscape(text, i);
			if (!escape.ok) {
				return escape;
			}

			value += escape.char;
			i = escape.end - 1;
		} else if (char === '"') {
			return {
				ok: true,
				token: {kind: 'value', text: value, position: start},
				end: i + 1,
			};
		} else {
			value += char;
		}
	}

	return {ok: false, error: 'this quote is never closed', position: start};
}

/**
A regular expression `/…/` or `/…/i` starting at the slash, where the
closing slash (not one after a backslash) is followed by the value's end.
Other JavaScript flags (`/boto/gi`) are an error at the flag. Anything else
(`/var/log`, `/tmp/x`) is no regular expression: the caller reads it as
text, as before regular expressions existed.
*/
function readRegex(text: string, start: number): Read | undefined {
	for (let i = start + 1; i < text.length; i++) {
		if (text[i] === '\\') {
			i++;
			continue;
		}

		if (text[i] !== '/') {
			continue;
		}

		const flags = /^[A-Za-z]*/.exec(text.slice(i + 1))![0];
		const end = i + 1 + flags.length;
		if (!endsValue(text[end])) {
			return undefined;
		}

		// `/boto/gi`: JavaScript's flags, which the filter does not take;
		// read as text it would silently match nothing.
		const unknown = [...flags].find((flag) => flag !== 'i');
		if (unknown !== undefined && /^[dgimsuvy]+$/i.test(flags)) {
			return {
				ok: false,
				error: `a regular expression takes only the flag i (any case), not "${unknown}": write /…/i, or ${quoteValue(text.slice(start, end))} in quotes for the text`,
				position: i + 1 + flags.indexOf(unknown),
			};
		}

		if (flags === '' || flags === 'i') {
			return {
				ok: true,
				token: {
					kind: 'value',
					text: text.slice(start + 1, i),
					position: start,
					regex: {ignoreCase: flags === 'i'},
				},
				end,
			};
		}

		return undefined;
	}

	return undefined;
}

/** A value at `start`: quoted, a regular expression, or bare. */
function readValue(text: string, start: number, after: string): Read {
	if (text[start] === '"') {
		return readQuoted(text, start);
	}

	if (text[start] === '/') {
		const regex = readRegex(text, start);
		if (regex) {
			return regex;
		}
	}

	let end = start;
	while (!endsValue(text[end])) {
		end++;
	}

	if (end === start) {
		return {
			ok: false,
			error:
				after === ','
					? 'a value is expected after ","'
					: `a value is expected after "${after}"`,
			position: start,
		};
	}

	// Shown as an escape, such a character would read back as other text.
	const bare = text.slice(start, end);
	const hidden = [...bare].find((char) => holdsUnsafe(char));
	if (hidden !== undefined) {
		const escape = visible(hidden);
		return {
			ok: false,
			error: `a bare value cannot hold ${escape}: put the value in double quotes and write it ${escape} there`,
			position: start + bare.indexOf(hidden),
		};
	}

	return {
		ok: true,
		token: {kind: 'value', text: bare, position: start},
		end,
	};
}

/**
`in (a, b, c)` after a name, from the opening parenthesis: the tokens of the
list, or an error at the mistake.
*/
function readList(
	text: string,
	open: number,
):
	| {ok: true; tokens: Token[]; end: number}
	| {
			ok: false;
			error: string;
			position: number;
	  } {
	const tokens: Token[] = [{kind: 'lparen', text: '(', position: open}];
	let i = skipSpaces(text, open + 1);
	if (text[i] === ')') {
		return {
			ok: false,
			error:
				'the list is empty: write the values in it, e.g. eventName in (ListBuckets, GetObject)',
			position: open,
		};
	}

	let after = '(';
	for (;;) {
		if (i >= text.length) {
			return {ok: false, error: 'this "(" is never closed', position: open};
		}

		const read = readValue(text, i, after);
		if (!read.ok) {
			return read;
		}

		tokens.push(read.token);
		i = skipSpaces(text, read.end);
		if (text[i] === ')') {
			tokens.push({kind: 'rparen', text: ')', position: i});
			return {ok: true, tokens, end: i + 1};
		}

		if (i >= text.length) {
			return {ok: false, error: 'this "(" is never closed', position: open};
		}

		if (text[i] !== ',') {
			return {
				ok: false,
				error: 'separate the values with commas: in (A, B)',
				position: i,
			};
		}

		tokens.push({kind: 'comma', text: ',', position: i});
		after = ',';
		i = skipSpaces(text, i + 1);
	}
}

/**
`in` or `not in` at `index`, as a whole word not followed by an operator
(a field may be named `in`): the operator and where it ends.
*/
function listOperatorAt(
	text: string,
	index: number,
): {op: 'in' | 'not in'; end: number} | undefined {
	let i = index;
	let op: 'in' | 'not in' = 'in';
	if (wordAt(text, i).toLowerCase() === 'not') {
		const next = skipSpaces(text, i + 3);
		if (next === i + 3) {
			return undefined;
		}

		i = next;
		op = 'not in';
	}

	if (wordAt(text, i).toLowerCase() !== 'in') {
		return undefined;
	}

	const end = i + 2;
	const next = skipSpaces(text, end);
	// `not in` needs its list; a lone `in` may be a word before an operator.
	if (op === 'in' && text[next] !== '(' && operatorAt(text, next)) {
		return undefined;
	}

	return nameChar.test(text[end] ?? ' ') ? undefined : {op, end};
}

/** What a stray character is, for the error that names it. */
function strayError(text: string, i: number, afterName: boolean): string {
	const char = text[i]!;
	if (char === '&' || char === '|') {
		const word = char === '&' ? 'and' : 'or';
		return `write "${word}" to join clauses, not "${text.slice(i, i + 2).trim()}"`;
	}

	if (char === ',') {
		return 'a comma separates the values of a list only: eventName in (A, B)';
	}

	if (afterName && !/[\w"/]/.test(char)) {
		return `"${char}" is not an operator: use = != ~ !~ : > < >= <= or in (…)`;
	}

	const what = char === '"' ? 'a quoted value' : `"${char}"`;
	return `expected a field name or a word, found ${what}`;
}

export function tokenize(text: string): TokenizeResult {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const char = text[i]!;
		if (isSpace(char)) {
			i++;
			continue;
		}

		if (char === '(' || char === ')') {
			tokens.push({
				kind: char === '(' ? 'lparen' : 'rparen',
				text: char,
				position: i,
			});
			i++;
			continue;
		}

		if (char === '!') {
			tokens.push({kind: 'not', text: '!', position: i});
			i++;
			continue;
		}

		if (!nameStart.test(char)) {
			const last = tokens.at(-1);
			return {
				ok: false,
				error: strayError(text, i, last?.kind === 'name'),
				position: i,
			};
		}

		const start = i;
		while (i < text.length && nameChar.test(text[i]!)) {
			i++;
		}

		const name = text.slice(start, i);
		tokens.push({kind: 'name', text: name, position: start});

		// An operator may follow, with or without spaces around it.
		let j = skipSpaces(text, i);
		const op = operatorAt(text, j);
		if (op === undefined) {
			const list = listOperatorAt(text, j);
			if (list) {
				tokens.push({kind: 'op', text: list.op, position: j});
				const open = skipSpaces(text, list.end);
				if (text[open] !== '(') {
					return {
						ok: false,
						error: `"${list.op}" takes a list in parentheses: ${name} ${list.op} (A, B)`,
						position: open,
					};
				}

				const read = readList(text, open);
				if (!read.ok) {
					return read;
				}

				tokens.push(...read.tokens);
				i = read.end;
			} else if (name.toLowerCase() === 'last' && /\d/.test(text[j] ?? '')) {
				// `last 2h`: the span is a value of its own.
				const read = readValue(text, j, 'last');
				if (!read.ok) {
					return read;
				}

				tokens.push(read.token);
				i = read.end;
			}

			continue;
		}

		tokens.push({kind: 'op', text: op, position: j});
		j = skipSpaces(text, j + op.length);
		if (j >= text.length) {
			return {
				ok: false,
				error: `a value is expected after "${op}"`,
				position: j,
			};
		}

		// `eventName==x` or `time=>x`: a value that starts like an operator is
		// almost always a typo, and would silently compare with "=x".
		const doubled = operatorAt(text, j);
		if (doubled !== undefined && doubled !== ':') {
			return {
				ok: false,
				error: `"${op}${doubled}" is two operators: write one (quote a value that starts with "${doubled}")`,
				position: j,
			};
		}

		const read = readValue(text, j, op);
		if (!read.ok) {
			return read;
		}

		tokens.push(read.token);
		i = read.end;
	}

	return {ok: true, tokens};
}
