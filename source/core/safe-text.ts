import stringWidth from 'string-width';

/**
Every log field is written by whoever made the call: a user agent can hold
ESC sequences that retitle the window, erase lines or forge rows, and bidi
overrides can reorder what a person reads. These helpers turn such text into
plain, visible characters before it reaches a terminal.
*/

/**
Code points that must never reach the terminal as themselves: C0 controls,
DEL, C1 controls (U+009B is a one-byte CSI), the soft hyphen, bidi and other
format characters, zero-width characters, line and paragraph separators, the
BOM, interlinear annotation marks, lone surrogates and tag characters.
*/
const unsafe =
	// Matching control characters is this pattern's purpose.
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\u{e0000}-\u{e007f}]/u;
const unsafeGlobal = new RegExp(unsafe.source, 'gu');

const named: Record<string, string> = {
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

function hex(codePoint: number, digits: number): string {
	return codePoint.toString(16).padStart(digits, '0');
}

function escapeOne(char: string): string {
	const name = named[char];
	if (name !== undefined) {
		return name;
	}

	const codePoint = char.codePointAt(0) ?? 0;
	if (codePoint <= 0xff) {
		return `\\x${hex(codePoint, 2)}`;
	}

	if (codePoint <= 0xffff) {
		return `\\u${hex(codePoint, 4)}`;
	}

	return `\\u{${hex(codePoint, 5)}}`;
}

/**
The text with every control, format and bidi character replaced by a visible
escape (`\x1b`, `\n`, `\u202e`). Backslashes are left alone, so applying
it twice gives the same result as once; it is for display only: data (the
principal's label included) keeps the log's characters, and filters compare
those (a filter value writes such characters as the same escapes, in double
quotes: see quote-value.ts).
*/
export function visible(s: string): string {
	if (!unsafe.test(s)) {
		return s;
	}

	return s.replace(unsafeGlobal, escapeOne);
}

/** True when `visible` would change the text: it holds a character to escape. */
export function holdsUnsafe(s: string): boolean {
	return unsafe.test(s);
}

/** A value as a person should see it: `—` when there is nothing to show. */
export function shown(s: string | undefined | null): string {
	return s === undefined || s === null || s === '' ? '—' : visible(s);
}

const printableAscii = /^[\u0020-\u007e]*$/;
const segmenter = new Intl.Segmenter();

/**
The text made visible and cut to at most `width` terminal cells, ending in
`…` when something was cut. Wide characters (CJK, emoji) take two cells, so
the cut is made by grapheme and display width, never in the middle of one.
*/
export function truncate(s: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const safe = visible(s);
	if (printableAscii.test(safe)) {
		return safe.length <= width ? safe : `${safe.slice(0, width - 1)}…`;
	}

	if (stringWidth(safe) <= width) {
		return safe;
	}

	// Walk graphemes lazily: a 4 KB user agent stops after the first few.
	let used = 0;
	let out = '';
	for (const {segment} of segmenter.segment(safe)) {
		const cells = stringWidth(segment);
		if (used + cells > width - 1) {
			break;
		}

		out += segment;
		used += cells;
	}

	return `${out}…`;
}

/** The text truncated to `width` cells, then padded with spaces to exactly `width`. */
export function fit(s: string, width: number): string {
	const cut = truncate(s, width);
	const cells = stringWidth(cut);
	return cells < width ? cut + ' '.repeat(width - cells) : cut;
}
