import {truncate, visible} from '../core/safe-text.js';
import type {AppState, Scope} from './app-state.js';
import {wrapText, type Line} from './lines.js';

/**
The rows over the table while it shows a finding's events or a story: what
the list is, in words. The first text (the finding's title, the story's
header) may take two rows, each other text one, three rows in all, so an
80×24 screen keeps most of its table; a very short terminal gets one row or
none, since the panes need their rows first.
*/

const firstRows = 2;
const maxRows = 3;

/**
Cuts wrapped rows to `limit`: the last row kept holds the rest of the text,
cut at the width with `…`, so it is filled to the edge.
*/
function keep(rows: string[], limit: number, width: number): string[] {
	if (rows.length <= limit) {
		return rows;
	}

	const rest = rows.slice(limit - 1).join(' ');
	return [...rows.slice(0, limit - 1), truncate(rest, width)];
}

/** The head's rows for a terminal height. */
function rowsFor(terminalRows: number): number {
	if (terminalRows >= 20) {
		return maxRows;
	}

	return terminalRows >= 12 ? 1 : 0;
}

let cache:
	{scope: Scope; width: number; limit: number; lines: Line[]} | undefined;

function build(scope: Scope, width: number, limit: number): Line[] {
	const lines: Line[] = [];
	for (const [index, text] of scope.head.entries()) {
		const room = Math.min(index === 0 ? firstRows : 1, limit - lines.length);
		if (room <= 0) {
			break;
		}

		for (const row of keep(wrapText(visible(text), width), room, width)) {
			lines.push([{text: row, tone: index === 0 ? 'heading' : 'muted'}]);
		}
	}

	return lines;
}

/** The head's lines for a state: none outside a finding's events or a story. */
export function scopeHeadLines(state: AppState, width: number): Line[] {
	const {scope, mode} = state;
	const scoped = mode === 'finding' || mode === 'story' || mode === 'pivot';
	if (scope === undefined || !scoped) {
		return [];
	}

	const limit = rowsFor(state.rows);
	if (
		cache?.scope !== scope ||
		cache.width !== width ||
		cache.limit !== limit
	) {
		cache = {scope, width, limit, lines: build(scope, width, limit)};
	}

	return cache.lines;
}
