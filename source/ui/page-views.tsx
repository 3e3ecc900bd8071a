import {Box} from 'ink';
import type {LoadSummary, TrailEvent} from '../core/types.js';
import {detailLines, detailTitle} from './detail-lines.js';
import {helpLines, viewNames} from './help-lines.js';
import type {Mode} from './keymap.js';
import {LineView, TitleRow, windowText} from './line-view.js';
import type {Line} from './lines.js';
import {problemsLines} from './problems-lines.js';

/**
The views that take the whole body: the event's record, the help and the
load problems. Each is a title row over a scrolling window of lines.
*/

function PageView({
	title,
	lines,
	width,
	rows,
	offset,
}: {
	title: string;
	lines: readonly Line[];
	width: number;
	rows: number;
	offset: number;
}) {
	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<TitleRow
				focused
				title={title}
				width={width}
				position={windowText(offset, rows, lines.length)}
			/>
			<LineView lines={lines} width={width} rows={rows} offset={offset} />
		</Box>
	);
}

export function DetailView({
	event,
	width,
	rows,
	offset,
}: {
	event: TrailEvent;
	width: number;
	rows: number;
	offset: number;
}) {
	return (
		<PageView
			title={detailTitle(event, width - 16)}
			lines={detailLines(event, width)}
			width={width}
			rows={rows}
			offset={offset}
		/>
	);
}

export function HelpOverlay({
	mode,
	width,
	rows,
	offset,
}: {
	mode: Mode;
	width: number;
	rows: number;
	offset: number;
}) {
	return (
		<PageView
			title={`Keys of the ${viewNames[mode]} · Esc or ? closes`}
			lines={helpLines(mode, width)}
			width={width}
			rows={rows}
			offset={offset}
		/>
	);
}

export function ProblemsView({
	summary,
	width,
	rows,
	offset,
}: {
	summary: LoadSummary;
	width: number;
	rows: number;
	offset: number;
}) {
	return (
		<PageView
			title={`Load problems (${summary.problems.length}) · Esc closes`}
			lines={problemsLines(summary, width)}
			width={width}
			rows={rows}
			offset={offset}
		/>
	);
}
