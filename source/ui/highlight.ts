import type {TrailEvent} from '../core/types.js';
import {matchRanges, type FieldMatch} from '../query/search.js';
import type {SearchField} from '../query/search-text.js';
import type {Segment} from './lines.js';
import type {ColumnId, Highlighter} from './table-columns.js';

/**
Marks where the search matched inside the table's cells, using the search's
own idea of a match (`matchRanges`: exact words, or the fuzzy match), so
what is marked is what was found. Marks are laid on the text as shown: a
cut cell keeps the marks of its visible part only, and a mark never splits
an escape or leaves its cell.
*/

const fieldOf: Partial<Record<ColumnId, SearchField>> = {
	name: 'eventName',
	principal: 'principal',
	source: 'source',
	region: 'region',
	error: 'errorCode',
	agent: 'userAgent',
};

/** Marks `ranges` (offsets into `full`) on the fitted text. */
export function markRanges(
	full: string,
	fitted: string,
	ranges: ReadonlyArray<readonly [number, number]>,
): Segment[] {
	// The fitted text starts with this much of the full text, unchanged.
	let shared = 0;
	while (
		shared < full.length &&
		shared < fitted.length &&
		full[shared] === fitted[shared]
	) {
		shared++;
	}

	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		const from = Math.max(start, at);
		const to = Math.min(end, shared);
		if (from >= to) {
			continue;
		}

		if (from > at) {
			segments.push({text: fitted.slice(at, from)});
		}

		segments.push({text: fitted.slice(from, to), tone: 'match'});
		at = to;
	}

	if (at < fitted.length) {
		segments.push({text: fitted.slice(at)});
	}

	return segments;
}

let cache:
	{query: string; matches: WeakMap<TrailEvent, FieldMatch[]>} | undefined;

/**
The search's matches in one event. The table asks again for the same rows
on every keypress, so the answers for the current query are kept.
*/
function matchesOf(event: TrailEvent, query: string): FieldMatch[] {
	if (cache?.query !== query) {
		cache = {query, matches: new WeakMap()};
	}

	let matches = cache.matches.get(event);
	if (matches === undefined) {
		matches = matchRanges(event, query);
		cache.matches.set(event, matches);
	}

	return matches;
}

/** A highlighter for one event's row under a search query. */
export function searchHighlighter(
	event: TrailEvent,
	query: string,
): Highlighter {
	const matches = matchesOf(event, query);
	return (column, full, fitted) => {
		const field = fieldOf[column];
		const match = matches.find(
			(candidate) => candidate.field === field && candidate.text === full,
		);
		return match ? markRanges(full, fitted, match.ranges) : [{text: fitted}];
	};
}
