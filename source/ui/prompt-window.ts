import stringWidth from 'string-width';
import {truncate} from '../core/safe-text.js';
import {cells, type Line, type Segment} from './lines.js';

/**
A prompt wider than its row scrolls sideways, as readline's
horizontal-scroll-mode does: the row shows a window of the text that holds
the cursor, moved by half a row when the cursor would leave it, with `…`
where text is hidden on either side. The window is worked out from the
cursor alone, so moving it needs no state; the same cursor always gives
the same window. Pure functions over text made visible already.
*/

export interface PromptWindow {
	/** The draft's part of the row, cursor included: at most `room` cells. */
	segments: Segment[];
	/** The first draft column the row shows (its `…` counts as shown). */
	offset: number;
	/** Draft columns [from, to) drawn as text, not as `…`. */
	from: number;
	to: number;
}

/**
The window over `before` + `at` (the cell under the cursor) + `after` that
fits `room` cells and shows the cursor.
*/
export function promptWindow(
	before: string,
	at: string,
	after: string,
	room: number,
): PromptWindow {
	const start = stringWidth(before);
	const end = start + stringWidth(at);
	const total = end + stringWidth(after);
	if (total <= room) {
		return {
			segments: [{text: before}, {text: at, tone: 'match'}, {text: after}],
			offset: 0,
			from: 0,
			to: total,
		};
	}

	if (room < end - start + 2) {
		// No room for a `…` beside the cursor: the cursor alone.
		return {
			segments: [{text: truncate(at, Math.max(room, 1)), tone: 'match'}],
			offset: start,
			from: start,
			to: end,
		};
	}

	const {offset, from, to} = windowFor(start, end, total, room);
	const pieces: Array<[string, Segment['tone']]> = [
		[before, undefined],
		[at, 'match'],
		[after, undefined],
	];
	const segments: Segment[] = from > offset ? [{text: '…', tone: 'muted'}] : [];
	let column = 0;
	for (const [text, tone] of pieces) {
		const shown = slice(text, column, from, to);
		column += stringWidth(text);
		if (shown !== '') {
			segments.push({text: shown, ...(tone ? {tone} : {})});
		}
	}

	if (to < total) {
		segments.push({text: '…', tone: 'muted'});
	}

	return {segments, offset, from, to};
}

/** The first column shown, and the columns drawn as text. */
function windowFor(
	start: number,
	end: number,
	total: number,
	room: number,
): {offset: number; from: number; to: number} {
	const step = Math.max(Math.floor(room / 2), 1);
	const bounds = (offset: number) => ({
		offset,
		from: offset > 0 ? offset + 1 : 0,
		to: offset + room < total ? offset + room - 1 : total,
	});
	for (let offset = 0; offset < total; offset += step) {
		const window = bounds(offset);
		if (start < window.from) {
			// A wide cursor cell stepped over: start the window just before it.
			return bounds(Math.max(start - 1, 0));
		}

		if (end <= window.to) {
			// Near the end the row stays full rather than half empty.
			return offset + room > total ? bounds(total - room) : window;
		}
	}

	return bounds(Math.max(start - 1, 0));
}

/**
The part of `text` (starting at draft column `at`) inside columns
[from, to); a wide character cut by an edge becomes spaces.
*/
function slice(text: string, at: number, from: number, to: number): string {
	if (at >= to || at + stringWidth(text) <= from) {
		return '';
	}

	let out = '';
	let column = at;
	for (const [grapheme, width] of cells(text)) {
		const next = column + width;
		if (column >= to) {
			break;
		}

		if (column >= from && next <= to) {
			out += grapheme;
		} else if (next > from) {
			out += ' '.repeat(Math.min(next, to) - Math.max(column, from));
		}

		column = next;
	}

	return out;
}

/**
A message too long for its room loses the middle of the long values it
quotes first (the caret already points at the value), so that what is wrong
stays readable: `"2018-11-28T23:10..2018-11-…": the span ends before…`.
*/
export function shortenQuotes(message: string, room: number): string {
	if (stringWidth(message) <= room) {
		return message;
	}

	return message.replaceAll(
		/"([^"]{16,})"/g,
		(_, inner: string) => `"${inner.slice(0, 12)}…"`,
	);
}

/**
The row under a prompt that points at a mistake: `^` under draft column
`column` (given the prompt's label width and window) and the message where
it fits: after the caret, else before it, else cut on the wider side, so
that its start always shows. A mistake outside the window gets an arrow
towards it.
*/
export function errorLine(
	message: string,
	column: number,
	label: number,
	window: Pick<PromptWindow, 'offset' | 'from' | 'to'>,
	width: number,
): Line {
	const tone = 'error' as const;
	const caretAt = Math.min(label + column - window.offset, width - 1);
	const outside = column < window.from || column >= window.to;
	message = shortenQuotes(
		message,
		outside ? width - 2 : Math.max(width - caretAt - 2, caretAt - 1),
	);
	const cellsOf = stringWidth(message);
	if (column < window.from) {
		return [{text: `◂ ${truncate(message, width - 2)}`, tone}];
	}

	if (column >= window.to) {
		const text = `${truncate(message, width - 2)} ▸`;
		return [
			{text: ' '.repeat(Math.max(width - stringWidth(text), 0))},
			{text, tone},
		];
	}

	const caret = caretAt;
	const right = width - caret - 2;
	const left = caret - 1;
	if (cellsOf <= right || (cellsOf > left && right >= left)) {
		return [
			{text: ' '.repeat(caret)},
			{text: `^ ${truncate(message, right)}`, tone},
		];
	}

	const text = truncate(message, left);
	return [
		{text: ' '.repeat(Math.max(left - stringWidth(text), 0))},
		{text: `${text} ^`, tone},
	];
}
