import {debugLog} from '../core/debug-log.js';
import {addClause} from '../investigate/add-clause.js';
import {groupClause} from '../investigate/group-clause.js';
import {
	defaultDirection,
	groupEvents,
	groupings,
	sortGroups,
	sortKeys,
	type Group,
	type GroupingId,
	type SortDirection,
	type SortKey,
} from '../investigate/summary.js';
import type {AppContext} from './app-context.js';
import {
	keepOnPage,
	layoutOf,
	patch,
	settle,
	type AppState,
} from './app-state.js';
import {viewEventList, viewEvents, type EventView} from './event-view.js';
import {filterPushing} from './filter-stack.js';
import {moveCursor, stepTarget, type Step} from './navigation.js';
import {offBy} from './off-by.js';

/**
The summary (S): the view's events grouped by one value, one row per
group. Groups are computed once per view and grouping and sorted once per
order; a frame only reads the rows in its window. Enter lists a group's
events, pushing the filter stack so Esc comes back here.
*/

export interface SummaryState {
	grouping: GroupingId;
	sort: SortKey;
	/** ↓ descending or ↑ ascending; each column starts in its own. */
	direction: SortDirection;
	cursor: number;
	top: number;
}

const grouped = new WeakMap<EventView, Map<GroupingId, Group[]>>();
let sorted:
	| {groups: Group[]; sort: SortKey; direction: SortDirection; rows: Group[]}
	| undefined;

function groupsOf(
	context: AppContext,
	view: EventView,
	grouping: GroupingId,
): Group[] {
	let byGrouping = grouped.get(view);
	if (byGrouping === undefined) {
		byGrouping = new Map();
		grouped.set(view, byGrouping);
	}

	let groups = byGrouping.get(grouping);
	if (groups === undefined) {
		const started = performance.now();
		groups = groupEvents(viewEvents(context.events, view), grouping);
		byGrouping.set(grouping, groups);
		debugLog('summary', {
			grouping,
			events: view.length,
			groups: groups.length,
			ms: Math.round(performance.now() - started),
		});
	}

	return groups;
}

/** The summary's rows, in its order. */
export function summaryRows(context: AppContext, state: AppState): Group[] {
	const {summary} = state;
	if (summary === undefined) {
		return [];
	}

	const groups = groupsOf(context, state.view, summary.grouping);
	if (
		sorted?.groups !== groups ||
		sorted.sort !== summary.sort ||
		sorted.direction !== summary.direction
	) {
		sorted = {
			groups,
			sort: summary.sort,
			direction: summary.direction,
			rows: sortGroups(groups, summary.sort, summary.direction),
		};
	}

	return sorted.rows;
}

/** Rows of the table: the body less its title, tabs and header rows. */
export function summaryTableRows(state: AppState): number {
	return Math.max(layoutOf(state).bodyHeight - 3, 1);
}

export function settleSummary(context: AppContext, state: AppState): AppState {
	const {summary} = state;
	if (summary === undefined || state.mode !== 'summary') {
		return state;
	}

	const rows = summaryTableRows(state);
	const count = summaryRows(context, state).length;
	const {cursor, top} = keepOnPage(summary.cursor, summary.top, count, rows);

	return cursor === summary.cursor && top === summary.top
		? state
		: {...state, summary: {...summary, cursor, top}};
}

function withSummary(
	context: AppContext,
	state: AppState,
	changes: Partial<SummaryState>,
): AppState {
	const summary = {...state.summary!, ...changes};
	return settleSummary(context, {...state, summary});
}

export function openSummary(context: AppContext, state: AppState): AppState {
	if (state.view.length === 0) {
		return patch(state, {
			message: {tone: 'warning', text: 'No events in this view to summarise'},
		});
	}

	const previous = state.summary;
	return settleSummary(context, {
		...state,
		mode: 'summary',
		summary: {
			grouping: previous?.grouping ?? 'principal',
			sort: previous?.sort ?? 'events',
			direction: previous?.direction ?? defaultDirection.events,
			cursor: 0,
			top: 0,
		},
	});
}

export function closeSummary(state: AppState): AppState {
	return settle(patch(state, {mode: 'list'}));
}

/** Groups by the grouping `by` places on (wrapping), or by a number key. */
export function switchGrouping(
	context: AppContext,
	state: AppState,
	by: number,
	absolute = false,
): AppState {
	const current = groupings.findIndex((g) => g.id === state.summary?.grouping);
	const index = absolute ? by : current + by;
	const count = groupings.length;
	if (absolute && (index < 0 || index >= count)) {
		return state;
	}

	const grouping = groupings[((index % count) + count) % count]!;
	return withSummary(context, state, {
		grouping: grouping.id,
		cursor: 0,
		top: 0,
	});
}

export function cycleSort(context: AppContext, state: AppState): AppState {
	const index = sortKeys.indexOf(state.summary?.sort ?? 'events');
	const sort = sortKeys[(index + 1) % sortKeys.length]!;
	return withSummary(context, state, {
		sort,
		direction: defaultDirection[sort],
		cursor: 0,
		top: 0,
	});
}

export function reverseSort(context: AppContext, state: AppState): AppState {
	const direction = state.summary?.direction;
	return withSummary(context, state, {
		direction: direction === 'ascending' ? 'descending' : 'ascending',
		cursor: 0,
		top: 0,
	});
}

export function moveSummary(
	context: AppContext,
	state: AppState,
	step: Step,
): AppState {
	const summary = state.summary!;
	const target = stepTarget(
		summary.cursor,
		step,
		summaryTableRows(state),
		summaryRows(context, state).length - 1,
	);
	return withSummary(context, state, {cursor: target});
}

/** Enter: the event list narrowed to the group, from its first event. */
export function drillDown(context: AppContext, state: AppState): AppState {
	const {summary} = state;
	const group = summary && summaryRows(context, state)[summary.cursor];
	if (group === undefined) {
		return state;
	}

	const {grouping} = summary!;
	const exact = groupClause(
		context.events,
		grouping,
		group,
		viewEventList(context.events, state.view),
	);
	const list: AppState = {...state, mode: 'list', pane: 'table'};
	const next = filterPushing(
		context,
		state,
		list,
		addClause(state.filter?.text, exact.text),
	);
	const name = groupings.find((g) => g.id === grouping)?.name ?? grouping;
	return next.mode === 'list'
		? offBy(moveCursor(next, 0), exact.wrong, name)
		: next;
}
