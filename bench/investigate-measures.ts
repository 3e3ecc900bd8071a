import {benchScript, runNodeChild} from './proc.js';
import {median} from './stats.js';

/**
The investigation workflow's figures (bench/investigate-child.ts): one
child process per size loads the logs once and times each step several
times; this side keeps every sample and their medians.
*/

interface Samples {
	/** Every run's time, ms. */
	ms: number[];
	/** Their median, ms. */
	medianMs: number;
}

export interface QueryFigure {
	label: string;
	text: string;
	matches: number;
	/** parseQuery + compileQuery. */
	parse: Samples;
	/** One test of every event. */
	pass: Samples;
	error?: string;
}

export interface ValuesFigure extends Samples {
	field: string;
	distinct: number;
	missing: number;
	top: string;
}

export interface SummaryFigure extends Samples {
	grouping: string;
	groups: number;
}

export interface TimelineFigure extends Samples {
	label: string;
	/** Events counted. */
	rows: number;
	buckets: number;
	size: string;
	peak: number;
}

export interface PivotFigure extends Partial<Samples> {
	id: string;
	clause?: string;
	/** Events the clause gets wrong (0: exact). */
	wrong?: number;
	/** Events the clause keeps. */
	matches?: number;
	unavailable?: string;
}

export interface ExportFigure extends Samples {
	format: 'jsonl' | 'csv' | 'md' | 'json';
	what: 'all' | 'flagged';
	events: number;
	/** Largest peak resident size of the runs, MB; undefined off Linux. */
	peakRssMB?: number;
	/** That peak less the resident size before the run, MB. */
	addedRssMB?: number;
	bytes: number;
}

export interface InvestigationFigures {
	events: number;
	flagged: number;
	/** Runs of each in-memory step, and of each export. */
	repeats: number;
	exportRepeats: number;
	loadSeconds: number;
	loadRssMB: number;
	queries: QueryFigure[];
	values: ValuesFigure[];
	summaries: SummaryFigure[];
	timeline: TimelineFigure[];
	pivot: {event: string; menu: Samples; pivots: PivotFigure[]};
	exports: ExportFigure[];
	/** Peak RSS of the whole child, MB. */
	peakRssMB: number;
}

type Raw<T> = Omit<T, 'medianMs'>;

interface ChildResult {
	events: number;
	flagged: number;
	repeats: number;
	exportRepeats: number;
	loadMs: number;
	loadRssKiB: number;
	queries: Array<
		Omit<QueryFigure, 'parse' | 'pass'> & {parseMs: number[]; passMs: number[]}
	>;
	values: Array<Raw<ValuesFigure>>;
	summaries: Array<Raw<SummaryFigure>>;
	timeline: Array<Raw<TimelineFigure>>;
	pivot: {event: string; menuMs: number[]; pivots: Array<Raw<PivotFigure>>};
	exports: Array<
		Omit<ExportFigure, 'medianMs' | 'peakRssMB' | 'addedRssMB'> & {
			baseRssKiB: number[];
			peakRssKiB: number[];
		}
	>;
	maxRssKiB: number;
}

const mb = (kib: number) => (kib * 1024) / 1e6;

function samples(ms: readonly number[]): Samples {
	return {ms: [...ms], medianMs: median(ms)};
}

function withMedian<T extends {ms: number[]}>(row: T): T & Samples {
	return {...row, medianMs: median(row.ms)};
}

/** A step that takes longer than this is stopped and reported. */
const timeoutMs = 30 * 60_000;

/** The investigation figures of one dataset, from a child of their own. */
export async function measureInvestigation(
	root: string,
	runs: number,
): Promise<InvestigationFigures> {
	const {result: r} = await runNodeChild<ChildResult>(
		benchScript('investigate-child.js'),
		[
			'--root',
			root,
			// The in-memory steps take milliseconds: never fewer than 3 runs.
			'--repeats',
			String(Math.max(3, runs)),
			'--export-repeats',
			String(runs),
		],
		{nodeOptions: ['--expose-gc'], timeoutMs},
	);
	return {
		events: r.events,
		flagged: r.flagged,
		repeats: r.repeats,
		exportRepeats: r.exportRepeats,
		loadSeconds: r.loadMs / 1000,
		loadRssMB: mb(r.loadRssKiB),
		queries: r.queries.map(({parseMs, passMs, ...rest}) => ({
			...rest,
			parse: samples(parseMs),
			pass: samples(passMs),
		})),
		values: r.values.map(withMedian),
		summaries: r.summaries.map(withMedian),
		timeline: r.timeline.map(withMedian),
		pivot: {
			event: r.pivot.event,
			menu: samples(r.pivot.menuMs),
			pivots: r.pivot.pivots.map((p) =>
				p.ms && p.ms.length > 0 ? {...p, medianMs: median(p.ms)} : p,
			),
		},
		exports: r.exports.map(({baseRssKiB, peakRssKiB, ...rest}) => {
			const peaks = peakRssKiB.map(mb);
			const added = peakRssKiB.map((peak, i) =>
				Math.max(0, mb(peak - baseRssKiB[i]!)),
			);
			return {
				...rest,
				medianMs: median(rest.ms),
				...(peaks.length > 0
					? {peakRssMB: Math.max(...peaks), addedRssMB: Math.max(...added)}
					: {}),
			};
		}),
		peakRssMB: mb(r.maxRssKiB),
	};
}
