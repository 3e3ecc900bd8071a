import type {DatasetFacts} from './generate.js';
import type {MachineInfo} from './machine.js';
import type {Measurement} from './measurement.js';
import type {Spread} from './stats.js';
import type {InvestigationFigures} from './investigate-measures.js';
import type {InteractiveFigures} from './trailtui-measures.js';

/** The results as Markdown: header, per-size tables, targets. */

export interface SizeResult {
	events: number;
	runs: number;
	facts?: DatasetFacts;
	/** True when the dataset came from the cache. */
	reused?: boolean;
	error?: string;
	rows: Measurement[];
	interactive?: InteractiveFigures;
	interactiveError?: string;
	investigation?: InvestigationFigures;
	investigationError?: string;
}

export type TargetStatus = 'met' | 'not met' | 'not measured';

export interface Target {
	target: string;
	status: TargetStatus;
	detail: string;
}

export interface BenchResult {
	machine: MachineInfo;
	sizes: SizeResult[];
	targets: Target[];
	/** A sentence for the header, e.g. that the machine was shared. */
	note?: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function seconds(value: number): string {
	return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function ms(value: number): string {
	return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

export type Align = 'left' | 'right';

/**
A Markdown table laid out the way Prettier lays it out (cells padded to
the column's width), so that a table written into BENCHMARKS.md passes the
project's format check as it is.
*/
export function table(
	header: string[],
	align: Align[],
	rows: string[][],
): string[] {
	const escape = (cell: string) => cell.replaceAll('|', '\\|');
	const all = [header, ...rows].map((cells) => cells.map(escape));
	const width = (text: string) => [...text].length;
	const widths = header.map((_, column) =>
		Math.max(3, ...all.map((cells) => width(cells[column] ?? ''))),
	);
	const line = (cells: string[]) =>
		`| ${cells
			.map((cell, column) => {
				const pad = ' '.repeat(widths[column]! - width(cell));
				return align[column] === 'right' ? pad + cell : cell + pad;
			})
			.join(' | ')} |`;
	const rule = `| ${widths
		.map((w, column) =>
			align[column] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w),
		)
		.join(' | ')} |`;
	return [line(all[0]!), rule, ...all.slice(1).map(line)];
}

function floorOf(size: SizeResult): number | undefined {
	return size.rows.find((r) => r.id === 'node-2' && !r.error)?.seconds;
}

function methodTable(size: SizeResult): string[] {
	const floor = floorOf(size);
	const rows = size.rows.map((m) => {
		const label = m.note ? `${m.method} (${m.note})` : m.method;
		if (m.error) {
			return [label, `failed: ${m.error}`, '', '', ''];
		}

		const counted =
			m.count === undefined
				? ''
				: `${count(m.count)}${m.countLabel ? ` ${m.countLabel}` : ''}`;
		return [
			label,
			m.seconds === undefined ? '' : seconds(m.seconds),
			m.peakRssMB === undefined ? 'n/a' : m.peakRssMB.toFixed(0),
			counted,
			floor && m.seconds !== undefined
				? `${(m.seconds / floor).toFixed(2)}×`
				: '',
		];
	});
	return table(
		['Method', 'Wall (s)', 'Peak RSS (MB)', 'Events / records', 'vs floor'],
		['left', 'right', 'right', 'right', 'right'],
		rows,
	);
}

function spreadRow(label: string, s: Spread): string[] {
	return [label, ms(s.median), ms(s.p95), ms(s.max), String(s.count)];
}

function interactiveTable(f: InteractiveFigures): string[] {
	const one = (label: string, value: string) => [label, value, '', '', '1'];
	return table(
		['Screen figure', 'Median', 'p95', 'Max', 'Samples'],
		['left', 'right', 'right', 'right', 'right'],
		[
			one(
				'First rows on screen, s from process start',
				seconds(f.firstRowsSeconds),
			),
			one(
				'Judged screen (filters work), s from process start',
				seconds(f.judgedSeconds),
			),
			spreadRow('Cursor down, key to frame (ms)', f.cursor),
			spreadRow('Prompt character, key to frame (ms)', f.prompt),
			spreadRow('Filter: Enter to frame (ms)', f.filter),
			one(
				'First search: Enter to frame (ms; builds the index if not yet built)',
				ms(f.firstSearchMs),
			),
			spreadRow('Search: Enter to frame (ms)', f.search),
			spreadRow('parseFilter + one pass, no screen (ms)', f.filterFunction),
			spreadRow(
				'searchEvents on a built index, no screen (ms)',
				f.searchFunction,
			),
			one('createSearchIndex (ms)', ms(f.indexBuildMs)),
			one('Peak RSS of the screen session (MB)', f.peakRssMB.toFixed(0)),
		],
	);
}

function factsLine(facts: DatasetFacts, reused: boolean | undefined): string {
	return (
		`Dataset: ${count(facts.events)} events (seed ${facts.seed}), ` +
		`${count(facts.files)} files (${count(facts.logFiles)} log files, ` +
		`${count(facts.digestFiles)} digests), ${mb(facts.compressedBytes)} MB ` +
		`compressed, ${mb(facts.jsonBytes)} MB of log JSON ` +
		`(${Math.round(facts.jsonBytes / facts.events)} bytes an event), ` +
		`${facts.listBuckets} ListBuckets; generated in ` +
		`${facts.generateSeconds.toFixed(1)} s${reused ? ' (cached)' : ''}.`
	);
}

/** The header: when, on what, with which versions (and the run's note). */
export function headerLines(result: BenchResult): string[] {
	const {machine: m} = result;
	const libraries = Object.entries(m.libraries)
		.map(([name, version]) => `${name} ${version}`)
		.join(', ');
	const tools = Object.values(m.tools).join('; ');
	return [
		`Measured ${m.date} on ${m.cpu} × ${m.cores}, ${m.memoryGB.toFixed(1)} GiB, ` +
			`${m.platform} (load average ${m.loadAverage.toFixed(2)} at the start).`,
		`Node ${m.node}; trailtui ${m.trailtui}${m.commit ? ` (${m.commit})` : ''}; ` +
			`${libraries}${tools ? `; ${tools}` : ''}.`,
		...(result.note ? ['', result.note] : []),
		'',
	];
}

export function formatMarkdown(result: BenchResult): string {
	const lines = headerLines(result);
	for (const size of result.sizes) {
		lines.push(
			`### ${count(size.events)} events (median of ${size.runs} run${size.runs === 1 ? '' : 's'})`,
			'',
		);
		if (size.facts) {
			lines.push(factsLine(size.facts, size.reused), '');
		}

		if (size.error) {
			lines.push(`Failed: ${size.error}`, '');
			continue;
		}

		lines.push(...methodTable(size), '');
		for (const m of size.rows) {
			if (m.remark && !m.error) {
				lines.push(m.remark, '');
			}
		}

		if (size.interactive) {
			lines.push(...interactiveTable(size.interactive), '');
		} else if (size.interactiveError) {
			lines.push(`Screen figures failed: ${size.interactiveError}`, '');
		}
	}

	lines.push('### Targets', '');
	for (const t of result.targets) {
		lines.push(`- **${t.status}**: ${t.target} — ${t.detail}`);
	}

	return `${lines.join('\n')}\n`;
}

/** The issue's targets, judged from the figures of this run only. */
export function judgeTargets(sizes: readonly SizeResult[]): Target[] {
	const at = (events: number) => sizes.find((s) => s.events === events);
	const big = at(1_000_000);
	const small = at(10_000);
	const get = (size: SizeResult | undefined, id: string) =>
		size?.rows.find((r) => r.id === id && !r.error && r.seconds !== undefined);
	const targets: Target[] = [];
	const add = (
		target: string,
		figures: boolean,
		met: () => boolean,
		detail: () => string,
	) => {
		targets.push(
			figures
				? {target, status: met() ? 'met' : 'not met', detail: detail()}
				: {target, status: 'not measured', detail: 'no figure in this run'},
		);
	};

	const load = get(big, 'trailtui-load');
	const floor = get(big, 'node-2');
	const jq = get(big, 'jq');
	add(
		'1M events loaded + normalised + judged in ≤ 1.5× the two-thread parse floor',
		Boolean(load && floor),
		() => load!.seconds! <= 1.5 * floor!.seconds!,
		() =>
			`${seconds(load!.seconds!)} s vs floor ${seconds(floor!.seconds!)} s: ${(load!.seconds! / floor!.seconds!).toFixed(2)}×`,
	);
	add(
		'1M events ≥ 4× faster than jq',
		Boolean(load && jq),
		() => jq!.seconds! >= 4 * load!.seconds!,
		() =>
			`jq ${seconds(jq!.seconds!)} s vs trailtui ${seconds(load!.seconds!)} s: a speed-up of ${(jq!.seconds! / load!.seconds!).toFixed(2)}×`,
	);
	const screen = big?.interactive;
	add(
		'1M events: first rows on screen within 1 s',
		Boolean(screen),
		() => screen!.firstRowsSeconds <= 1,
		() => `${seconds(screen!.firstRowsSeconds)} s from process start`,
	);
	const jsonMB = big?.facts ? big.facts.jsonBytes / 1e6 : undefined;
	add(
		'1M events: peak RSS ≤ 1.5 GB and less than the JSON size',
		Boolean(load?.peakRssMB !== undefined && jsonMB),
		() => load!.peakRssMB! <= 1500 && load!.peakRssMB! < jsonMB!,
		() =>
			`${load!.peakRssMB!.toFixed(0)} MB (openDataset) vs ${jsonMB!.toFixed(0)} MB of JSON`,
	);
	add(
		'1M events: filter and search, Enter to next frame ≤ 100 ms (median and p95)',
		Boolean(screen),
		() =>
			Math.max(
				screen!.filter.median,
				screen!.filter.p95,
				screen!.search.median,
				screen!.search.p95,
			) <= 100,
		() =>
			`filter ${ms(screen!.filter.median)}/${ms(screen!.filter.p95)} ms, search ${ms(screen!.search.median)}/${ms(screen!.search.p95)} ms (median/p95; the first search ${ms(screen!.firstSearchMs)} ms)`,
	);
	add(
		'1M events: cursor move ≤ 16 ms',
		Boolean(screen),
		() => screen!.cursor.p95 <= 16,
		() =>
			`median ${ms(screen!.cursor.median)} ms, p95 ${ms(screen!.cursor.p95)} ms (judged on p95)`,
	);
	const smallScreen = small?.interactive;
	add(
		'10k events: start to usable screen < 0.5 s',
		Boolean(smallScreen),
		() => smallScreen!.firstRowsSeconds < 0.5,
		() =>
			`first rows ${seconds(smallScreen!.firstRowsSeconds)} s, judged screen ${seconds(smallScreen!.judgedSeconds)} s from process start`,
	);
	return targets;
}
