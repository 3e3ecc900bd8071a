/** 1-based line and column of a character offset, for messages. */
export interface TextPlace {
	line: number;
	column: number;
}

/** Where an offset sits in the text, counting `\n` as the line break. */
export function placeOf(text: string, offset: number): TextPlace {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, text.length);
	for (let at = text.indexOf('\n'); at !== -1 && at < end;) {
		line++;
		lineStart = at + 1;
		at = text.indexOf('\n', lineStart);
	}

	return {line, column: end - lineStart + 1};
}

/** Control, bidirectional and zero-width characters: never printed raw. */
const unsafe =
	// eslint-disable-next-line no-control-regex -- finding them is the point
	/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
`JSON.parse`'s message, without the class name. V8 quotes a piece of the
input in it, and the input is the attacker's: its control characters are
shown as `\u001b` escapes instead of reaching a terminal.
*/
export function errorText(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(
		unsafe,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/** The character offset V8 names in a `JSON.parse` message, if it names one. */
export function errorOffset(error: unknown): number | undefined {
	const match = /at position (\d+)/.exec(errorText(error));
	return match ? Number(match[1]) : undefined;
}

/** `line 112, column 7` for an offset. */
export function describePlace(text: string, offset: number): string {
	const {line, column} = placeOf(text, offset);
	return `line ${line}, column ${column}`;
}

/** `1 record`, `2 records`. */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
