/**
Where each part of the screen goes for a terminal size. The reducer uses it
for page sizes and scroll limits and the components use it to draw, so both
always agree on how many rows a pane has.
*/

/** Used when the output stream does not say (pipes, ink-testing-library). */
export const fallbackSize = {columns: 80, rows: 24} as const;

/** From this width on, the side panel sits beside the table, not below it. */
export const sideBySideFrom = 140;

export interface Layout {
	/** Columns of the whole screen. */
	width: number;
	/** Rows of the root box: one less than the terminal (see rootRows). */
	height: number;
	/** Rows of the panes, between the title (and head) and the status line. */
	bodyHeight: number;
	/** Rows of the bottom area: the prompt, and a caret line on errors. */
	bottomHeight: number;
	/** True when the side panel is below the table. */
	stacked: boolean;
	tableWidth: number;
	/** Event rows of the table, under its header row. */
	tableRows: number;
	sideWidth: number;
	/** Content rows of the side panel, under its title row. */
	sideRows: number;
	/** Content rows of full-body views (detail, help, problems). */
	pageRows: number;
}

/**
Ink 6 clears and redraws the whole terminal whenever a frame is as tall as
the terminal, which flickers and wipes scrollback, so the root stays one row
short of it.
*/
export function rootRows(terminalRows: number): number {
	return Math.max(terminalRows - 1, 1);
}

/**
`headRows` are rows between the title and the panes (a finding's or a
story's head, the timeline); the panes get what is left. Without
`statusLine` the body takes its row too.
*/
export function computeLayout(
	columns: number,
	terminalRows: number,
	bottomHeight = 1,
	headRows = 0,
	statusLine = true,
): Layout {
	const width = Math.max(columns, 20);
	const height = rootRows(terminalRows);
	// Title line and status line.
	const bars = statusLine ? 2 : 1;
	const bodyHeight = Math.max(height - bars - bottomHeight - headRows, 2);
	const stacked = width < sideBySideFrom;
	const pageRows = Math.max(bodyHeight - 1, 1);

	if (stacked) {
		const tableHeight = Math.max(Math.ceil(bodyHeight / 2), 2);
		const sideHeight = Math.max(bodyHeight - tableHeight, 0);
		return {
			width,
			height,
			bodyHeight,
			bottomHeight,
			stacked,
			tableWidth: width,
			tableRows: tableHeight - 1,
			sideWidth: width,
			sideRows: Math.max(sideHeight - 1, 0),
			pageRows,
		};
	}

	const sideWidth = Math.min(Math.max(Math.floor(width * 0.4), 50), 80);
	return {
		width,
		height,
		bodyHeight,
		bottomHeight,
		stacked,
		// One column for the line between the panes.
		tableWidth: width - sideWidth - 1,
		tableRows: bodyHeight - 1,
		sideWidth,
		sideRows: bodyHeight - 1,
		pageRows,
	};
}
