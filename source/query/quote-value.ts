import {holdsUnsafe} from '../core/safe-text.js';
import {escapeQuoted} from './quoted-text.js';

/**
A value written into filter text by the program (a facet choice, a pivot, a
drill-down, a printed query): bare when it reads back as itself, otherwise
in double quotes with the escapes of quoted-text.ts, which the tokenizer
undoes.

Quoted: empty values, spaces, quotes, backslashes, parentheses and commas
(they end a bare value in a query), a leading operator character or `/`
(a regex), and control, bidi and zero-width characters, written as the
escapes the screen shows for them (`\x1b`, `\u202e`), so the filter text
holds no character a terminal must not receive and reads as it is shown.
Anything else stays bare so the filter reads as typed.
*/
const needsQuotes = /^$|[\s"\\(),]|^[!=~:<>/]/;

export function quoteValue(value: string): string {
	if (!needsQuotes.test(value) && !holdsUnsafe(value)) {
		return value;
	}

	return `"${escapeQuoted(value)}"`;
}
