import {useMemo} from 'react';
import {Box} from 'ink';
import type {AppContext} from './app-context.js';
import type {AppState} from './app-state.js';
import {skippedCounts} from '../report/index.js';
import {asViewIndex, eventAt} from './event-view.js';
import {searchHighlighter} from './highlight.js';
import {LineText, LineView} from './line-view.js';
import {wrappedLines, type Line} from './lines.js';
import {firstHitFrom} from './query-actions.js';
import {headerLine, rowLine, tableColumns} from './table-columns.js';

/** Marks the selected row where colours (and so inverse) are off. */
export const cursorMark = '▸';

/** Why the table is empty, as the rows to show instead, wrapped to `width`. */
function emptyLines(context: AppContext, width: number): Line[] {
	if (context.loading) {
		return [[{text: 'Looking for log files…', tone: 'muted'}]];
	}

	if (context.events.length > 0) {
		return [
			[{text: 'No events match the filter.', tone: 'warning'}],
			[{text: 'Press f to change it, or Esc to clear it.', tone: 'muted'}],
		];
	}

	const {summary} = context;
	const plural = summary.filesRead === 1 ? '' : 's';
	// The same figures as the report's summary, from the same function.
	const skipped = skippedCounts(summary);
	const why =
		summary.filesRead === 0
			? 'No files were read: the paths given hold no log files.'
			: `${summary.filesRead} file${plural} read: ${skipped.total} skipped` +
				` (${skipped.detail}), ${summary.filesWithErrors} with errors;` +
				' the rest hold no CloudTrail records.';
	const lines: Line[] = [
		[{text: 'No events loaded.', tone: 'heading'}],
		...wrappedLines(why, width),
	];
	if (summary.problems.length > 0) {
		lines.push([
			{
				text: `Press p to see the ${summary.problems.length} load messages.`,
				tone: 'muted',
			},
		]);
	}

	return lines;
}

/**
The event list. Only the rows in the window are built, so the cost of a
frame does not depend on how many events were loaded.
*/
export function EventTable({
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
	// One cell on the left carries the cursor, visible without colours.
	const columns = useMemo(
		() => tableColumns(width - 1, context.dateMode),
		[width, context.dateMode],
	);
	const header: Line = [{text: ' '}, ...headerLine(columns)];
	const query = state.search?.query;

	if (state.view.length === 0) {
		return (
			<Box flexDirection="column" width={width} height={rows + 1}>
				<LineText line={header} width={width} />
				<LineView
					lines={emptyLines(context, width)}
					width={width}
					rows={rows}
					offset={0}
				/>
			</Box>
		);
	}

	const hits = state.search?.hits ?? [];
	const shown: Array<{row: number; line: Line}> = [];
	for (let row = state.top; row < state.top + rows; row++) {
		const event = eventAt(context.events, state.view, asViewIndex(row));
		if (event === undefined) {
			break;
		}

		const isHit = hits[firstHitFrom(hits, row)] === row;
		shown.push({
			row,
			line: [
				{text: row === state.cursor ? cursorMark : ' ', tone: 'focus'},
				...rowLine(
					event,
					columns,
					context.dateMode,
					isHit && query !== undefined
						? searchHighlighter(event, query)
						: undefined,
					state.marks.has(event.seq),
				),
			],
		});
	}

	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<LineText line={header} width={width} />
			{shown.map(({row, line}) => (
				<LineText
					key={row}
					line={line}
					width={width}
					style={
						row === state.cursor ? {inverse: true, bold: focused} : undefined
					}
				/>
			))}
		</Box>
	);
}
