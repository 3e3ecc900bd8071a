import {parseFilter} from '../query/filter.js';
import {missingPathKeys, missingPathWarning} from '../query/filter-paths.js';
import type {AppContext} from './app-context.js';
import {patch, settle, type AppState, type SearchState} from './app-state.js';
import {
	asSeq,
	indexOfSeq,
	lowerBound,
	seqAt,
	type EventSeq,
	type EventView,
	type ViewIndex,
} from './event-view.js';
import {moveCursor} from './navigation.js';
import {activeZoom, zoomedView} from './timeline-view.js';

/**
Search and filter. Both run once, when the prompt is submitted: the filter
builds the new view in one pass, the search asks the fuzzy index once and
keeps the matching seqs, so that later keys only binary-search.
*/

/** The rows of a view that hold the given events, ascending. */
export function hitsInView(
	seqs: readonly EventSeq[],
	view: EventView,
): ViewIndex[] {
	const rows: ViewIndex[] = [];
	for (const seq of seqs) {
		const row = indexOfSeq(view, seq);
		if (row !== undefined) {
			rows.push(row);
		}
	}

	return rows;
}

/** The position in `hits` of the first hit at or after `row`. */
export function firstHitFrom(hits: readonly ViewIndex[], row: number): number {
	let low = 0;
	let high = hits.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (hits[middle]! < row) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

/** 1-based number of the hit under the cursor, or 0 when it is on none. */
export function currentHit(state: AppState): number {
	const hits = state.search?.hits ?? [];
	const position = firstHitFrom(hits, state.cursor);
	return hits[position] === state.cursor ? position + 1 : 0;
}

/**
No hit in the view. When events the view leaves out (the filter, a zoom, a
finding) do match, say how many, so an empty answer is not mistaken for
an absent event.
*/
function noMatch(state: AppState, query: string): AppState {
	const hidden = state.search?.seqs.length ?? 0;
	const text =
		hidden === 0
			? `No match for “${query}”`
			: `No match for “${query}” in this view; ${hidden.toLocaleString('en-US')} ` +
				`event${hidden === 1 ? '' : 's'} outside it match (Esc clears the filter)`;
	return patch(state, {message: {tone: 'warning', text}});
}

export function runSearch(
	context: AppContext,
	state: AppState,
	query: string,
): AppState {
	// The search answers ascending seqs already.
	const seqs = context.search(query).map((seq) => asSeq(seq));
	const search: SearchState = {
		query,
		seqs,
		hits: hitsInView(seqs, state.view),
	};
	const next = {...state, mode: 'list' as const, draft: '', search};
	if (search.hits.length === 0) {
		return noMatch(next, query);
	}

	// Like less: the first match from the current row on, else wrap.
	const position = firstHitFrom(search.hits, state.cursor);
	return moveCursor(next, search.hits[position % search.hits.length]!);
}

/** `n` and `N`: the next or previous hit, wrapping with a note. */
export function jumpToHit(state: AppState, direction: 1 | -1): AppState {
	const {search} = state;
	if (search === undefined) {
		return patch(state, {
			message: {tone: 'notice', text: 'No search yet: press / to search'},
		});
	}

	const {hits} = search;
	if (hits.length === 0) {
		return noMatch(state, search.query);
	}

	const after = firstHitFrom(hits, state.cursor + 1);
	const before = firstHitFrom(hits, state.cursor) - 1;
	if (direction > 0 && after < hits.length) {
		return moveCursor(state, hits[after]!);
	}

	if (direction < 0 && before >= 0) {
		return moveCursor(state, hits[before]!);
	}

	const target = direction > 0 ? hits[0]! : hits[hits.length - 1]!;
	return patch(moveCursor(state, target), {
		message: {
			tone: 'notice',
			text:
				direction > 0
					? 'Search hit BOTTOM, continuing at TOP'
					: 'Search hit TOP, continuing at BOTTOM',
		},
	});
}

/** Swaps the view, keeping the cursor on the same event or the next one. */
export function withView(
	context: AppContext,
	state: AppState,
	view: EventView,
	filter: AppState['filter'],
): AppState {
	const current =
		state.view.length === 0 ? asSeq(0) : seqAt(state.view, state.cursor);
	const search = state.search && {
		...state.search,
		hits: hitsInView(state.search.seqs, view),
	};
	const cursor = lowerBound(view, current);
	return settle({
		...state,
		view,
		filter,
		search,
		cursor:
			cursor >= view.length
				? (Math.max(view.length - 1, 0) as ViewIndex)
				: cursor,
		scroll: {...state.scroll, side: 0},
	});
}

export function clearFilter(context: AppContext, state: AppState): AppState {
	if (state.filter === undefined) {
		return state;
	}

	return withView(
		context,
		state,
		zoomedView(context, undefined, activeZoom(state)),
		undefined,
	);
}

/**
Applies filter text; a bad filter stays in the prompt with its error and
the cursor on the mistake.
*/
export function applyFilter(
	context: AppContext,
	state: AppState,
	text: string,
): AppState {
	const trimmed = text.trim();
	if (trimmed === '') {
		return clearFilter(context, {
			...state,
			mode: 'list',
			draft: '',
			filterError: undefined,
		});
	}

	const parsed = parseFilter(trimmed, {latest: context.latest});
	if (!parsed.ok) {
		// The cursor goes to the mistake, so a long filter scrolls to it.
		return settle({
			...state,
			mode: 'filter-input',
			draft: trimmed,
			caret: Math.min(parsed.position, trimmed.length),
			filterError: {message: parsed.error, position: parsed.position},
		});
	}

	const view = zoomedView(context, parsed.filter.test, activeZoom(state));
	const next = withView(
		context,
		{...state, mode: 'list', draft: '', filterError: undefined},
		view,
		{text: parsed.filter.text, test: parsed.filter.test},
	);
	// A path no event has is most likely a typo: say so, keep the filter.
	const missing = missingPathWarning(
		missingPathKeys(parsed.filter.query, context.events),
	);
	const empty = view.length === 0 ? 'No events match this filter' : '';
	const warning = [empty, missing].filter(Boolean).join(': ');
	return warning === ''
		? next
		: patch(next, {
				message: {
					tone: 'warning',
					text: warning.charAt(0).toUpperCase() + warning.slice(1),
				},
			});
}
