import type {TrailEvent} from '../core/types.js';
import type {Mark} from '../investigate/marks.js';
import {wrappedLines, type Line} from './lines.js';
import {sidePanelLines} from './side-panel-lines.js';

/**
The side panel of a marked event starts with its mark and its note, so the
note is read where the event is explained.
*/

/** The glyph of a marked row, in the table's flag column. */
export const markGlyph = '*';

function markLines(mark: Mark, width: number): Line[] {
	if (!mark.note) {
		return [
			[
				{text: `${markGlyph} Marked`, tone: 'label'},
				{text: ' · c writes a note', tone: 'muted'},
			],
		];
	}

	return [
		[{text: `${markGlyph} Marked`, tone: 'label'}],
		...wrappedLines(mark.note, width, {
			lead: {text: 'Note', tone: 'label'},
			hang: ' '.repeat(11),
		}),
		[],
	];
}

/** The panel's lines for an event and its mark, if it has one. */
export function eventPanelLines(
	event: TrailEvent | undefined,
	mark: Mark | undefined,
	width: number,
): Line[] {
	const lines = sidePanelLines(event, width);
	return event && mark ? [...markLines(mark, width), ...lines] : lines;
}
