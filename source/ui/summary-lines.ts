import {fit, visible} from '../core/safe-text.js';
import {
	groupings,
	type Group,
	type GroupingId,
	type SortKey,
} from '../investigate/summary.js';
import type {SummaryState} from './summary-actions.js';
import {cursorMark} from './event-table.js';
import {headFor, type Line, type Segment} from './lines.js';
import type {DateMode} from './table-columns.js';

/**
The summary's text: the grouping tabs, the header with the sorted column
marked, and the rows of the window. Every value from the logs is made
visible and cut to its column.
*/

function n(value: number): string {
	return value.toLocaleString('en-US');
}

const timeWidths: Record<DateMode, number> = {
	time: 8,
	'month-day': 14,
	full: 19,
};

const countWidth = 8;
const classWidth = 12;

/** `23:09:28`, `11-28 23:09:28` or `2018-11-28 23:09:28`, UTC. */
export function summaryTime(time: number, dateMode: DateMode): string {
	if (!Number.isFinite(time)) {
		return '—';
	}

	const iso = new Date(time).toISOString();
	const clock = iso.slice(11, 19);
	if (dateMode === 'time') {
		return clock;
	}

	return dateMode === 'full'
		? `${iso.slice(0, 10)} ${clock}`
		: `${iso.slice(5, 10)} ${clock}`;
}

interface Widths {
	value: number;
	klass: number;
	time: number;
}

function widthsFor(
	width: number,
	grouping: GroupingId,
	dateMode: DateMode,
): Widths {
	const time = Math.max(timeWidths[dateMode], 11);
	const klass = grouping === 'address' ? classWidth : 0;
	// Cursor, then a space before each column after the value.
	const fixed =
		1 + 2 * (1 + countWidth) + 2 * (1 + time) + (klass > 0 ? 1 + klass : 0);
	return {value: Math.max(width - fixed, 8), klass, time};
}

/** The tabs: `1 principal  [2 address]  3 access key …`. */
export function tabsLine(summary: SummaryState): Line {
	const line: Segment[] = [];
	for (const [index, grouping] of groupings.entries()) {
		const label = `${index + 1} ${grouping.name}`;
		const current = grouping.id === summary.grouping;
		line.push(
			current
				? {text: `[${label}]`, tone: 'focus'}
				: {text: ` ${label} `, tone: 'muted'},
		);
	}

	return line;
}

const titles: Record<SortKey, string> = {
	events: 'Events',
	flagged: 'Flagged',
	first: 'First seen',
	last: 'Last seen',
	value: '',
};

export function summaryHeader(
	summary: SummaryState,
	width: number,
	dateMode: DateMode,
): Line {
	const widths = widthsFor(width, summary.grouping, dateMode);
	const arrow = summary.direction === 'descending' ? '↓' : '↑';
	const title = (key: SortKey, text: string): string =>
		key === summary.sort ? `${text}${arrow}` : text;
	const name = groupings.find((g) => g.id === summary.grouping)?.name ?? '';
	const value = title('value', name.charAt(0).toUpperCase() + name.slice(1));
	const text = [
		' ' + fit(value, widths.value),
		...(widths.klass > 0 ? [fit('Class', widths.klass)] : []),
		title('events', titles.events).padStart(countWidth),
		title('flagged', titles.flagged).padStart(countWidth),
		fit(title('first', titles.first), widths.time),
		fit(title('last', titles.last), widths.time),
	].join(' ');
	return [{text, tone: 'heading'}];
}

export function summaryLine(
	group: Group,
	summary: SummaryState,
	width: number,
	dateMode: DateMode,
	selected: boolean,
): Line {
	const widths = widthsFor(width, summary.grouping, dateMode);
	const value = group.missing ? '(none)' : visible(group.value);
	return [
		{text: selected ? cursorMark : ' ', tone: 'focus'},
		{
			text: fit(headFor(value, widths.value), widths.value),
			tone: group.missing ? 'muted' : undefined,
		},
		...(widths.klass > 0
			? [
					{
						text: ` ${fit(group.addressClass ?? '', widths.klass)}`,
						tone:
							group.addressClass === 'external'
								? ('hint-external' as const)
								: ('muted' as const),
					},
				]
			: []),
		{text: ` ${n(group.events).padStart(countWidth)}`, tone: 'label'},
		{
			text: ` ${n(group.flagged).padStart(countWidth)}`,
			tone: group.flagged > 0 ? 'severity-high' : 'muted',
		},
		{text: ` ${fit(summaryTime(group.first, dateMode), widths.time)}`},
		{text: ` ${fit(summaryTime(group.last, dateMode), widths.time)}`},
	];
}

export function summaryTitle(
	summary: SummaryState,
	groups: number,
	events: number,
): string {
	const name = groupings.find((g) => g.id === summary.grouping)?.name ?? '';
	return `Summary by ${name} · ${n(groups)} group${groups === 1 ? '' : 's'} in ${n(events)} events · times UTC`;
}
