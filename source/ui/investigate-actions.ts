import type {AppContext} from './app-context.js';
import {patch, settle, type AppState} from './app-state.js';
import type {CommandId, KeyName} from './keymap.js';
import {
	editFacet,
	facetBack,
	facetPick,
	moveFacet,
	openFacets,
	settleFacet,
} from './facets-actions.js';
import {settleFindings} from './findings-navigation.js';
import {clampScrolls, type Step} from './navigation.js';
import {closePivots, openPivots, pivotTo} from './pivot-actions.js';
import {
	closeSummary,
	cycleSort,
	drillDown,
	moveSummary,
	openSummary,
	reverseSort,
	settleSummary,
	switchGrouping,
} from './summary-actions.js';

/**
Where the reducer sends the keys of facets, pivots and summaries: the
commands that open them from an event list, and every key while one of
them is open. Undefined leaves a command to the reducer's own cases (help,
quit).
*/

const steps: Partial<Record<CommandId, Step>> = {
	'line-down': {kind: 'line', by: 1},
	'line-up': {kind: 'line', by: -1},
	'page-down': {kind: 'page', by: 1},
	'page-up': {kind: 'page', by: -1},
	'go-top': {kind: 'end', by: -1},
	'go-bottom': {kind: 'end', by: 1},
};

function facetCommand(
	context: AppContext,
	state: AppState,
	command: CommandId,
): AppState | undefined {
	const step = steps[command];
	if (step) {
		return moveFacet(state, step);
	}

	switch (command) {
		case 'facet-pick':
			return facetPick(context, state, false);
		case 'facet-exclude':
			return facetPick(context, state, true);
		case 'back':
			return facetBack(state);
		case 'delete-char':
		case 'clear-input':
			return editFacet(state, command);
		default:
			return undefined;
	}
}

function summaryCommand(
	context: AppContext,
	state: AppState,
	command: CommandId,
	key: KeyName | undefined,
): AppState | undefined {
	const step = steps[command];
	if (step) {
		return moveSummary(context, state, step);
	}

	switch (command) {
		case 'next-grouping':
			return switchGrouping(context, state, 1);
		case 'previous-grouping':
			return switchGrouping(context, state, -1);
		case 'choose-grouping':
			return switchGrouping(context, state, Number(key) - 1, true);
		case 'cycle-sort':
			return cycleSort(context, state);
		case 'reverse-sort':
			return reverseSort(context, state);
		case 'drill-down':
			return drillDown(context, state);
		case 'back':
		case 'close':
			return closeSummary(state);
		default:
			return undefined;
	}
}

export function investigate(
	context: AppContext,
	state: AppState,
	command: CommandId,
	key: KeyName | undefined,
): AppState | undefined {
	switch (state.mode) {
		case 'facets':
			return facetCommand(context, state, command);
		case 'summary':
			return summaryCommand(context, state, command, key);
		case 'pivot':
			if (command === 'pivot') {
				return pivotTo(context, state, key);
			}

			return command === 'back' || command === 'close'
				? closePivots(state)
				: undefined;
		default:
			break;
	}

	switch (command) {
		case 'open-facets':
			return openFacets(context, state);
		case 'open-pivots':
			return openPivots(context, state);
		case 'open-summary':
			return openSummary(context, state);
		default:
			return undefined;
	}
}

/** Keeps the picker's and the summary's windows in place, e.g. on resize. */
export function settleInvestigate(
	context: AppContext,
	state: AppState,
): AppState {
	return settleFacet(settleSummary(context, state));
}

/**
Esc in the list with a filter stack: the screen before the last pivot,
facet choice or drill-down, at the terminal's current size.
*/
export function popFilter(context: AppContext, state: AppState): AppState {
	const saved = state.pushed;
	if (saved === undefined) {
		return state;
	}

	const resized = patch(saved, {
		columns: state.columns,
		rows: state.rows,
		message: undefined,
	});
	return clampScrolls(
		context,
		settleSummary(context, settleFindings(context, settle(resized))),
	);
}
