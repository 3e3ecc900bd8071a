/**
Characters JSON may carry raw but a terminal must not receive: DEL, the C1
controls (U+009B alone starts an escape sequence), the line and paragraph
separators, the bidi and zero-width format characters that reorder or hide
text, and the tag characters (U+E0000–E007F) that hide text too. JSON.stringify already escapes C0 controls and lone surrogates.
Outside strings JSON has none of these, so replacing them everywhere in the
output only touches string contents.
*/
const terminalUnsafe =
	/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

/** JSON text that is safe to print to a terminal. */
export function terminalSafeJson(value: unknown): string {
	return JSON.stringify(value).replace(
		terminalUnsafe,
		// A tag character is two UTF-16 units: JSON writes it as their pair.
		(char) =>
			Array.from(
				{length: char.length},
				(_, at) => `\\u${char.charCodeAt(at).toString(16).padStart(4, '0')}`,
			).join(''),
	);
}
