import {formatNames, type ExportFormat} from '../export/formats.js';
import type {AppState} from './app-state.js';
import {wrappedLines, type Line, type Segment} from './lines.js';
import type {Tone} from './theme.js';

/**
The export dialog's text: the choices with the chosen ones ticked, what the
chosen format holds, the CSV columns, and the last error.
*/

const about: Record<ExportFormat, string> = {
	jsonl:
		"Each event's original record, untouched, one JSON object per line: for jq, a SIEM, or trailtui itself.",
	csv: 'One row per event with the columns below, for a spreadsheet; cells are made safe (no escape sequences, no formulas).',
	md: 'An incident note: the files and their time span, the filter and the time window, the findings among these events with their evidence, the marked events with their notes, and the counts.',
};

const label = 10;

function choice(key: string, text: string, chosen: boolean): Segment[] {
	return [
		{text: chosen ? '[x] ' : '[ ] ', tone: chosen ? 'focus' : 'muted'},
		{text: key, tone: 'command'},
		{text: ` ${text}   `, tone: chosen ? 'heading' : undefined},
	];
}

function row(name: string, segments: Segment[]): Line {
	return [{text: ` ${name}`.padEnd(label), tone: 'label'}, ...segments];
}

export function exportDialogLines(state: AppState, width: number): Line[] {
	const dialog = state.exportDialog;
	if (dialog === undefined) {
		return [];
	}

	const marked = state.marks.size;
	const count = (n: number): string =>
		`${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'}`;
	const lines: Line[] = [
		[],
		row('What', [
			...choice(
				'a',
				`the view (${count(state.view.length)})`,
				dialog.what === 'view',
			),
			...choice('m', `the marked events (${marked})`, dialog.what === 'marked'),
		]),
		row('Format', [
			...choice('j', formatNames.jsonl, dialog.format === 'jsonl'),
			...choice('c', formatNames.csv, dialog.format === 'csv'),
			...choice('n', formatNames.md, dialog.format === 'md'),
		]),
		row('Columns', [
			{
				text: dialog.columns,
				tone: dialog.format === 'csv' ? undefined : 'muted',
			},
			{text: '  (e changes them)', tone: 'muted'},
		]),
		[],
		...wrappedLines(about[dialog.format], width - 2, {hang: ' '}),
		[],
		[
			{text: ' Enter', tone: 'command'},
			{text: ' chooses the file and writes it · ', tone: 'muted'},
			{text: 'Esc', tone: 'command'},
			{text: ' cancels', tone: 'muted'},
		],
	];
	if (dialog.request) {
		lines.push(
			[],
			[{text: ` Writing ${dialog.request.file}…`, tone: 'notice'}],
		);
	}

	if (dialog.error) {
		const tone: Tone = 'error';
		lines.push([], ...wrappedLines(dialog.error, width - 2, {hang: ' ', tone}));
	}

	return lines;
}
