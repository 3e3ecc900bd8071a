import {visible} from '../core/safe-text.js';

/**
Log text made safe for a Markdown file. Controls and escape sequences
become visible escapes (`\x1b`, `\n`), so a field is always one line and
cannot act on a terminal that shows the file; then every character that
Markdown reads as inline markup (emphasis, code, links, HTML, table pipes,
entities) is escaped with a backslash, so a field cannot break a table or a
code span or add a link. Fields are always placed after fixed text (a list
label, a table cell), never at the start of a line, where block markup
(headings, lists, quotes) would apply.
*/

const inlineMarkup = /[\\`*_[\]<>|~&]/g;

/** Text for Markdown prose and table cells. */
export function mdText(text: string | undefined): string {
	if (text === undefined || text === '') {
		return '—';
	}

	return visible(text).replace(inlineMarkup, '\\$&');
}

/**
A code span that holds any text: fenced by one backtick more than the
longest run inside, padded when the text starts or ends with a backtick.
Not for table cells, where a pipe would still end the cell.
*/
export function codeSpan(text: string): string {
	const safe = visible(text);
	let longest = 0;
	for (const run of safe.match(/`+/g) ?? []) {
		longest = Math.max(longest, run.length);
	}

	const fence = '`'.repeat(longest + 1);
	const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${safe}${pad}${fence}`;
}
