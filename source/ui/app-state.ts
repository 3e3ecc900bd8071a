import type {Finding, TrailEvent} from '../core/types.js';
import {emptyHistory, type PromptHistory} from '../core/history-store.js';
import type {Candidate} from '../query/complete-query.js';
import {noMarks, type MarkMap} from '../investigate/marks.js';
import type {TimeWindow} from '../investigate/timeline.js';
import type {AppContext} from './app-context.js';
import {
	allEventsView,
	asViewIndex,
	eventAt,
	type EventSeq,
	type EventView,
	type ViewIndex,
} from './event-view.js';
import type {Mode} from './keymap.js';
import type {FacetState} from './facets-actions.js';
import {computeLayout, type Layout} from './layout.js';
import {pivotMenuRows} from './pivot-menu.js';
import type {Recall} from './prompt-history.js';
import {scopeHeadLines} from './scope-head.js';
import type {SummaryState} from './summary-actions.js';
import {timelineRows} from './timeline-view.js';
import type {ExportDialog, NotePrompt} from './workflow-state.js';

/** The two panes of the list view; the focused one takes the movement keys. */
export type Pane = 'table' | 'side';

/** Text panes that scroll by line, each keeping its own offset. */
export type ScrollPane = 'side' | 'detail' | 'help' | 'problems';

export interface SearchState {
	/** The query as typed. */
	query: string;
	/** Every matching event, ascending; kept to re-map hits after a filter. */
	seqs: readonly EventSeq[];
	/** The rows of the current view that match, ascending. */
	hits: readonly ViewIndex[];
}

export interface FilterState {
	text: string;
	test: (event: TrailEvent) => boolean;
}

export interface FilterError {
	message: string;
	/** 0-based position in the filter text that the caret points at. */
	position: number;
}

/**
What a narrowed event list shows: the events of one finding, or the story
of one credential. `head` is the text over the table (the finding's title
and summary, the story's header), `status` its name on the status line.
*/
export interface Scope {
	kind: 'finding' | 'story';
	head: readonly string[];
	status: string;
}

/**
Tab in the filter prompt: the candidates shown under it, and the span of the
draft that the next Tab replaces with the next one.
*/
export interface CompletionState {
	candidates: readonly Candidate[];
	/** The candidate in the draft; -1 while they are only listed. */
	index: number;
	start: number;
	end: number;
	/** A space follows a value put in place by cycling. */
	spaceAfter: boolean;
	/** Why nothing completes, shown instead of candidates. */
	note?: string;
}

/** A one-shot note on the bottom line, gone at the next key. */
export interface Message {
	tone: 'notice' | 'warning' | 'error';
	text: string;
}

export interface AppState {
	/** Terminal size. */
	columns: number;
	rows: number;
	mode: Mode;
	/** The view the help lists keys for, and returns to. */
	helpFor: Mode;
	/** The event list the detail view was opened from, and returns to. */
	detailFrom: Mode;
	pane: Pane;
	view: EventView;
	/** Selected row in the view. */
	cursor: ViewIndex;
	/** First row of the view shown in the table. */
	top: ViewIndex;
	scroll: Readonly<Record<ScrollPane, number>>;
	/** The text of the open search or filter prompt. */
	draft: string;
	/** The prompt's cursor, in UTF-16 units into `draft` (see prompt-edit). */
	caret: number;
	search: SearchState | undefined;
	filter: FilterState | undefined;
	filterError: FilterError | undefined;
	message: Message | undefined;
	/** The prompts' histories, newest last (kept between runs by the App). */
	history: PromptHistory;
	/** Set while Up and Down walk the open prompt's history. */
	recall: Recall | undefined;
	/** Set from a Tab in the filter prompt until another key. */
	completion: CompletionState | undefined;
	/** Set by `quit`; the component then unmounts the app. */
	quit: boolean;
	/** Selected row of the triage view, an index into `context.findings`. */
	findingCursor: number;
	/** First finding shown in the triage view's table. */
	findingTop: number;
	/** Set while the table shows a finding's events or a story. */
	scope: Scope | undefined;
	/**
	The screen to go back to with Esc from the triage view, a finding or a
	story: the whole state as it was when they were opened, so the cursor,
	filter and search come back exactly. Each saved state keeps its own, so
	Esc walks back one view at a time.
	*/
	returnTo: AppState | undefined;
	/** The values picker (v) while it is open: its step, field and cursor. */
	facet: FacetState | undefined;
	/** The summary's grouping, order and cursor; the order is kept for S. */
	summary: SummaryState | undefined;
	/** The event list the pivot menu was opened from, and returns to. */
	pivotFrom: Mode;
	/**
	The filter stack: the screen before the last pivot, facet choice or
	drill-down, which Esc in the list goes back to; each keeps its own.
	*/
	pushed: AppState | undefined;
	/** The timeline over the list: undefined follows the terminal's height. */
	timeline: boolean | undefined;
	/** The list's zoom windows (z), innermost last. */
	zoom: readonly TimeWindow[];
	/** Marked events and their notes, by seq. */
	marks: MarkMap;
	/** The open note prompt (c). */
	note: NotePrompt | undefined;
	/** The open export dialog (w). */
	exportDialog: ExportDialog | undefined;
}

export function initialState(
	context: AppContext,
	columns: number,
	rows: number,
	history: PromptHistory = emptyHistory,
): AppState {
	return {
		columns,
		rows,
		mode: 'list',
		helpFor: 'list',
		detailFrom: 'list',
		pane: 'table',
		view: allEventsView(context.events, context.flaggedSeqs.length),
		cursor: asViewIndex(0),
		top: asViewIndex(0),
		scroll: {side: 0, detail: 0, help: 0, problems: 0},
		draft: '',
		caret: 0,
		search: undefined,
		filter: undefined,
		filterError: undefined,
		message: undefined,
		history,
		recall: undefined,
		completion: undefined,
		quit: false,
		findingCursor: 0,
		findingTop: 0,
		scope: undefined,
		returnTo: undefined,
		facet: undefined,
		summary: undefined,
		pivotFrom: 'list',
		pushed: undefined,
		// Not while loading: the view changes with every batch.
		timeline: context.loading ? false : undefined,
		zoom: [],
		marks: noMarks,
		note: undefined,
		exportDialog: undefined,
	};
}

/**
The layout the state is drawn with: the caret row of an error (or the
candidates of a Tab) takes one more line, and a finding's or a story's head
takes its rows over the table.
*/
export function layoutOf(state: AppState): Layout {
	// The help takes the status and bottom rows too, so its keys fit 80×24.
	if (state.mode === 'help') {
		return computeLayout(state.columns, state.rows, 0, 0, false);
	}

	const caret =
		state.mode === 'filter-input' && (state.filterError ?? state.completion)
			? 1
			: 0;
	const bottom = state.mode === 'pivot' ? pivotMenuRows : 1 + caret;
	const head = scopeHeadLines(state, Math.max(state.columns, 20)).length;
	return computeLayout(
		state.columns,
		state.rows,
		bottom,
		head + timelineRows(state),
	);
}

/** The selected event, if the view has any. */
export function selectedEvent(
	context: AppContext,
	state: AppState,
): TrailEvent | undefined {
	return eventAt(context.events, state.view, state.cursor);
}

/** The finding under the triage view's cursor, if there are findings. */
export function selectedFinding(
	context: AppContext,
	state: AppState,
): Finding | undefined {
	return context.findings[state.findingCursor];
}

/**
Applies changes, giving back the very same state when none of them changes
anything, so a key that does nothing re-renders nothing.
*/
export function patch(state: AppState, changes: Partial<AppState>): AppState {
	for (const key of Object.keys(changes) as Array<keyof AppState>) {
		if (changes[key] !== state[key]) {
			return {...state, ...changes};
		}
	}

	return state;
}

export function setScroll(
	state: AppState,
	pane: ScrollPane,
	value: number,
): AppState {
	if (state.scroll[pane] === value) {
		return state;
	}

	return {...state, scroll: {...state.scroll, [pane]: value}};
}

export function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(high, low));
}

/**
A list's cursor and first shown row, clamped to its rows and moved the least
that keeps the cursor on the page.
*/
export function keepOnPage(
	cursor: number,
	top: number,
	count: number,
	rows: number,
): {cursor: number; top: number} {
	const at = clamp(cursor, 0, count - 1);
	const first = clamp(top, 0, Math.max(count - rows, 0));
	if (at < first) {
		return {cursor: at, top: at};
	}

	return {cursor: at, top: at >= first + rows ? at - rows + 1 : first};
}

/**
Keeps the cursor inside the view and the table window around the cursor:
run after every change, since a filter, a resize or a prompt line can each
move the window.
*/
export function settle(state: AppState): AppState {
	const {tableRows} = layoutOf(state);
	const last = Math.max(state.view.length - 1, 0);
	const cursor = clamp(state.cursor, 0, last);
	let top = clamp(state.top, 0, Math.max(state.view.length - tableRows, 0));
	if (cursor < top) {
		top = cursor;
	} else if (tableRows > 0 && cursor >= top + tableRows) {
		top = cursor - tableRows + 1;
	}

	return patch(state, {
		cursor: asViewIndex(cursor),
		top: asViewIndex(top),
	});
}
