import {Box} from 'ink';
import type {AppState} from './app-state.js';
import {exportDialogLines} from './export-dialog-lines.js';
import {LineView, TitleRow} from './line-view.js';

/** The export dialog, in place of the panes while it is open. */
export function ExportView({
	state,
	width,
	rows,
}: {
	state: AppState;
	width: number;
	rows: number;
}) {
	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<TitleRow focused title="Write events to a file" width={width} />
			<LineView
				lines={exportDialogLines(state, width)}
				width={width}
				rows={rows}
				offset={0}
			/>
		</Box>
	);
}
