/**
The tokenizer of the field filter (`f` in the TUI, `--filter` on the command
line). It knows the shape of a clause, `[!]name [op value]`, and nothing about
fields, so the parser can grow into a query language (parentheses and `or`
are already tokens) without touching it.

Tokens carry their position, so every error can point at its place.
*/

export type TokenKind =
	/** A field name, a bare word (`flagged`) or a keyword (`and`). */
	| 'name'
	/** One of `operators`, right after a name. */
	| 'op'
	/** The value after an operator: raw text, quotes removed. */
	| 'value'
	/** A leading `!` that negates the next clause. */
	| 'not'
	| 'lparen'
	| 'rparen';

export interface Token {
	kind: TokenKind;
	text: string;
	/** 0-based offset of the token's first character in the filter text. */
	position: number;
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

function operatorAt(text: string, index: number): string | undefined {
	return operators.find((op) => text.startsWith(op, index));
}

/**
Reads a quoted value starting at the opening quote. `\"` and `\\` are the
only escapes; anything else after a backslash is kept as typed.
*/
function readQuoted(
	text: string,
	start: number,
): {value: string; end: number} | undefined {
	let value = '';
	for (let i = start + 1; i < text.length; i++) {
		const char = text[i]!;
		if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
			value += text[i + 1];
			i++;
		} else if (char === '"') {
			return {value, end: i + 1};
		} else {
			value += char;
		}
	}

	return undefined;
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
			const what = char === '"' ? 'a quoted value' : `"${char}"`;
			return {
				ok: false,
				error: `expected a field name or a word, found ${what}`,
				position: i,
			};
		}

		const start = i;
		while (i < text.length && nameChar.test(text[i]!)) {
			i++;
		}

		tokens.push({kind: 'name', text: text.slice(start, i), position: start});

		// An operator may follow, with or without spaces around it.
		let j = i;
		while (isSpace(text[j])) {
			j++;
		}

		const op = operatorAt(text, j);
		if (op === undefined) {
			continue;
		}

		tokens.push({kind: 'op', text: op, position: j});
		j += op.length;
		while (isSpace(text[j])) {
			j++;
		}

		if (j >= text.length) {
			return {
				ok: false,
				error: `a value is expected after "${op}"`,
				position: j,
			};
		}

		if (text[j] === '"') {
			const quoted = readQuoted(text, j);
			if (!quoted) {
				return {ok: false, error: 'this quote is never closed', position: j};
			}

			tokens.push({kind: 'value', text: quoted.value, position: j});
			i = quoted.end;
			continue;
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

		const valueStart = j;
		while (j < text.length && !isSpace(text[j])) {
			j++;
		}

		tokens.push({
			kind: 'value',
			text: text.slice(valueStart, j),
			position: valueStart,
		});
		i = j;
	}

	return {ok: true, tokens};
}
