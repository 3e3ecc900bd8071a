import {Box} from 'ink';
import {fit, visible} from '../core/safe-text.js';
import type {Finding} from '../core/types.js';
import type {AppContext} from './app-context.js';
import type {AppState} from './app-state.js';
import {cursorMark} from './event-table.js';
import {LineText, LineView} from './line-view.js';
import {headFor, type Line} from './lines.js';
import type {DateMode} from './table-columns.js';
import {severityMarker, severityTone} from './theme.js';

/**
The triage view's table: one row per finding, most pressing first, with its
severity marker, title, who, how many events and when. Only the rows in the
window are built.
*/

const timeWidth: Record<DateMode, number> = {
	time: 8,
	'month-day': 14,
	full: 19,
};

function clockOf(time: number, dateMode: DateMode): string {
	if (!Number.isFinite(time)) {
		return '?';
	}

	const iso = new Date(time).toISOString();
	const hms = iso.slice(11, 19);
	if (dateMode === 'time') {
		return hms;
	}

	return dateMode === 'full'
		? `${iso.slice(0, 10)} ${hms}`
		: `${iso.slice(5, 10)} ${hms}`;
}

/** `23:04:54–23:06:33`; the end without its date when on the same day. */
export function findingSpan(finding: Finding, dateMode: DateMode): string {
	const start = clockOf(finding.first, dateMode);
	if (finding.last === finding.first) {
		return start;
	}

	const sameDay =
		Number.isFinite(finding.first) &&
		Number.isFinite(finding.last) &&
		new Date(finding.first).toISOString().slice(0, 10) ===
			new Date(finding.last).toISOString().slice(0, 10);
	return `${start}–${sameDay ? clockOf(finding.last, 'time') : clockOf(finding.last, dateMode)}`;
}

interface Widths {
	id: number;
	title: number;
	who: number;
	count: number;
	span: number;
}

/** Column widths for a table `width` cells wide (cursor cell included). */
function widthsFor(width: number, dateMode: DateMode): Widths {
	const span = timeWidth[dateMode] * 2 + 1;
	// Cursor, marker, " id ", " who", " count", " when": the gaps included.
	const fixed = 1 + 3 + 1 + 4 + 1 + 1 + 1 + 6 + 1 + span;
	const room = Math.max(width - fixed, 10);
	const title = Math.ceil(room * 0.58);
	return {id: 4, title, who: room - title, count: 6, span};
}

function findingLine(
	finding: Finding,
	widths: Widths,
	dateMode: DateMode,
	selected: boolean,
): Line {
	const count = String(finding.seqs.length).padStart(widths.count - 3) + ' ev';
	return [
		{text: selected ? cursorMark : ' ', tone: 'focus'},
		{
			text: severityMarker[finding.severity],
			tone: severityTone(finding.severity),
		},
		{text: ` ${fit(finding.id, widths.id)} `, tone: 'muted'},
		{text: fit(headFor(visible(finding.title), widths.title), widths.title)},
		{
			text: ` ${fit(headFor(visible(finding.identity), widths.who), widths.who)}`,
		},
		{text: ` ${fit(count, widths.count)}`, tone: 'label'},
		{text: ` ${fit(findingSpan(finding, dateMode), widths.span)}`},
	];
}

function headerLine(widths: Widths): Line {
	const text = [
		' '.repeat(1 + 3),
		fit('Id', widths.id),
		fit('Finding', widths.title),
		fit('Who', widths.who),
		fit('Events', widths.count),
		fit('When', widths.span),
	].join(' ');
	return [{text, tone: 'heading'}];
}

export function FindingsTable({
	context,
	state,
	width,
	rows,
	focused,
}: {
	context: AppContext;
	state: AppState;
	width: number;
	rows: number;
	focused: boolean;
}) {
	const widths = widthsFor(width, context.dateMode);
	const {findings} = context;
	if (findings.length === 0) {
		return (
			<Box flexDirection="column" width={width} height={rows + 1}>
				<LineText line={headerLine(widths)} width={width} />
				<LineView
					lines={[
						[{text: 'No findings: no event is flagged.', tone: 'muted'}],
						[{text: 'Esc goes back to the events.', tone: 'muted'}],
					]}
					width={width}
					rows={rows}
					offset={0}
				/>
			</Box>
		);
	}

	const shown: Array<{row: number; line: Line}> = [];
	for (let row = state.findingTop; row < state.findingTop + rows; row++) {
		const finding = findings[row];
		if (finding === undefined) {
			break;
		}

		const selected = row === state.findingCursor;
		shown.push({
			row,
			line: findingLine(finding, widths, context.dateMode, selected),
		});
	}

	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<LineText line={headerLine(widths)} width={width} />
			{shown.map(({row, line}) => (
				<LineText
					key={row}
					line={line}
					width={width}
					style={
						row === state.findingCursor
							? {inverse: true, bold: focused}
							: undefined
					}
				/>
			))}
		</Box>
	);
}
