/**
Filter text grown by the program: a facet choice or a drill-down narrows the
filter in force by one more clause. When the filter holds an `or`, it is put
in parentheses first, so the new clause narrows all of it rather than its
last alternative.
*/

/** Quoted values skipped, so `"a or b"` in a value is not an `or`. */
const hasOr = /(?:^|\s|\))or(?:\s|\(|$)/i;

function outsideQuotes(text: string): string {
	return text.replaceAll(/"(?:[^"\\]|\\.)*"?/g, '""');
}

export function addClause(filter: string | undefined, clause: string): string {
	const base = filter?.trim() ?? '';
	if (base === '') {
		return clause;
	}

	return hasOr.test(outsideQuotes(base))
		? `(${base}) and ${clause}`
		: `${base} and ${clause}`;
}
