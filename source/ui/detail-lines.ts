import stringWidth from 'string-width';
import {visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';
import {jsonRows} from './json-rows.js';
import {wrapText, type Line} from './lines.js';

/**
The detail view's text: the event's whole record as pretty-printed JSON.
A long value (a 4 KB user agent) wraps onto following rows, indented under
its key, so the detail shows what the table had to shorten; only absurd
sizes are cut (a row past 64 K characters, nesting past 100 levels), with a
note, so that any record opens.
*/

/**
The title row: the record's place in its file, then the file. A long path
keeps its end (the file name), cut at the front with `…`.
*/
export function detailTitle(event: TrailEvent, width: number): string {
	// Counted from 1, as the problem list and people count records.
	const head = `record #${event.recordIndex + 1} of `;
	const file = visible(event.file);
	const room = Math.max(width - stringWidth(head), 1);
	if (stringWidth(file) <= room) {
		return head + file;
	}

	let tail = '';
	for (const character of [...file].reverse()) {
		if (stringWidth(character + tail) > room - 1) {
			break;
		}

		tail = character + tail;
	}

	return `${head}…${tail}`;
}

/**
A detail row longer than this is cut, with a note: wrapping a 2 MB value
would give tens of thousands of rows nobody reads, at a cost on every
resize. A 4 KB user agent is far below it and shows whole.
*/
export const maxDetailLine = 65_536;

function bounded(body: string): string {
	if (body.length <= maxDetailLine) {
		return body;
	}

	// Never cut between the two halves of a surrogate pair.
	const last = body.charCodeAt(maxDetailLine - 1);
	const end =
		last >= 0xd8_00 && last <= 0xdb_ff ? maxDetailLine - 1 : maxDetailLine;
	const rest = body.length - end;
	return `${body.slice(0, end)} … (${rest} more characters not shown)`;
}

function build(event: TrailEvent, width: number): Line[] {
	const lines: Line[] = [];
	// Deep nesting would push rows off the right edge: indents stop growing
	// at half the width.
	const most = Math.floor(width / 2);
	for (const row of jsonRows(event.record)) {
		const indent = ' '.repeat(Math.min(row.depth * 2, most));
		// Continuation rows sit two cells in from the key, within reason.
		const hang = ' '.repeat(Math.min(indent.length + 2, most));
		const body = bounded(visible(row.text));
		for (const [index, piece] of wrapText(
			body,
			width - hang.length,
		).entries()) {
			lines.push([{text: index === 0 ? indent : hang}, {text: piece}]);
		}
	}

	return lines;
}

let cache: {event: TrailEvent; width: number; lines: Line[]} | undefined;

/** The record's lines for a width; the last result is kept. */
export function detailLines(event: TrailEvent, width: number): Line[] {
	if (cache?.event !== event || cache.width !== width) {
		cache = {event, width, lines: build(event, width)};
	}

	return cache.lines;
}
