import type {QueryNode, QueryValue} from './query-ast.js';
import {holdsUnsafe} from '../core/safe-text.js';
import {quoteValue} from './quote-value.js';

/**
A query tree as canonical text: `and` and `or` written out, parentheses
only where the precedence needs them (an `or` inside an `and`, a group
after `!`), values quoted by quoteValue. Reading the text again gives the
same tree (test/query/format-query.test.ts).
*/

/**
A character a terminal must not receive, as a regular expression escape
(`\x1b`, `\u202e`; UTF-16 units for one past U+FFFF), so a printed query
holds none and reads as the screen shows it.
*/
function regexEscape(char: string): string {
	let text = '';
	for (let i = 0; i < char.length; i++) {
		const unit = char.charCodeAt(i);
		text +=
			unit <= 0xff
				? `\\x${unit.toString(16).padStart(2, '0')}`
				: `\\u${unit.toString(16).padStart(4, '0')}`;
	}

	return text;
}

/** A regular expression's source with every bare `/` escaped. */
function regexText(source: string, ignoreCase: boolean): string {
	let text = '';
	for (let i = 0; i < source.length; i++) {
		const char = String.fromCodePoint(source.codePointAt(i)!);
		const next = source[i + char.length];
		if (holdsUnsafe(char)) {
			text += regexEscape(char);
		} else if (char === '\\' && next !== undefined) {
			const escaped = String.fromCodePoint(source.codePointAt(i + 1)!);
			// `\` before such a character is the character itself.
			text += holdsUnsafe(escaped) ? regexEscape(escaped) : char + escaped;
			i += escaped.length;
		} else {
			text += char === '/' ? '\\/' : char;
		}

		i += char.length - 1;
	}

	// A trailing lone backslash would escape the closing slash.
	if (text.endsWith('\\') && !text.endsWith('\\\\')) {
		text += '\\';
	}

	return `/${text}/${ignoreCase ? 'i' : ''}`;
}

export function formatValue(value: QueryValue): string {
	return value.kind === 'regex'
		? regexText(value.source, value.ignoreCase)
		: quoteValue(value.text);
}

function inner(node: QueryNode, within: 'and' | 'or' | 'not'): string {
	const text = formatQuery(node);
	const grouped =
		(node.kind === 'or' && within !== 'or') ||
		(node.kind === 'and' && within === 'not');
	return grouped ? `(${text})` : text;
}

export function formatQuery(node: QueryNode): string {
	switch (node.kind) {
		case 'and':
			return node.items.map((item) => inner(item, 'and')).join(' and ');
		case 'or':
			return node.items.map((item) => inner(item, 'or')).join(' or ');
		case 'not':
			return `!${inner(node.item, 'not')}`;
		case 'word':
			return node.word;
		case 'compare':
			return `${node.field}${node.op}${formatValue(node.value)}`;
		case 'in':
			return `${node.field} in (${node.values.map((value) => formatValue(value)).join(', ')})`;
		case 'last':
			return `last ${node.amount}${node.unit}`;
	}
}
