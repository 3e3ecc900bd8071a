import stringWidth from 'string-width';
import {visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';
import {wrapText, type Line} from './lines.js';

/**
The detail view's text: the event's whole record as pretty-printed JSON.
Nothing is cut: a long value (a 4 KB user agent) wraps onto following rows,
indented under its key, so the detail shows what the table had to shorten.
*/

/**
The title row: the record's place in its file, then the file. A long path
keeps its end (the file name), cut at the front with `…`.
*/
export function detailTitle(event: TrailEvent, width: number): string {
	const head = `record #${event.recordIndex} of `;
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

function build(event: TrailEvent, width: number): Line[] {
	const json = JSON.stringify(event.record, undefined, 2) ?? 'undefined';
	const lines: Line[] = [];
	for (const row of json.split('\n')) {
		const indent = /^ */.exec(row)![0];
		// Continuation rows sit two cells in from the key, within reason.
		const hang = ' '.repeat(Math.min(indent.length + 2, Math.floor(width / 2)));
		const body = visible(row.slice(indent.length));
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
