/**
A value written into filter text by the program (a facet choice, a pivot, a
drill-down, a printed query): bare when it reads back as itself, otherwise
in double quotes with `"` and `\` escaped, which the tokenizer undoes.

Quoted: empty values, spaces, quotes, backslashes, parentheses and commas
(they end a bare value in a query), and a leading operator character or `/`
(a regex). Anything else stays bare so the filter reads as typed.
*/
const needsQuotes = /^$|[\s"\\(),]|^[!=~:<>/]/;

export function quoteValue(value: string): string {
	if (!needsQuotes.test(value)) {
		return value;
	}

	return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
