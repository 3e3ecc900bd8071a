import type {TrailEvent} from '../core/types.js';
import {remember} from '../core/history-store.js';
import type {AppContext} from './app-context.js';
import {
	patch,
	selectedEvent,
	settle,
	type AppState,
	type Pane,
} from './app-state.js';
import {commandFor, type CommandId, type KeyName} from './keymap.js';
import {complete} from './complete-actions.js';
import {settleFindings} from './findings-navigation.js';
import {typeFacet} from './facets-actions.js';
import {
	investigate,
	popFilter,
	settleInvestigate,
} from './investigate-actions.js';
import {editPrompt, insertText, type PromptEdit} from './prompt-edit.js';
import {clampScrolls, move, nextFlagged} from './navigation.js';
import {recallNewer, recallOlder} from './prompt-history.js';
import {
	applyFilter,
	clearFilter,
	jumpToHit,
	runSearch,
} from './query-actions.js';
import {
	goBack,
	openFinding,
	openStory,
	toggleFindings,
} from './triage-actions.js';
import {rebase, waitsForLoad} from './rebase.js';
import {
	isWorkflowPrompt,
	workflowAction,
	workflowCommand,
	type WorkflowAction,
} from './workflow-actions.js';
import {zoomOut} from './zoom-actions.js';

/**
The whole screen state changes here. A keypress arrives as `key-press` and
is looked up in the keymap for the current mode, so a burst of keys is
always judged against the state the previous key left, never against a
stale render.
*/

export type AppAction =
	| {type: 'key-press'; key: KeyName | undefined; text: string}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'type-text'; text: string}
	| {type: 'apply-filter'; text: string}
	| {type: 'run-search'; query: string}
	/** A one-line note from outside the reducer (the history file). */
	| {type: 'notice'; text: string}
	/** A new list of events: more of a load, or the judged whole. */
	| {type: 'rebase'; previous: readonly TrailEvent[]; initialFilter?: string}
	| WorkflowAction
	| {type: CommandId};

export type AppReducer = (state: AppState, action: AppAction) => AppState;

const panes: readonly Pane[] = ['table', 'side'];

/** Typed text without control characters (a paste may carry newlines). */
function printable(text: string): string {
	return text.replace(/\p{Cc}/gu, '');
}

/** A prompt edit; a filter's error goes once its text changes. */
function editDraft(state: AppState, edit: PromptEdit): AppState {
	const next = editPrompt(state, edit);
	if (next.draft === state.draft && next.caret === state.caret) {
		return state;
	}

	return patch(state, {
		...next,
		filterError: next.draft === state.draft ? state.filterError : undefined,
		recall: next.draft === state.draft ? state.recall : undefined,
	});
}

/** Up and Down in a prompt: the history of that prompt. */
function recallEntry(state: AppState, older: boolean): AppState {
	const list =
		state.mode === 'search-input' ? state.history.search : state.history.filter;
	const recalled = (older ? recallOlder : recallNewer)(
		list,
		state.draft,
		state.recall,
	);
	if (recalled === undefined) {
		return state;
	}

	return settle({
		...state,
		draft: recalled.draft,
		caret: recalled.draft.length,
		recall: recalled.recall,
		filterError: undefined,
	});
}

/** Enter in a prompt: run it, and keep what was run in its history. */
function submit(context: AppContext, state: AppState): AppState {
	const text = state.draft.trim();
	if (state.mode === 'search-input') {
		const next = submitSearch(context, state);
		return text === ''
			? next
			: {
					...next,
					history: {
						...next.history,
						search: remember(next.history.search, text),
					},
				};
	}

	const next = applyFilter(context, state, state.draft);
	// A bad filter stays in the prompt with its error, out of the history.
	if (next.mode !== 'list' || text === '') {
		return next;
	}

	return {
		...next,
		recall: undefined,
		history: {...next.history, filter: remember(next.history.filter, text)},
	};
}

/**
Esc and q: close the view on top. Esc first gives the table the focus back
and unwinds the search and the filter; q closes the view at once.
*/
function back(context: AppContext, state: AppState, closing = false): AppState {
	switch (state.mode) {
		case 'detail':
			return settle(patch(state, {mode: state.detailFrom}));
		case 'problems':
			return patch(state, {mode: 'list'});
		case 'help':
			return settle(patch(state, {mode: state.helpFor}));
		case 'findings':
		case 'finding':
		case 'story':
			if (state.pane === 'side' && !closing) {
				return patch(state, {pane: 'table'});
			}

			return goBack(context, state);
		case 'list':
			if (state.pane === 'side') {
				return patch(state, {pane: 'table'});
			}

			if (state.pushed) {
				return popFilter(context, state);
			}

			if (state.search) {
				return patch(state, {search: undefined});
			}

			return state.filter || state.zoom.length === 0
				? clearFilter(context, state)
				: zoomOut(context, state);
		default:
			return state;
	}
}

function runCommand(
	context: AppContext,
	state: AppState,
	command: CommandId,
	key?: KeyName,
): AppState {
	const investigated = investigate(context, state, command, key);
	if (investigated !== undefined) {
		return investigated;
	}

	switch (command) {
		case 'line-down':
			return move(context, state, {kind: 'line', by: 1});
		case 'line-up':
			return move(context, state, {kind: 'line', by: -1});
		case 'page-down':
			return move(context, state, {kind: 'page', by: 1});
		case 'page-up':
			return move(context, state, {kind: 'page', by: -1});
		case 'go-top':
			return move(context, state, {kind: 'end', by: -1});
		case 'go-bottom':
			return move(context, state, {kind: 'end', by: 1});
		case 'open-detail':
			return selectedEvent(context, state)
				? {
						...state,
						mode: 'detail',
						detailFrom: state.mode,
						scroll: {...state.scroll, detail: 0},
					}
				: state;
		case 'toggle-findings':
			return toggleFindings(context, state);
		case 'open-finding':
			return openFinding(context, state);
		case 'open-story':
			return openStory(context, state);
		case 'next-pane':
		case 'previous-pane': {
			const step = command === 'next-pane' ? 1 : panes.length - 1;
			const index = (panes.indexOf(state.pane) + step) % panes.length;
			return patch(state, {pane: panes[index]});
		}

		case 'start-search':
			return {
				...state,
				mode: 'search-input',
				draft: '',
				caret: 0,
				recall: undefined,
			};
		case 'next-hit':
			return jumpToHit(state, 1);
		case 'previous-hit':
			return jumpToHit(state, -1);
		case 'start-filter':
			return settle({
				...state,
				mode: 'filter-input',
				draft: state.filter?.text ?? '',
				caret: (state.filter?.text ?? '').length,
				filterError: undefined,
				recall: undefined,
			});
		case 'next-flagged':
			return nextFlagged(context, state, 1);
		case 'previous-flagged':
			return nextFlagged(context, state, -1);
		case 'show-problems':
			return {
				...state,
				mode: 'problems',
				scroll: {...state.scroll, problems: 0},
			};
		case 'toggle-help':
			return state.mode === 'help'
				? {...state, mode: state.helpFor}
				: {
						...state,
						mode: 'help',
						helpFor: state.mode,
						scroll: {...state.scroll, help: 0},
					};
		case 'back':
			return back(context, state);
		case 'close':
			return back(context, state, true);
		case 'quit':
			return patch(state, {quit: true});
		case 'submit-input':
			return submit(context, state);
		case 'cancel-input':
			return settle({
				...state,
				mode: 'list',
				draft: '',
				filterError: undefined,
				recall: undefined,
			});
		case 'complete':
			return complete(context, state);
		case 'history-previous':
			return recallEntry(state, true);
		case 'history-next':
			return recallEntry(state, false);
		case 'caret-left':
		case 'caret-right':
		case 'caret-start':
		case 'caret-end':
		case 'delete-char':
		case 'delete-word':
		case 'delete-to-end':
		case 'clear-input':
			return editDraft(state, command);
		// Facets, pivots and summaries: handled above where they apply.
		case 'open-facets':
		case 'facet-pick':
		case 'facet-exclude':
		case 'open-pivots':
		case 'pivot':
		case 'open-summary':
		case 'next-grouping':
		case 'previous-grouping':
		case 'choose-grouping':
		case 'cycle-sort':
		case 'reverse-sort':
		case 'drill-down':
			return state;
		default:
			// The timeline, marks and export commands (workflow-keymap.ts).
			return workflowCommand(context, state, command);
	}
}

function submitSearch(context: AppContext, state: AppState): AppState {
	const query = state.draft.trim();
	if (query === '') {
		return {...state, mode: 'list', draft: '', search: undefined};
	}

	return runSearch(context, state, query);
}

function typeText(state: AppState, text: string): AppState {
	const typing = state.mode === 'search-input' || state.mode === 'filter-input';
	if (!typing && state.mode !== 'facets' && !isWorkflowPrompt(state.mode)) {
		return state;
	}

	const typed = printable(text);
	if (typed === '') {
		return state;
	}

	if (state.mode === 'facets') {
		return typeFacet(state, typed);
	}

	return settle({
		...state,
		...insertText(state, typed),
		filterError: undefined,
		recall: undefined,
	});
}

function keyPress(
	context: AppContext,
	state: AppState,
	key: KeyName | undefined,
	text: string,
	loading: boolean,
): AppState {
	const command = key === undefined ? undefined : commandFor(state.mode, key);
	// A note lasts until the next key, a Tab's candidates until another key.
	let start = state.message ? {...state, message: undefined} : state;
	if (start.completion && command !== 'complete') {
		start = settle({...start, completion: undefined});
	}

	if (command !== undefined && loading && waitsForLoad.has(command)) {
		return patch(start, {
			message: {
				tone: 'notice',
				text: 'Still loading: search, filters and findings come once every file is read',
			},
		});
	}

	if (command !== undefined) {
		return runCommand(context, start, command, key);
	}

	// An unbound Ctrl combination (Ctrl-x) arrives with its letter as text.
	if (key?.startsWith('ctrl+')) {
		return start;
	}

	return typeText(start, text);
}

/**
The reducer for one list of events. `loading` is set while more events are
still being read: the commands that need them all wait.
*/
export function createAppReducer(
	context: AppContext,
	loading = false,
): AppReducer {
	return (state, action) => {
		switch (action.type) {
			case 'key-press':
				return keyPress(context, state, action.key, action.text, loading);
			case 'rebase': {
				const next = rebase(context, state, action.previous);
				return action.initialFilter && !loading
					? applyFilter(context, next, action.initialFilter)
					: next;
			}

			case 'resize':
				return settleInvestigate(
					context,
					clampScrolls(
						context,
						settleFindings(
							context,
							settle(
								patch(state, {columns: action.columns, rows: action.rows}),
							),
						),
					),
				);
			case 'type-text':
				return typeText(state, action.text);
			case 'apply-filter':
				return applyFilter(context, state, action.text);
			case 'run-search':
				return runSearch(context, state, action.query);
			case 'notice':
				return patch(state, {message: {tone: 'warning', text: action.text}});
			case 'restore-marks':
			case 'session-notice':
			case 'export-written':
			case 'export-exists':
			case 'export-failed':
				return workflowAction(state, action);
			default:
				return runCommand(context, state, action.type);
		}
	};
}
