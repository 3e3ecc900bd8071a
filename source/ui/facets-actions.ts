import {debugLog} from '../core/debug-log.js';
import {visible} from '../core/safe-text.js';
import {addClause} from '../investigate/add-clause.js';
import {pickClause} from '../investigate/value-target.js';
import {
	countValues,
	type FieldValues,
	type ValueCount,
} from '../query/field-values.js';
import type {AppContext} from './app-context.js';
import {
	keepOnPage,
	layoutOf,
	patch,
	settle,
	type AppState,
} from './app-state.js';
import {viewEventList, viewEvents} from './event-view.js';
import {matchFields, type FacetField} from './facets-fields.js';
import {narrow, type Narrowed} from './facets-filter.js';
import {filterPushing} from './filter-stack.js';
import {stepTarget, type Step} from './navigation.js';
import {offBy} from './off-by.js';
import {editPrompt, insertText, type PromptEdit} from './prompt-edit.js';

/**
The values picker (v). Step one lists the fields; step two the values the
picked field takes in the view, counted once when it is picked, most
frequent first. Typing narrows either list. Enter on a value adds
`field=value` to the filter, `!` adds `!field=value`, each checked against
the view so that exactly the counted events are kept or left out (see
value-target.ts); both push the filter stack, so Esc in the list takes the
choice back.
*/

export interface FacetState {
	step: 'field' | 'value';
	/** The field whose values are listed (the value step). */
	field: string;
	/** Its values in the view, counted when the field was picked. */
	values: FieldValues | undefined;
	/** Events in the view. */
	total: number;
	/** What was typed at the field step, given back by Esc. */
	fieldQuery: string;
	/** Selected row and first row shown, in the narrowed list. */
	cursor: number;
	top: number;
}

/** Values shown at most; the others are counted and reached by typing. */
export const valueLimit = 1000;

const noValues: readonly ValueCount[] = [];

export function fieldRows(state: AppState): Narrowed<FacetField> {
	return matchFields(state.draft);
}

export function valueRows(state: AppState): Narrowed<ValueCount> {
	return narrow(
		state.facet?.values?.values ?? noValues,
		(entry) => entry.value,
		state.draft,
		valueLimit,
	);
}

function rowCount(state: AppState): number {
	return state.facet?.step === 'value'
		? valueRows(state).rows.length
		: fieldRows(state).rows.length;
}

/** Rows of the picker's list: the body under its title row. */
export function facetPageRows(state: AppState): number {
	return layoutOf(state).pageRows;
}

/** Keeps the picker's cursor in its list and its row in the window. */
export function settleFacet(state: AppState): AppState {
	const {facet} = state;
	if (facet === undefined) {
		return state;
	}

	const rows = facetPageRows(state);
	const count = rowCount(state);
	const {cursor, top} = keepOnPage(facet.cursor, facet.top, count, rows);

	return cursor === facet.cursor && top === facet.top
		? state
		: {...state, facet: {...facet, cursor, top}};
}

export function openFacets(context: AppContext, state: AppState): AppState {
	if (state.view.length === 0) {
		return patch(state, {
			message: {tone: 'warning', text: 'No events in this view to count'},
		});
	}

	return settleFacet({
		...state,
		mode: 'facets',
		draft: '',
		caret: 0,
		facet: {
			step: 'field',
			field: '',
			values: undefined,
			total: state.view.length,
			fieldQuery: '',
			cursor: 0,
			top: 0,
		},
	});
}

export function moveFacet(state: AppState, step: Step): AppState {
	const {facet} = state;
	if (facet === undefined) {
		return state;
	}

	const target = stepTarget(
		facet.cursor,
		step,
		facetPageRows(state),
		rowCount(state) - 1,
	);
	return settleFacet({...state, facet: {...facet, cursor: target}});
}

/** New text typed or deleted: the narrowed list starts at its top. */
function retyped(state: AppState, draft: string, caret: number): AppState {
	if (draft === state.draft && caret === state.caret) {
		return state;
	}

	const facet = state.facet && {...state.facet, cursor: 0, top: 0};
	return settleFacet({...state, draft, caret, facet});
}

export function typeFacet(state: AppState, text: string): AppState {
	const next = insertText(state, text);
	return retyped(state, next.draft, next.caret);
}

export function editFacet(state: AppState, edit: PromptEdit): AppState {
	const next = editPrompt(state, edit);
	return retyped(state, next.draft, next.caret);
}

function pickField(context: AppContext, state: AppState): AppState {
	const facet = state.facet!;
	const field = fieldRows(state).rows[facet.cursor];
	if (field === undefined) {
		return state;
	}

	const started = performance.now();
	const values = countValues(
		viewEvents(context.events, state.view),
		field.name,
	);
	debugLog('facet', {
		events: state.view.length,
		distinct: values.distinct,
		ms: Math.round(performance.now() - started),
	});
	if (values.distinct === 0) {
		return patch(state, {
			message: {
				tone: 'warning',
				text: `No event in this view has a value for ${visible(field.name)}`,
			},
		});
	}

	return settleFacet({
		...state,
		draft: '',
		caret: 0,
		facet: {
			...facet,
			step: 'value',
			field: field.name,
			values,
			fieldQuery: state.draft,
			cursor: 0,
			top: 0,
		},
	});
}

/** Enter (or `!`, to leave the value out) on the picker. */
export function facetPick(
	context: AppContext,
	state: AppState,
	exclude: boolean,
): AppState {
	const {facet} = state;
	if (facet === undefined) {
		return state;
	}

	if (facet.step === 'field') {
		return exclude
			? patch(state, {
					message: {
						tone: 'notice',
						text: 'Pick a field first (Enter): ! leaves out one of its values',
					},
				})
			: pickField(context, state);
	}

	const row = valueRows(state).rows[facet.cursor];
	if (row === undefined) {
		return state;
	}

	const exact = pickClause(
		viewEventList(context.events, state.view),
		facet.field,
		row.value,
		exclude,
	);
	const list: AppState = {
		...state,
		mode: 'list',
		facet: undefined,
		draft: '',
		caret: 0,
	};
	const next = filterPushing(
		context,
		list,
		list,
		addClause(state.filter?.text, exact.text),
	);
	return offBy(next, exact.wrong, visible(facet.field));
}

/** Esc: from the values back to the fields, from the fields to the list. */
export function facetBack(state: AppState): AppState {
	const {facet} = state;
	if (facet?.step !== 'value') {
		return settle({
			...state,
			mode: 'list',
			facet: undefined,
			draft: '',
			caret: 0,
		});
	}

	const draft = facet.fieldQuery;
	const rows = matchFields(draft).rows;
	const cursor = Math.max(
		rows.findIndex((field) => field.name === facet.field),
		0,
	);
	return settleFacet({
		...state,
		draft,
		caret: draft.length,
		facet: {...facet, step: 'field', values: undefined, cursor, top: 0},
	});
}
