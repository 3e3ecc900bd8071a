import type {QueryNode, QueryValue} from './query-ast.js';
import {quoteValue} from './quote-value.js';

/**
A query tree as canonical text: `and` and `or` written out, parentheses
only where the precedence needs them (an `or` inside an `and`, a group
after `!`), values quoted by quoteValue. Reading the text again gives the
same tree (test/query/format-query.test.ts).
*/

/** A regular expression's source with every bare `/` escaped. */
function regexText(source: string, ignoreCase: boolean): string {
	let text = '';
	for (let i = 0; i < source.length; i++) {
		const char = source[i]!;
		if (char === '\\' && i + 1 < source.length) {
			text += char + source[i + 1]!;
			i++;
		} else {
			text += char === '/' ? '\\/' : char;
		}
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
