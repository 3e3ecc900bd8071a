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

/**
Splits safe text into pieces of at most `width` cells: at spaces where it
can, inside a word only when the word alone is too wide.
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
		const wordWidth = stringWidth(word.trimEnd());
		if (rowWidth > 0 && rowWidth + wordWidth > limit) {
			flush();
		}

		if (wordWidth <= limit) {
			row += word;
			rowWidth += stringWidth(word);
			continue;
		}

		for (const {segment} of segmenter.segment(word)) {
			const cells = stringWidth(segment);
			if (rowWidth + cells > limit && rowWidth > 0) {
				flush();
			}

			row += segment;
			rowWidth += cells;
		}
	}

	if (row !== '' || rows.length === 0) {
		flush();
	}

	return rows;
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
