import type {Dataset, Finding, LoadSummary, TrailEvent} from '../core/types.js';
import {debugLog} from '../core/debug-log.js';
import {findingBySeq, findingsOf} from '../detect/findings.js';
import {buildStory, createStoryIndex, type Story} from '../detect/story.js';
import {
	buildIndexInBackground,
	type IndexBuild,
} from '../query/background-index.js';
import {createValueCache, type ValueSource} from '../query/complete-query.js';
import {searchEvents} from '../query/search.js';
import type {DateMode} from './table-columns.js';

/**
What the reducer needs from the dataset besides its own state: worked out
once per dataset, so that no keypress walks all the events.
*/
export interface AppContext {
	/** More events are still being read: an empty list is not yet final. */
	loading: boolean;
	/** Stops work started for this context (the background index). */
	dispose(): void;
	events: readonly TrailEvent[];
	summary: LoadSummary;
	/** Seqs of the flagged events, ascending: `e`/`E` binary-search it. */
	flaggedSeqs: Uint32Array;
	/** How much of the date the time column needs. */
	dateMode: DateMode;
	/** The UTC day (or first and last days) the events cover, for the title. */
	dateText: string;
	/**
	The newest event's time (of those read so far while loading): the end
	of `last 2h` in a filter.
	*/
	latest: number | undefined;
	/** Seqs matching a fuzzy query; the index is built on the first search. */
	search: (query: string) => readonly number[];
	/** The flagged events grouped for triage, most pressing first. */
	findings: readonly Finding[];
	/** The finding of each flagged event, by seq. */
	findingOf: ReadonlyMap<number, Finding>;
	/** The story of an event's credential; the index is built on first use. */
	story: (event: TrailEvent) => Story | undefined;
	/** A field's values for Tab, counted on the first Tab for the field. */
	fieldValues: ValueSource;
}

function utcDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

function dateSpan(events: readonly TrailEvent[]): {
	dateMode: DateMode;
	dateText: string;
	latest: number | undefined;
} {
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	for (const event of events) {
		if (Number.isFinite(event.time)) {
			first = Math.min(first, event.time);
			last = Math.max(last, event.time);
		}
	}

	if (!Number.isFinite(first)) {
		return {dateMode: 'time', dateText: '', latest: undefined};
	}

	const from = utcDay(first);
	const to = utcDay(last);
	if (from === to) {
		return {dateMode: 'time', dateText: `${from} UTC`, latest: last};
	}

	return {
		dateMode: from.slice(0, 4) === to.slice(0, 4) ? 'month-day' : 'full',
		dateText: `${from} → ${to} UTC`,
		latest: last,
	};
}

export interface ContextOptions {
	/**
	Build the search index a slice at a time from now on, rather than on
	the first search (the screen over a complete load does).
	*/
	indexInBackground?: boolean;
	/** More events are still being read. */
	loading?: boolean;
}

export function createAppContext(
	dataset: Dataset,
	options: ContextOptions = {},
): AppContext {
	const {events, summary} = dataset;
	const flagged: number[] = [];
	for (const [seq, event] of events.entries()) {
		if (event.flags.length > 0) {
			flagged.push(seq);
		}
	}

	// Built on the first search, so that a session without one never pays,
	// unless asked to build it in the background.
	let build: IndexBuild | undefined = options.indexInBackground
		? buildIndexInBackground(events)
		: undefined;
	const search = (query: string): readonly number[] => {
		if (query.trim() === '') {
			return [];
		}

		const started = performance.now();
		build ??= buildIndexInBackground(events, {background: false});
		const seqs = searchEvents(build.index(), query);
		debugLog('search', {
			query: query.length,
			hits: seqs.length,
			ms: Math.round(performance.now() - started),
		});
		return seqs;
	};

	let stories: ReturnType<typeof createStoryIndex> | undefined;
	const story = (event: TrailEvent): Story | undefined => {
		stories ??= createStoryIndex(events);
		return buildStory(stories, event);
	};

	const findings = findingsOf(dataset);
	return {
		dispose() {
			build?.cancel();
		},
		loading: options.loading ?? false,
		events,
		summary,
		flaggedSeqs: Uint32Array.from(flagged),
		...dateSpan(events),
		search,
		findings,
		findingOf: findingBySeq(findings),
		story,
		fieldValues: createValueCache(events),
	};
}
