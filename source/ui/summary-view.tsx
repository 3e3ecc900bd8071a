import {Box} from 'ink';
import type {AppContext} from './app-context.js';
import type {AppState} from './app-state.js';
import {LineText, TitleRow, windowText} from './line-view.js';
import {summaryRows} from './summary-actions.js';
import {
	summaryHeader,
	summaryLine,
	summaryTitle,
	tabsLine,
} from './summary-lines.js';

/**
The summary table (S). Not `@alcalzone/ink-table`: it renders every row it
is given, rules a line between rows and has no selected row, where this
table draws only its window and marks the cursor (see ARCHITECTURE.md).
*/
export function SummaryView({
	context,
	state,
	width,
	height,
}: {
	context: AppContext;
	state: AppState;
	width: number;
	height: number;
}) {
	const {summary} = state;
	if (summary === undefined) {
		return null;
	}

	const groups = summaryRows(context, state);
	const rows = Math.max(height - 3, 1);
	const shown = groups.slice(summary.top, summary.top + rows);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<TitleRow
				focused
				title={summaryTitle(summary, groups.length, state.view.length)}
				width={width}
				position={windowText(summary.top, rows, groups.length)}
			/>
			<LineText line={tabsLine(summary)} width={width} />
			<LineText
				line={summaryHeader(summary, width, context.dateMode)}
				width={width}
			/>
			{shown.map((group, index) => {
				const row = summary.top + index;
				const selected = row === summary.cursor;
				return (
					<LineText
						key={group.key}
						line={summaryLine(
							group,
							summary,
							width,
							context.dateMode,
							selected,
						)}
						width={width}
						style={selected ? {inverse: true, bold: true} : undefined}
					/>
				);
			})}
		</Box>
	);
}
