import {fit, visible} from '../core/safe-text.js';
import type {AppState} from './app-state.js';
import {cursorMark} from './event-table.js';
import {fieldRows, valueRows, type FacetState} from './facets-actions.js';
import {headFor, type Line, type Segment} from './lines.js';

/**
The values picker's text: a title and the rows in its window. A value row
is the value, its count right-aligned, its share of the view and, where
the width allows, a bar of that share.
*/

function n(value: number): string {
	return value.toLocaleString('en-US');
}

export interface FacetPage {
	title: string;
	lines: Line[];
	/** Rows in the narrowed list, for the title's position. */
	count: number;
}

const aboutWidth = 44;
const barFrom = 60;
const barWidth = 12;

function fieldPage(
	state: AppState,
	facet: FacetState,
	width: number,
	rows: number,
): FacetPage {
	const {rows: fields} = fieldRows(state);
	const nameWidth = Math.max(Math.min(width - 3 - aboutWidth, 30), 12);
	const lines: Line[] = [];
	for (const [index, field] of fields
		.slice(facet.top, facet.top + rows)
		.entries()) {
		const row = facet.top + index;
		lines.push([
			{text: row === facet.cursor ? cursorMark : ' ', tone: 'focus'},
			{text: ' '},
			{
				text: fit(headFor(visible(field.name), nameWidth), nameWidth),
				tone: field.path ? 'label' : 'heading',
			},
			{text: ' '},
			{text: field.about, tone: 'muted'},
		]);
	}

	if (fields.length === 0) {
		lines.push([
			{
				text: '  No field matches: type a field name or a record path',
				tone: 'warning',
			},
		]);
	}

	return {
		title: `Values: pick a field · ${n(facet.total)} events in this view`,
		lines,
		count: fields.length,
	};
}

function valuePage(
	state: AppState,
	facet: FacetState,
	width: number,
	rows: number,
): FacetPage {
	const narrowed = valueRows(state);
	const values = facet.values;
	const total = Math.max(facet.total, 1);
	const countWidth = Math.max(n(facet.total).length, 5);
	const bar = width >= barFrom ? barWidth : 0;
	// Cursor and space, value, count, share, bar: a space before each.
	const valueWidth = Math.max(
		width - 2 - (1 + countWidth) - (1 + 6) - (bar > 0 ? 1 + bar : 0),
		4,
	);
	const lines: Line[] = [];
	for (const [index, entry] of narrowed.rows
		.slice(facet.top, facet.top + rows)
		.entries()) {
		const row = facet.top + index;
		const share = entry.count / total;
		const cells = bar > 0 ? Math.max(Math.round(share * bar), 1) : 0;
		const value = entry.value === '' ? '(empty)' : visible(entry.value);
		lines.push([
			{text: row === facet.cursor ? cursorMark : ' ', tone: 'focus'},
			{text: ' '},
			{
				text: fit(headFor(value, valueWidth), valueWidth),
				tone: entry.value === '' ? 'muted' : undefined,
			},
			{text: ` ${n(entry.count).padStart(countWidth)}`, tone: 'label'},
			{text: ` ${`${(share * 100).toFixed(1)}%`.padStart(6)}`},
			...(bar > 0
				? [
						{text: ' '},
						{text: '█'.repeat(cells), tone: 'command' as const},
						{text: ' '.repeat(bar - cells)},
					]
				: []),
		]);
	}

	if (narrowed.rows.length === 0) {
		lines.push([{text: '  No value matches what was typed', tone: 'warning'}]);
	}

	const distinct = values?.distinct ?? 0;
	const parts = [
		`Values of ${visible(facet.field)}`,
		`${n(distinct)} distinct in ${n(facet.total)} events`,
		...(values && values.missing > 0 ? [`${n(values.missing)} without`] : []),
		...(narrowed.more > 0
			? [`first ${n(narrowed.rows.length)} shown, type to narrow`]
			: []),
	];
	return {title: parts.join(' · '), lines, count: narrowed.rows.length};
}

export function facetPage(
	state: AppState,
	width: number,
	rows: number,
): FacetPage {
	const {facet} = state;
	if (facet === undefined) {
		return {title: 'Values', lines: [], count: 0};
	}

	return facet.step === 'value'
		? valuePage(state, facet, width, rows)
		: fieldPage(state, facet, width, rows);
}

/**
The bottom line's first reminder: letters (j and k too) are typed into the
prompt and narrow the list; the arrows move.
*/
export const facetTypingHint: readonly Segment[] = [
	{text: ' letters', tone: 'command'},
	{text: ' narrow ', tone: 'muted'},
];

/** The prompt's label: what the typed text narrows. */
export function facetPromptLabel(state: AppState): string {
	const {facet} = state;
	return facet?.step === 'value' ? `${visible(facet.field)}: ` : 'field: ';
}
