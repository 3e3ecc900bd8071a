import {Box} from 'ink';
import type {TrailEvent} from '../core/types.js';
import {LineView, TitleRow, windowText} from './line-view.js';
import {sidePanelLines} from './side-panel-lines.js';

/**
The selected event's red flags and key facts. It scrolls when it has the
focus (Tab); the offset comes from the reducer, which clamps it.
*/
export function SidePanel({
	event,
	width,
	rows,
	offset,
	focused,
}: {
	event: TrailEvent | undefined;
	width: number;
	rows: number;
	offset: number;
	focused: boolean;
}) {
	if (rows <= 0) {
		return null;
	}

	const lines = sidePanelLines(event, width);
	const hint = focused ? 'j/k scroll · Esc table' : 'Tab to scroll';
	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<TitleRow
				title={`Selected event · ${hint}`}
				width={width}
				focused={focused}
				position={windowText(offset, rows, lines.length)}
			/>
			<LineView lines={lines} width={width} rows={rows} offset={offset} />
		</Box>
	);
}
