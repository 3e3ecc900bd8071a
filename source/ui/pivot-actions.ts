import {
	exactClause,
	pivotIdOfKey,
	pivotTarget,
	type PivotId,
} from '../investigate/pivot.js';
import type {AppContext} from './app-context.js';
import {patch, selectedEvent, settle, type AppState} from './app-state.js';
import {filterPushing} from './filter-stack.js';
import {offBy} from './off-by.js';

/**
Pivots (o): the menu opens over the event list; a key in it replaces the
filter with the clause that keeps every event sharing that value with the
selected event, and pushes the filter stack. From a finding's events or a
story, the pivot lands in the event list and Esc comes back.
*/

const names: Record<PivotId, string> = {
	principal: 'principal',
	role: 'role',
	address: 'address',
	key: 'access key',
	session: 'session',
	agent: 'user-agent family',
};

export function openPivots(context: AppContext, state: AppState): AppState {
	if (selectedEvent(context, state) === undefined) {
		return patch(state, {
			message: {tone: 'warning', text: 'No event selected to pivot from'},
		});
	}

	return settle({
		...state,
		mode: 'pivot',
		pivotFrom: state.mode,
		pane: 'table',
	});
}

export function closePivots(state: AppState): AppState {
	return settle(patch(state, {mode: state.pivotFrom}));
}

export function pivotTo(
	context: AppContext,
	state: AppState,
	key: string | undefined,
): AppState {
	const from = closePivots(state);
	const event = selectedEvent(context, state);
	const id = key === undefined ? undefined : pivotIdOfKey(key);
	if (event === undefined || id === undefined) {
		return from;
	}

	const target = pivotTarget(event, id);
	if (typeof target === 'string') {
		return patch(from, {
			message: {
				tone: 'warning',
				text: `No ${names[id]} to pivot on: ${target}`,
			},
		});
	}

	const exact = exactClause(context.events, target);
	const list: AppState = {
		...from,
		mode: 'list',
		pane: 'table',
		scope: undefined,
		returnTo: from.mode === 'list' ? from.returnTo : undefined,
	};
	const next = filterPushing(context, from, list, exact.text);
	return offBy(next, exact.wrong, names[id]);
}
