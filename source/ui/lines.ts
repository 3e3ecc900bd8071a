import stringWidth from 'string-width';
import {fit, truncate, visible} from '../core/safe-text.js';
import type {Tone} from './theme.js';

/**
Text panes (side panel, detail, help, problems) are lists of ready-made
lines, each exactly one terminal row. Scrolling is then a slice, the reducer
can count lines without rendering, and no line can wrap into a second row.
*/

/** A run of text in one tone. The text is already terminal-safe. */
export interface Segment {
	text: string;
	tone?: Tone;
}

export type Line = readonly Segment[];

const segmenter = new Intl.Segmenter();
const printableAscii = /^[\u0020-\u007e]*$/;

/**
V8's grapheme segmenter gets slower per step the longer its input, so
walking a 1 MB word in one go is quadratic. It is fed pieces of this many
code units instead, which keeps the walk linear.
*/
const pieceSize = 1024;

/**
string-width segments its whole input, which is quadratic too, so a long
text is measured a grapheme at a time. There are few distinct graphemes in
practice; their widths are remembered (up to a bound).
*/
const widths = new Map<string, number>();

function graphemeWidth(grapheme: string): number {
	let cells = widths.get(grapheme);
	if (cells === undefined) {
		cells = stringWidth(grapheme);
		if (widths.size >= 4096) {
			widths.clear();
		}

		widths.set(grapheme, cells);
	}

	return cells;
}

/**
The graphemes of `text` with their widths. The last grapheme of a piece may
continue in the next one (a combining mark, a joined emoji), so it is carried
over and segmented again with what follows.
*/
export function* cells(text: string): Generator<[string, number]> {
	if (printableAscii.test(text)) {
		for (const character of text) {
			yield [character, 1];
		}

		return;
	}

	let carry = '';
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + pieceSize, text.length);
		const last = text.charCodeAt(end - 1);
		// Never end a piece between the two halves of a surrogate pair.
		if (end < text.length && last >= 0xd8_00 && last <= 0xdb_ff) {
			end++;
		}

		let previous: string | undefined;
		for (const {segment} of segmenter.segment(carry + text.slice(start, end))) {
			if (previous !== undefined) {
				yield [previous, graphemeWidth(previous)];
			}

			previous = segment;
		}

		carry = previous ?? '';
		start = end;
	}

	if (carry !== '') {
		yield [carry, graphemeWidth(carry)];
	}
}

/**
Splits safe text into pieces of at most `width` cells: at spaces where it
can, inside a word only when the word alone is too wide. One pass: each
word is measured once, and a long one is cut as its graphemes go by.
*/
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(width, 1);
	const rows: string[] = [];
	let row = '';
	let rowWidth = 0;

	const flush = (): void => {
		rows.push(row.trimEnd());
		row = '';
		rowWidth = 0;
	};

	for (const word of text.split(/(?<= )/)) {
		const pieces = printableAscii.test(word) ? undefined : [...cells(word)];
		let wordWidth = word.length;
		if (pieces !== undefined) {
			wordWidth = 0;
			for (const [, cellCount] of pieces) {
				wordWidth += cellCount;
			}
		}

		const inkWidth = word.endsWith(' ') ? wordWidth - 1 : wordWidth;
		if (rowWidth > 0 && rowWidth + inkWidth > limit) {
			flush();
		}

		if (inkWidth <= limit) {
			row += word;
			rowWidth += wordWidth;
			continue;
		}

		for (const [grapheme, graphemeCells] of pieces ?? cells(word)) {
			// A word's closing space may hang past the edge: it is trimmed.
			const overflows = rowWidth + graphemeCells > limit && grapheme !== ' ';
			if (overflows && rowWidth > 0) {
				flush();
			}

			row += grapheme;
			rowWidth += graphemeCells;
		}
	}

	if (row !== '' || rows.length === 0) {
		flush();
	}

	return rows;
}

/**
The start of a text, long enough to fill `width` cells, for a cell that
cuts it anyway: `truncate` measures the whole text first, which takes
minutes for a 2 MB value that is not ASCII. What is left out is marked with
`…` so that a cut is never silent.
*/
export function headFor(text: string, width: number): string {
	const room = Math.max(width, 1) * 8 + 64;
	if (text.length <= room) {
		return text;
	}

	// Never cut between the two halves of a surrogate pair.
	const last = text.charCodeAt(room - 1);
	const end = last >= 0xd8_00 && last <= 0xdb_ff ? room - 1 : room;
	return `${text.slice(0, end)}…`;
}

/**
Log text made safe and wrapped to `width` as lines. Every row starts with
`hang` (spaces), except the first, which starts with `lead` cut or padded to
the same width: a bullet, or a label such as `Why `.
*/
export function wrappedLines(
	text: string,
	width: number,
	options: {tone?: Tone; lead?: Segment; hang?: string} = {},
): Line[] {
	const hang = options.hang ?? '';
	const hangWidth = stringWidth(hang);
	const room = Math.max(width - hangWidth, 1);
	const lead: Segment = options.lead
		? {...options.lead, text: fit(options.lead.text, hangWidth)}
		: {text: hang};
	return wrapText(visible(text), room).map((row, index): Line => [
		index === 0 ? lead : {text: hang},
		{text: row, tone: options.tone},
	]);
}

/** Cuts a line to `width` cells and pads it to exactly that width. */
export function fitLine(line: Line, width: number): Line {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		if (used >= width) {
			break;
		}

		const cells = stringWidth(segment.text);
		if (used + cells <= width) {
			out.push(segment);
			used += cells;
			continue;
		}

		const cut = truncate(segment.text, width - used);
		out.push({text: cut, tone: segment.tone});
		used += stringWidth(cut);
	}

	if (used < width) {
		out.push({text: ' '.repeat(width - used)});
	}

	return out;
}

/** The plain text of a line, for tests and width checks. */
export function lineText(line: Line): string {
	return line.map((segment) => segment.text).join('');
}
