import {Box} from 'ink';
import type {Finding, TrailEvent} from '../core/types.js';
import {findingPanelLines} from './finding-panel-lines.js';
import {LineView, TitleRow, windowText} from './line-view.js';
import type {Mark} from '../investigate/marks.js';
import {eventPanelLines} from './mark-panel-lines.js';

/**
The selected event's red flags and key facts. It scrolls when it has the
focus (Tab); the offset comes from the reducer, which clamps it.
*/
export function SidePanel({
	event,
	explains = 'event',
	finding,
	width,
	rows,
	offset,
	focused,
	mark,
}: {
	event: TrailEvent | undefined;
	/** The event's mark and note, shown first. */
	mark?: Mark | undefined;
	/** The triage view explains the selected finding instead of an event. */
	explains?: 'event' | 'finding';
	finding?: Finding | undefined;
	width: number;
	rows: number;
	offset: number;
	focused: boolean;
}) {
	if (rows <= 0) {
		return null;
	}

	const lines =
		explains === 'finding'
			? findingPanelLines(finding, width)
			: eventPanelLines(event, mark, width);
	const what = explains === 'finding' ? 'Selected finding' : 'Selected event';
	const hint = focused ? 'j/k scroll · Esc table' : 'Tab to scroll';
	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<TitleRow
				title={`${what} · ${hint}`}
				width={width}
				focused={focused}
				position={windowText(offset, rows, lines.length)}
			/>
			<LineView lines={lines} width={width} rows={rows} offset={offset} />
		</Box>
	);
}
