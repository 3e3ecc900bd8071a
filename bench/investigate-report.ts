import type {
	ExportFigure,
	InvestigationFigures,
} from './investigate-measures.js';
import {headerLines, table, type BenchResult} from './report.js';

/** The investigation figures as Markdown: per size, queries, steps, exports. */

const count = (n: number) => n.toLocaleString('en-US');

/** Milliseconds, with the decimals a small figure needs. */
function ms(value: number | undefined): string {
	if (value === undefined || !Number.isFinite(value)) {
		return '';
	}

	return value < 1
		? value.toFixed(3)
		: value < 10
			? value.toFixed(1)
			: value.toFixed(0);
}

const maxOf = (values: readonly number[]) =>
	values.length > 0 ? Math.max(...values) : Number.NaN;

function code(text: string): string {
	return `\`${text}\``;
}

function queryTable(f: InvestigationFigures): string[] {
	return table(
		['Query', 'Matches', 'Parse + compile (ms)', 'One pass (ms)'],
		['left', 'right', 'right', 'right'],
		f.queries.map((q) => [
			`${q.label}: ${code(q.text)}`,
			q.error ? `error: ${q.error}` : count(q.matches),
			ms(q.parse.medianMs),
			ms(q.pass.medianMs),
		]),
	);
}

function stepTable(f: InvestigationFigures): string[] {
	const rows: string[][] = [];
	const row = (
		step: string,
		result: string,
		s: {medianMs?: number; ms?: number[]},
	) => {
		rows.push([step, result, ms(s.medianMs), ms(maxOf(s.ms ?? []))]);
	};

	for (const v of f.values) {
		row(
			`Values: countValues ${v.field}`,
			`${count(v.distinct)} values${v.missing ? `, ${count(v.missing)} events without` : ''}`,
			v,
		);
	}

	for (const s of f.summaries) {
		row(`Summary: ${s.grouping}`, `${count(s.groups)} groups`, s);
	}

	for (const t of f.timeline) {
		row(
			`Timeline: ${t.label}`,
			`${count(t.rows)} events in ${t.buckets} × ${t.size} buckets, peak ${count(t.peak)}`,
			t,
		);
	}

	const {pivot} = f;
	row('Pivot menu (pivotChoices)', pivot.event, pivot.menu);
	for (const p of pivot.pivots) {
		row(
			`Pivot: ${p.id}`,
			p.unavailable !== undefined
				? `not offered: ${p.unavailable}`
				: `${code(p.clause ?? '')}: ${count(p.matches ?? 0)} events${p.wrong ? `, ${count(p.wrong)} wrong` : ''}`,
			p,
		);
	}

	return table(
		['Step', 'Result', 'Median (ms)', 'Max (ms)'],
		['left', 'left', 'right', 'right'],
		rows,
	);
}

const formatWords: Record<ExportFigure['format'], string> = {
	jsonl: 'JSON Lines export',
	csv: 'CSV export (default columns)',
	md: 'Markdown incident note',
	json: '`--json` lines (formatJsonLines)',
};

function exportTable(f: InvestigationFigures): string[] {
	const mb = (value: number | undefined) =>
		value === undefined ? 'n/a' : value.toFixed(0);
	return table(
		[
			'Export',
			'Events',
			'Median (ms)',
			'Peak RSS (MB)',
			'Added (MB)',
			'Output (MB)',
		],
		['left', 'right', 'right', 'right', 'right', 'right'],
		f.exports.map((e) => [
			`${formatWords[e.format]}, ${e.what === 'all' ? 'every event' : 'flagged events'}`,
			count(e.events),
			ms(e.medianMs),
			mb(e.peakRssMB),
			mb(e.addedRssMB),
			(e.bytes / 1e6).toFixed(e.bytes < 1e6 ? 2 : 1),
		]),
	);
}

/** JSON Lines export against `--json`, each selection. */
function jsonRemark(f: InvestigationFigures): string | undefined {
	const parts: string[] = [];
	for (const what of ['all', 'flagged'] as const) {
		const find = (format: ExportFigure['format']) =>
			f.exports.find((e) => e.format === format && e.what === what);
		const jsonl = find('jsonl');
		const json = find('json');
		if (jsonl && json && json.medianMs > 0) {
			parts.push(
				`${what === 'all' ? 'every event' : 'the flagged events'} ${ms(jsonl.medianMs)} vs ${ms(json.medianMs)} ms (${(jsonl.medianMs / json.medianMs).toFixed(2)}×), ${(jsonl.bytes / 1e6).toFixed(1)} vs ${(json.bytes / 1e6).toFixed(1)} MB`,
			);
		}
	}

	return parts.length > 0
		? `JSON Lines export against \`--json\`: ${parts.join('; ')}.`
		: undefined;
}

export function formatInvestigationMarkdown(
	result: BenchResult,
): string | undefined {
	const sizes = result.sizes.filter(
		(s) => s.investigation ?? s.investigationError,
	);
	if (sizes.length === 0) {
		return undefined;
	}

	const lines = headerLines(result);
	for (const size of sizes) {
		const f = size.investigation;
		lines.push(`### ${count(size.events)} events: investigation`, '');
		if (!f) {
			lines.push(`Failed: ${size.investigationError}`, '');
			continue;
		}

		lines.push(
			`One process: openDataset ${f.loadSeconds.toFixed(2)} s ` +
				`(${f.loadRssMB.toFixed(0)} MB), ${count(f.events)} events, ` +
				`${count(f.flagged)} flagged; each step run ${f.repeats} times, ` +
				`each export ${f.exportRepeats} time${f.exportRepeats === 1 ? '' : 's'}; ` +
				`peak RSS of the process ${f.peakRssMB.toFixed(0)} MB.`,
			'',
			...queryTable(f),
			'',
			...stepTable(f),
			'',
			...exportTable(f),
			'',
		);
		const remark = jsonRemark(f);
		if (remark) {
			lines.push(remark, '');
		}
	}

	return `${lines.join('\n')}`;
}
