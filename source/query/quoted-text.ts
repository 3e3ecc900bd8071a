import {visible} from '../core/safe-text.js';

/**
The escapes of a double-quoted value in the query language. They are the
escapes every view shows for characters a terminal must not receive
(`\x1b`, `\u202e`, `\n`, see safe-text.ts), plus `\"` and `\\`, so a value
shown in the prompt, typed again, kept in the history or given to
`--filter` means the same text.

    \"  \\  \n  \r  \t  \xHH  \uHHHH  \u{HHHHH}

Any other character after a backslash is an error, so a backslash is never
read two ways.
*/

export const escapesHelp = String.raw`\" \\ \n \r \t \xHH \uHHHH \u{HHHHH}`;

/** A value's text as written between double quotes (without the quotes). */
export function escapeQuoted(value: string): string {
	// `visible` leaves backslashes alone and adds its own after this.
	return visible(value.replaceAll('\\', '\\\\').replaceAll('"', '\\"'));
}

const named: Readonly<Record<string, string>> = {
	'"': '"',
	'\\': '\\',
	n: '\n',
	r: '\r',
	t: '\t',
};

export type Escape =
	| {ok: true; char: string; end: number}
	| {ok: false; error: string; position: number};

function fromHex(hex: string): string | undefined {
	const code = Number.parseInt(hex, 16);
	return code <= 0x10_ff_ff ? String.fromCodePoint(code) : undefined;
}

/** The hexadecimal digits of `\x`, `\u` or `\u{…}` after index `at`. */
function hexEscape(
	text: string,
	at: number,
): {hex: string; end: number} | undefined {
	const kind = text[at + 1];
	if (kind === 'x') {
		const hex = /^[\da-f]{2}/i.exec(text.slice(at + 2, at + 4))?.[0];
		return hex === undefined ? undefined : {hex, end: at + 4};
	}

	if (kind !== 'u') {
		return undefined;
	}

	if (text[at + 2] === '{') {
		const match = /^\{([\da-f]{1,6})\}/i.exec(text.slice(at + 2, at + 11));
		return match ? {hex: match[1]!, end: at + 2 + match[0].length} : undefined;
	}

	const hex = /^[\da-f]{4}/i.exec(text.slice(at + 2, at + 6))?.[0];
	return hex === undefined ? undefined : {hex, end: at + 6};
}

/** The escape starting with the backslash at `at`, or why it is none. */
export function readEscape(text: string, at: number): Escape {
	const next = text[at + 1] ?? '';
	const simple = named[next];
	if (simple !== undefined) {
		return {ok: true, char: simple, end: at + 2};
	}

	const hex = hexEscape(text, at);
	const char = hex && fromHex(hex.hex);
	if (hex && char !== undefined) {
		return {ok: true, char, end: hex.end};
	}

	const digits =
		next === 'x' || next === 'u'
			? (/^[\da-f{}]{0,8}/i.exec(text.slice(at + 2))?.[0] ?? '')
			: '';
	const shown = visible(`\\${next}${digits}`);
	return {
		ok: false,
		error: `"${shown}" is no escape: in double quotes write \\\\ for a backslash; the escapes are ${escapesHelp}`,
		position: at,
	};
}

/**
The text of an unfinished quoted value (after its opening quote), as far
as it reads: an escape cut short at the end is left out.
*/
export function unescapePartial(body: string): string {
	let text = '';
	for (let i = 0; i < body.length; i++) {
		if (body[i] !== '\\') {
			text += body[i]!;
			continue;
		}

		const escape = readEscape(body, i);
		if (!escape.ok) {
			// Cut short (`\u20`) or wrong: what follows is not read.
			return text;
		}

		text += escape.char;
		i = escape.end - 1;
	}

	return text;
}
