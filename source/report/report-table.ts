import stringWidth from 'string-width';
import {fit, shown, visible} from '../core/safe-text.js';
import type {Dataset, SourceInfo, TrailEvent} from '../core/types.js';
import {compareBySeverity} from '../detect/rank.js';
import {topSeverity} from '../query/filter-fields.js';
import {formatSummary} from './summary.js';

/**
`--report`: a plain aligned table of the events, flagged ones first (most
severe, then heaviest evidence, then earliest), then the rest in time order,
followed by the load summary. No colours and no escape sequences: every
log-derived cell goes through `visible()`, so the output can be piped, diffed
and pasted into a ticket.
*/

interface Column {
	header: string;
	/** The widest a cell may be; longer text is cut with `…`. */
	max: number;
	cell(event: TrailEvent): string;
}

/** The address with a hint of where it is, as in the TUI's table. */
export function sourceCell(source: SourceInfo): string {
	switch (source.kind) {
		case 'public': {
			return source.aws
				? `${source.ip ?? source.raw} (AWS ${source.aws.service})`
				: (source.ip ?? source.raw ?? '—');
		}

		case 'private': {
			return `${source.ip ?? source.raw} (private)`;
		}

		case 'aws-internal': {
			return 'AWS Internal';
		}

		case 'missing': {
			return '—';
		}

		default: {
			return source.raw ?? '—';
		}
	}
}

const columns: Column[] = [
	{header: 'TIME (UTC)', max: 24, cell: (e) => e.timeText},
	{header: 'SEVERITY', max: 8, cell: (e) => topSeverity(e) ?? '—'},
	{header: 'EVENT', max: 32, cell: (e) => e.eventName},
	{header: 'PRINCIPAL', max: 60, cell: (e) => e.principal.label},
	{header: 'SOURCE', max: 40, cell: (e) => sourceCell(e.source)},
	{
		header: 'FLAGS',
		max: Number.POSITIVE_INFINITY,
		cell: (e) => e.flags.map((f) => f.id).join(', ') || '—',
	},
];

function renderTable(events: readonly TrailEvent[]): string[] {
	const cells = events.map((event) =>
		columns.map((column) => shown(column.cell(event))),
	);
	const widths = columns.map((column, index) =>
		Math.min(
			column.max,
			Math.max(
				stringWidth(column.header),
				...cells.map((row) => stringWidth(row[index] ?? '')),
			),
		),
	);
	const line = (row: string[]): string =>
		row
			.map((text, index) =>
				index === row.length - 1 ? visible(text) : fit(text, widths[index]!),
			)
			.join('  ')
			.trimEnd();
	return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

export function formatReport(
	dataset: Dataset,
	options: {flaggedOnly?: boolean} = {},
): string {
	const flagged = dataset.events.filter((e) => e.flags.length > 0);
	const events = options.flaggedOnly ? flagged : [...dataset.events];
	events.sort(compareBySeverity);

	const lines: string[] = [];
	if (events.length === 0) {
		lines.push(options.flaggedOnly ? 'No flagged events.' : 'No events.');
	} else {
		lines.push(...renderTable(events));
	}

	lines.push(
		'',
		`${flagged.length} of ${dataset.events.length} events flagged.`,
		...formatSummary(dataset.summary),
	);
	return lines.join('\n') + '\n';
}
