import {fit, visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';
import {sourceHint} from '../normalise/source-address.js';
import {headFor, type Line, type Segment} from './lines.js';
import {markGlyph} from './mark-panel-lines.js';
import {hintTone, severityMarker, severityTone, type Tone} from './theme.js';

/**
The event table's columns: their widths for a terminal width and the text of
each cell. Every cell goes through `fit`, which makes log text visible and
cuts it with `…`, so a row is always exactly as wide as the table.
*/

export type ColumnId =
	| 'time'
	| 'flag'
	| 'name'
	| 'principal'
	| 'source'
	| 'region'
	| 'error'
	| 'agent';

export interface Column {
	id: ColumnId;
	title: string;
	width: number;
}

/** How much of the date the time column carries. */
export type DateMode = 'time' | 'month-day' | 'full';

const timeWidth: Record<DateMode, number> = {
	time: 8,
	'month-day': 14,
	full: 19,
};

/** The tag after the address: `AWS`, `ext`, `priv`, `svc`, `int`, `—`. */
const hintWidth = 4;

/** From this table width on, the user agent gets a column of its own. */
export const agentColumnFrom = 120;

interface Flexible {
	id: ColumnId;
	title: string;
	weight: number;
	min: number;
	max: number;
}

const flexible: readonly Flexible[] = [
	{id: 'name', title: 'Event', weight: 24, min: 8, max: 30},
	{id: 'principal', title: 'Principal', weight: 26, min: 8, max: 48},
	// An IPv4 address and its tag fit from 80 columns on.
	{id: 'source', title: 'Source', weight: 36, min: 20, max: 44},
	{id: 'error', title: 'Error', weight: 14, min: 5, max: 26},
	{id: 'agent', title: 'User agent', weight: 40, min: 12, max: 1000},
];

/**
Column widths for a table `width` cells wide, one space between columns.
Each flexible column takes its share of the room within its bounds; what is
left goes to the user agent when it has a column, else to the principal.
*/
export function tableColumns(width: number, dateMode: DateMode): Column[] {
	const withAgent = width >= agentColumnFrom;
	const shown = flexible.filter((column) => withAgent || column.id !== 'agent');
	const time = timeWidth[dateMode];
	const regionWidth = width >= 100 ? 14 : 9;
	const gaps = shown.length + 2;
	const total = Math.max(width - time - 3 - regionWidth - gaps, 0);
	const weights = shown.reduce((sum, column) => sum + column.weight, 0);
	const widths = new Map<ColumnId, number>();
	let room = total;
	for (const column of shown) {
		const share = Math.floor((total * column.weight) / weights);
		const size = Math.min(Math.max(share, column.min), column.max);
		widths.set(column.id, size);
		room -= size;
	}

	// Too narrow for the minimums. Event and Principal say what happened
	// and who did it, so the region gives first, then the error and the
	// source, down to a few cells each; only then the widest columns.
	let region = regionWidth;
	const give = (id: ColumnId | 'region', floor: number): void => {
		const size = id === 'region' ? region : widths.get(id);
		if (size === undefined || room >= 0) {
			return;
		}

		const taken = Math.min(Math.max(size - floor, 0), -room);
		room += taken;
		if (id === 'region') {
			region -= taken;
		} else {
			widths.set(id, size - taken);
		}
	};

	give('region', 4);
	give('error', 4);
	give('source', 9);
	while (room < 0) {
		const widest = shown.reduce((a, b) =>
			widths.get(b.id)! > widths.get(a.id)! ? b : a,
		);
		if (widths.get(widest.id)! <= 1) {
			break;
		}

		widths.set(widest.id, widths.get(widest.id)! - 1);
		room++;
	}

	const taker = withAgent ? 'agent' : 'principal';
	widths.set(taker, widths.get(taker)! + room);

	const flex = (id: ColumnId): Column[] => {
		const column = shown.find((candidate) => candidate.id === id);
		return column ? [{id, title: column.title, width: widths.get(id)!}] : [];
	};

	return [
		{id: 'time', title: 'Time', width: time},
		{id: 'flag', title: '', width: 3},
		...flex('name'),
		...flex('principal'),
		...flex('source'),
		{id: 'region', title: 'Region', width: region},
		...flex('error'),
		...flex('agent'),
	];
}

/**
`23:09:28`, `11-28 23:09:28` or `2018-11-28 23:09:28`, all UTC. An unreadable
time shows `—`, like any missing value: its raw text (possibly long, or
hostile) is in the detail view.
*/
export function formatTime(event: TrailEvent, dateMode: DateMode): string {
	if (!Number.isFinite(event.time)) {
		return '—';
	}

	const iso = new Date(event.time).toISOString();
	const clock = iso.slice(11, 19);
	if (dateMode === 'time') {
		return clock;
	}

	return dateMode === 'full'
		? `${iso.slice(0, 10)} ${clock}`
		: `${iso.slice(5, 10)} ${clock}`;
}

/** The address part of the source cell, as logged. */
export function sourceText(event: TrailEvent): string {
	return event.source.ip ?? event.source.raw ?? '—';
}

/** The error cell: the code, else a failed outcome, else nothing. */
export function errorText(event: TrailEvent): string {
	if (event.errorCode) {
		return event.errorCode;
	}

	return event.outcome === 'success' ? '' : event.outcome;
}

/**
Splits a cell into segments, marking matched text. It gets the cell's whole
text (made visible) and the text as fitted to the column, which is a prefix
of it, maybe followed by `…` and padding.
*/
export type Highlighter = (
	column: ColumnId,
	full: string,
	fitted: string,
) => Segment[];

const plain: Highlighter = (_column, _full, fitted) => [{text: fitted}];

/**
One table row as segments, exactly `sum(widths) + gaps` cells wide. A
marked event carries `markGlyph` in the gap after its flag column, so
marking moves no column.
*/
export function rowLine(
	event: TrailEvent,
	columns: readonly Column[],
	dateMode: DateMode,
	highlight: Highlighter = plain,
	marked = false,
): Line {
	const segments: Segment[] = [];
	for (const [index, column] of columns.entries()) {
		if (index > 0) {
			const afterFlag = marked && columns[index - 1]?.id === 'flag';
			segments.push(afterFlag ? {text: markGlyph, tone: 'label'} : {text: ' '});
		}

		segments.push(...cell(event, column, dateMode, highlight));
	}

	return segments;
}

function textCell(
	column: Column,
	text: string,
	highlight: Highlighter,
	width = column.width,
): Segment[] {
	return highlight(column.id, visible(text), fit(headFor(text, width), width));
}

function cell(
	event: TrailEvent,
	column: Column,
	dateMode: DateMode,
	highlight: Highlighter,
): Segment[] {
	switch (column.id) {
		case 'time':
			return [{text: fit(formatTime(event, dateMode), column.width)}];
		case 'flag': {
			const top = event.flags[0];
			return top
				? [
						{
							text: severityMarker[top.severity],
							tone: severityTone(top.severity),
						},
					]
				: [{text: fit('', column.width)}];
		}

		case 'name':
			return textCell(column, event.eventName || '—', highlight);
		case 'principal':
			return textCell(column, event.principal.label || '—', highlight);
		case 'source':
			return sourceCell(event, column, highlight);
		case 'region':
			return textCell(column, event.region || '—', highlight);
		case 'error':
			return toned(textCell(column, errorText(event), highlight), 'warning');
		case 'agent':
			return toned(
				textCell(column, event.userAgent ?? '—', highlight),
				'muted',
			);
	}
}

function sourceCell(
	event: TrailEvent,
	column: Column,
	highlight: Highlighter,
): Segment[] {
	const addressWidth = Math.max(column.width - hintWidth - 1, 1);
	const hint = sourceHint(event.source);
	return [
		...textCell(column, sourceText(event), highlight, addressWidth),
		{text: ' '},
		{text: fit(hint, column.width - addressWidth - 1), tone: hintTone(hint)},
	];
}

function toned(segments: Segment[], tone: Tone): Segment[] {
	return segments.map((segment) =>
		segment.tone ? segment : {...segment, tone},
	);
}

/** The header row: the column titles, fitted like the cells. */
export function headerLine(columns: readonly Column[]): Line {
	return [
		{
			text: columns.map((column) => fit(column.title, column.width)).join(' '),
			tone: 'heading',
		},
	];
}
