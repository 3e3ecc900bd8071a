import Fuse from 'fuse.js';
import type {TrailEvent} from '../core/types.js';
import {
	fuseOptions,
	fuzzyAgentCap,
	fuzzyMinLength,
	fuzzySet,
	queryWords,
	SearchIndex,
} from './search-index.js';
import {
	fieldTexts,
	flattenValues,
	searchFields,
	type SearchDoc,
	type SearchField,
} from './search-text.js';

export {fuzzyAgentCap, queryWords, SearchIndex};
export type {SearchIndexStats} from './search-index.js';

/**
The `/` search: fuzzy over the names a person sees, exact over everything.

- Each word of the query must be found in the event (words are ANDed).
- A word is found when it is an exact part (any case) of any field, including
  the request and response values (the first `maxFlatText` characters of
  them), so `i-0exampleNEEDLE` deep in a 660 KB record (BR-23) is found.
- It is also found by fuse.js's fuzzy match in the fields that hold names:
  event name, principal, address, user agent (its first `fuzzyAgentCap`
  characters), region and error code. Ids, keys and values are matched only
  exactly: a typo of an access key is another key. Fuzzy matching runs over
  each distinct text once (a log has few distinct names), so its cost does
  not grow with the number of events or the size of records.
- The threshold is strict (0.2) and words shorter than 3 characters are only
  matched exactly, so `ListBuckets` finds ListBuckets (and a typo of it), not
  every List call.

The index (search-index.ts) holds each distinct text once with the events
that hold it; events can be added to it in batches while loading goes on.
*/

/**
How much of the flattened values `matchRanges` highlights in: enough for any
ordinary record, and a bounded cost for the table and panel that call it for
every visible row.
*/
export const highlightValuesCap = 64 * 1024;

/** An index of `events`; more can be added with its `add`. */
export function createSearchIndex(
	events: Iterable<TrailEvent> = [],
): SearchIndex {
	const index = new SearchIndex();
	index.add(events);
	return index;
}

/** The seqs of the events that match every word, in time order. */
export function searchEvents(index: SearchIndex, query: string): number[] {
	return index.search(query);
}

/** Where a query matched in one field, for highlighting. */
export interface FieldMatch {
	field: SearchField;
	/** The visible text the ranges point into. */
	text: string;
	/** [start, end) offsets, sorted and not overlapping. */
	ranges: Array<[number, number]>;
}

function exactRanges(text: string, word: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	const haystack = text.toLowerCase();
	const needle = word.toLowerCase();
	let at = haystack.indexOf(needle);
	while (at !== -1) {
		ranges.push([at, at + needle.length]);
		at = haystack.indexOf(needle, at + needle.length);
	}

	return ranges;
}

function fuzzyRanges(text: string, word: string): Array<[number, number]> {
	if (word.length < fuzzyMinLength || text === '') {
		return [];
	}

	const [result] = new Fuse([text], {
		threshold: fuseOptions.threshold,
		ignoreLocation: true,
		includeMatches: true,
		minMatchCharLength: Math.max(2, Math.floor(word.length / 2)),
	}).search(word);
	return (result?.matches?.[0]?.indices ?? []).map(
		([start, end]) => [start, end + 1] as [number, number],
	);
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const out: Array<[number, number]> = [];
	for (const range of sorted) {
		const last = out.at(-1);
		if (last && range[0] <= last[1]) {
			last[1] = Math.max(last[1], range[1]);
		} else {
			out.push([range[0], range[1]]);
		}
	}

	return out;
}

/**
The ranges to highlight in each field of one event: exact matches of each
word where there are any, else the fuzzy match in the fields searched
fuzzily. Fields without a match are left out.
*/
export function matchRanges(event: TrailEvent, query: string): FieldMatch[] {
	const words = queryWords(query);
	if (words.length === 0) {
		return [];
	}

	const texts: SearchDoc = {
		...fieldTexts(event),
		values: flattenValues(event, highlightValuesCap),
	};
	const matches: FieldMatch[] = [];
	for (const field of searchFields) {
		const text = texts[field];
		const ranges = words.flatMap((word) => {
			const exact = exactRanges(text, word);
			if (exact.length > 0 || !fuzzySet.has(field)) {
				return exact;
			}

			return fuzzyRanges(
				field === 'userAgent' ? text.slice(0, fuzzyAgentCap) : text,
				word,
			);
		});
		if (ranges.length > 0) {
			matches.push({field, text, ranges: merge(ranges)});
		}
	}

	return matches;
}
