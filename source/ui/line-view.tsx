import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {truncate} from '../core/safe-text.js';
import {fitLine, type Line} from './lines.js';
import {tones, type TextStyle} from './theme.js';

/** One prepared line as one row; `style` applies to the whole row. */
export function LineText({
	line,
	width,
	style,
}: {
	line: Line;
	width: number;
	style?: TextStyle;
}) {
	const fitted = fitLine(line, width);
	return (
		<Text wrap="truncate-end" {...style}>
			{fitted.map((segment, index) => (
				<Text key={index} {...tones[segment.tone ?? 'plain']}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

/**
A window of `rows` lines starting at `offset`. Rows past the end are drawn
blank, so the panes below never move up when a text is short.
*/
export function LineView({
	lines,
	width,
	rows,
	offset,
}: {
	lines: readonly Line[];
	width: number;
	rows: number;
	offset: number;
}) {
	const shown: Line[] = [];
	for (let row = 0; row < rows; row++) {
		shown.push(lines[offset + row] ?? []);
	}

	return (
		<Box flexDirection="column" width={width} height={rows} overflow="hidden">
			{shown.map((line, row) => (
				<LineText key={row} line={line} width={width} />
			))}
		</Box>
	);
}

/**
A pane's title row: the name, and on the right where the window is, e.g.
`12–22/40`. The focused pane's title stands out.
*/
export function TitleRow({
	title,
	width,
	focused,
	position,
}: {
	title: string;
	width: number;
	focused: boolean;
	position?: string;
}) {
	const right = position ? ` ${position} ` : '';
	// The title gives way to the position, which matters more when scrolling.
	const room = Math.max(width - right.length - 4, 0);
	const left = `── ${truncate(title, room)} `;
	const fill = Math.max(width - stringWidth(left) - right.length, 0);
	return (
		<LineText
			width={width}
			line={[
				{text: left + '─'.repeat(fill), tone: focused ? 'focus' : 'muted'},
				{text: right, tone: 'muted'},
			]}
		/>
	);
}

/** `1–12/40` for a window over a text, empty when it all fits. */
export function windowText(
	offset: number,
	rows: number,
	total: number,
): string {
	if (total <= rows) {
		return '';
	}

	const last = Math.min(offset + rows, total);
	return `${offset + 1}–${last}/${total}`;
}
