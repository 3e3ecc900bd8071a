import stringWidth from 'string-width';
import {fit, shown, visible} from '../core/safe-text.js';
import type {Dataset, Finding, SourceInfo, TrailEvent} from '../core/types.js';
import {findingsOf} from '../detect/findings.js';
import {topSeverity} from '../query/filter-fields.js';
import {formatSummary} from './summary.js';

/**
`--report`: the findings, most pressing first (see detect/findings.ts), each
as a heading and its events as indented rows of a plain aligned table; then,
unless `--flagged`, every event in time order; then the load summary. No
colours and no escape sequences: every log-derived cell goes through
`visible()`, so the output can be piped, diffed and pasted into a ticket.
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

/** Event rows sit under their finding, indented by this much. */
const indent = '    ';

/** Lays the rows out in columns as wide as the widest of `all` needs. */
function tableOf(
	all: readonly TrailEvent[],
): (events: readonly TrailEvent[]) => {header: string; rows: string[]} {
	const cellsOf = (event: TrailEvent): string[] =>
		columns.map((column) => shown(column.cell(event)));
	const widths = columns.map((column, index) =>
		Math.min(
			column.max,
			Math.max(
				stringWidth(column.header),
				...all.map((event) => stringWidth(cellsOf(event)[index] ?? '')),
			),
		),
	);
	const line = (row: string[]): string =>
		indent +
		row
			.map((text, index) =>
				index === row.length - 1 ? visible(text) : fit(text, widths[index]!),
			)
			.join('  ')
			.trimEnd();
	return (events) => ({
		header: line(columns.map((c) => c.header)),
		rows: events.map((event) => line(cellsOf(event))),
	});
}

function plural(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
A finding's two heading lines: its id, severity, title and size, then the
one-line summary. A filter may keep only some of its events in the report.
*/
function findingHeading(finding: Finding, shownCount: number): string[] {
	const size = plural(finding.seqs.length, 'event');
	const part =
		shownCount < finding.seqs.length ? `, ${shownCount} shown here` : '';
	return [
		visible(
			`${finding.id}  ${finding.severity.toUpperCase()}  ${finding.title} (${size}${part})`,
		),
		indent + visible(finding.summary),
	];
}

export function formatReport(
	dataset: Dataset,
	options: {flaggedOnly?: boolean} = {},
): string {
	const flagged = dataset.events.filter((e) => e.flags.length > 0);
	const inView = new Map(dataset.events.map((event) => [event.seq, event]));
	const findings = findingsOf(dataset)
		.map((finding) => ({
			finding,
			events: finding.seqs
				.map((seq) => inView.get(seq))
				.filter((event) => event !== undefined),
		}))
		.filter(({events}) => events.length > 0);
	const listed = options.flaggedOnly ? flagged : dataset.events;
	const table = tableOf(listed);

	const lines: string[] = [];
	if (listed.length === 0) {
		lines.push(options.flaggedOnly ? 'No flagged events.' : 'No events.');
	} else {
		lines.push(table([]).header);
	}

	for (const {finding, events} of findings) {
		lines.push(...findingHeading(finding, events.length));
		lines.push(...table(events).rows, '');
	}

	if (!options.flaggedOnly && listed.length > 0) {
		lines.push(
			`All ${plural(listed.length, 'event')}, in time order:`,
			...table(listed).rows,
		);
	}

	const held = findings.reduce((sum, {events}) => sum + events.length, 0);
	lines.push(
		...(lines.at(-1) === '' ? [] : ['']),
		`${plural(findings.length, 'finding')} holding ${plural(held, 'flagged event')}.`,
		`${flagged.length} of ${dataset.events.length} events flagged.`,
		...formatSummary(dataset.summary),
	);
	return lines.join('\n') + '\n';
}
