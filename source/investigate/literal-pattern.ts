/**
One text, whole, as a filter value: the regular expression `/^…$/` (or
`/^…$/i`, any case) that matches that text and no other. The filter's `=`
ignores case and `ip=` takes only addresses and service names, so a clause
written by the program that must tell `AND` from `and`, or match the source
`not-an-ip` without `not-an-ip-2`, uses one of these.

Only letters, digits, spaces and plain punctuation stay as they are; regular
expression syntax is escaped with a backslash, and anything else (quotes,
control characters, anything past ASCII) is written as `\xNN` or `\uNNNN`.
So a value from a log can neither end the pattern, nor open a quote in the
filter text, nor put a control character on the screen.
*/

const plain = /[\w -]/;
const syntax = /[\\^$.*+?()[\]{}|/]/;
const printable = /[!#%&',:;<=>@`~]/;

function escaped(char: string): string {
	if (plain.test(char) || printable.test(char)) {
		return char;
	}

	if (syntax.test(char)) {
		return `\\${char}`;
	}

	const code = char.charCodeAt(0);
	return code < 0x1_00
		? `\\x${code.toString(16).padStart(2, '0')}`
		: `\\u${code.toString(16).padStart(4, '0')}`;
}

export function literalPattern(value: string, anyCase = false): string {
	let source = '';
	// Code units, not code points: without the `u` flag a pattern matches
	// an astral character as its two surrogates.
	for (let i = 0; i < value.length; i++) {
		source += escaped(value[i]!);
	}

	return `/^${source}$/${anyCase ? 'i' : ''}`;
}
