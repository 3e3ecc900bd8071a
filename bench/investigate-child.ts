import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {numberArg, parseArgs, textArg} from './args.js';
import {
	investigationQueries,
	screenColumns,
	valueFields,
} from './investigate-queries.js';
import {thiefAddress} from './network.js';

/**
The investigation workflow's own figures, in a process of its own against
the compiled project (dist/source): loads the logs once with openDataset,
then times, `--repeats` times each, the query language (parse, compile, one
pass), values counting, summaries, the timeline and a zoom, the pivots from
the planted theft's ListBuckets, and the exports (to a scratch folder,
removed at the end) beside what `--json` prints. Prints one JSON line.
*/

const {openDataset} = await import('../source/pipeline.js');
const {compileQuery, latestTime, parseFilter, parseQuery} =
	await import('../source/query/filter.js');
const {countValues} = await import('../source/query/field-values.js');
const {groupEvents, groupings, sortGroups} =
	await import('../source/investigate/summary.js');
const {bucketOf, bucketWindow, buildTimeline, seqRange, sizeLabel} =
	await import('../source/investigate/timeline.js');
const {timelineSlots} = await import('../source/ui/timeline-view.js');
const {exactClause, pivotChoices, pivotTarget} =
	await import('../source/investigate/pivot.js');
const {loadedFiles} = await import('../source/investigate/session-store.js');
const {runCliExport} = await import('../source/export/cli-export.js');
const {defaultColumns} = await import('../source/export/csv.js');
const {writeFileChunks} = await import('../source/export/write-output.js');
const {formatJsonLines} = await import('../source/report/json-lines.js');

type Dataset = Awaited<ReturnType<typeof openDataset>>;
type TrailEvent = Dataset['events'][number];

const gc = () => (globalThis as {gc?: () => void}).gc?.();

function timed<T>(work: () => T): {ms: number; value: T} {
	const started = performance.now();
	const value = work();
	return {ms: performance.now() - started, value};
}

/** Runs `work` `repeats` times; the times, and the last run's value. */
function repeated<T>(repeats: number, work: () => T): {ms: number[]; value: T} {
	const ms: number[] = [];
	let value: T | undefined;
	for (let i = 0; i < repeats; i++) {
		const run = timed(work);
		ms.push(run.ms);
		value = run.value;
	}

	return {ms, value: value as T};
}

function count(events: readonly TrailEvent[], text: string): number {
	const parsed = parseFilter(text, {latest: latestTime(events)});
	return parsed.ok
		? events.reduce((n, event) => n + (parsed.filter.test(event) ? 1 : 0), 0)
		: -1;
}

function queries(events: readonly TrailEvent[], repeats: number) {
	const latest = latestTime(events);
	return investigationQueries.map(({label, text}) => {
		const parseMs: number[] = [];
		const passMs: number[] = [];
		let matches = 0;
		for (let i = 0; i < repeats; i++) {
			const parsing = timed(() => {
				const parsed = parseQuery(text);
				return parsed.ok
					? compileQuery(parsed.query, {latest})
					: new Error(parsed.error);
			});
			const test = parsing.value;
			if (test instanceof Error) {
				return {label, text, parseMs, passMs, matches, error: test.message};
			}

			const pass = timed(() => {
				let n = 0;
				for (const event of events) {
					if (test(event)) {
						n++;
					}
				}

				return n;
			});
			parseMs.push(parsing.ms);
			passMs.push(pass.ms);
			matches = pass.value;
		}

		return {label, text, parseMs, passMs, matches};
	});
}

function values(events: readonly TrailEvent[], repeats: number) {
	return valueFields.map((field) => {
		const {ms, value} = repeated(repeats, () => countValues(events, field));
		return {
			field,
			ms,
			distinct: value.distinct,
			missing: value.missing,
			top: value.values[0]?.value ?? '',
		};
	});
}

/** groupEvents, then the summary's first order (most events first). */
function summaries(events: readonly TrailEvent[], repeats: number) {
	return groupings.map(({id}) => {
		const {ms, value} = repeated(repeats, () =>
			sortGroups(groupEvents(events, id), 'events'),
		);
		return {grouping: id, ms, groups: value.length};
	});
}

/**
The timeline of every event on a 120-column screen, then `z` on the
theft's bucket: its events found by binary search as the zoomed view finds
them (ui/timeline-view.ts), counted over the window.
*/
function timeline(
	events: readonly TrailEvent[],
	theft: TrailEvent,
	repeats: number,
) {
	const slots = timelineSlots(screenColumns);
	const all = {length: events.length, seqs: undefined};
	const whole = repeated(repeats, () => buildTimeline(events, all, slots));
	const bucket = bucketOf(whole.value, theft.time);
	if (bucket === undefined) {
		throw new Error('the theft is outside the timeline');
	}

	const window = bucketWindow(whole.value, bucket);
	const zoom = repeated(repeats, () => {
		const {low, high} = seqRange(events, window);
		const seqs = new Uint32Array(Math.max(high - low, 0));
		for (let i = 0; i < seqs.length; i++) {
			seqs[i] = low + i;
		}

		const rows = {length: seqs.length, seqs};
		return {
			rows: rows.length,
			timeline: buildTimeline(events, rows, slots, window),
		};
	});
	const describe = (
		label: string,
		ms: number[],
		rows: number,
		t: ReturnType<typeof buildTimeline>,
	) => ({
		label,
		ms,
		rows,
		buckets: t.counts.length,
		size: sizeLabel(t.size),
		peak: t.peak,
	});
	return [
		describe('whole view', whole.ms, events.length, whole.value),
		describe(
			'zoomed to the theft’s bucket',
			zoom.ms,
			zoom.value.rows,
			zoom.value.timeline,
		),
	];
}

/** The pivot menu and each pivot's exact clause, from one event. */
function pivots(
	events: readonly TrailEvent[],
	event: TrailEvent,
	repeats: number,
) {
	const choices = repeated(repeats, () => pivotChoices(event));
	const rows = choices.value.map((choice) => {
		if (choice.unavailable !== undefined) {
			return {id: choice.id, ms: [], unavailable: choice.unavailable};
		}

		const {ms, value} = repeated(repeats, () => {
			const target = pivotTarget(event, choice.id);
			return typeof target === 'string'
				? {text: '', wrong: 0}
				: exactClause(events, target);
		});
		return {
			id: choice.id,
			ms,
			clause: value.text,
			wrong: value.wrong,
			matches: count(events, value.text),
		};
	});
	return {
		event: `${event.eventName} at ${event.timeText} from ${event.source.raw ?? ''}`,
		menuMs: choices.ms,
		pivots: rows,
	};
}

const kib = (bytes: number) => bytes / 1024;

/** VmHWM of this process, KiB. */
function peakRssKiB(): number | undefined {
	try {
		const status = fs.readFileSync('/proc/self/status', 'utf8');
		const match = /VmHWM:\s+(\d+)/.exec(status);
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/** The process's peak before any reset below lowered it, KiB. */
let peakBeforeResetsKiB = 0;

/**
Lowers VmHWM to the present resident size (Linux 4.0 on), so that the peak
read after a step is that step's own. False where it cannot.
*/
function resetPeak(): boolean {
	peakBeforeResetsKiB = Math.max(peakBeforeResetsKiB, peakRssKiB() ?? 0);
	try {
		fs.writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

interface ExportRun {
	format: string;
	what: 'all' | 'flagged';
	events: number;
	ms: number[];
	/** Resident size before the run (after a collection), KiB. */
	baseRssKiB: number[];
	/** Peak resident size during the run, KiB; empty when not measurable. */
	peakRssKiB: number[];
	bytes: number;
}

async function exports(
	dataset: Dataset,
	theft: readonly TrailEvent[],
	repeats: number,
): Promise<ExportRun[]> {
	const scratch = fs.mkdtempSync(
		path.join(os.tmpdir(), 'trailtui-bench-export-'),
	);
	const files = loadedFiles(dataset.events);
	// The theft's events marked, one with a note: the note lists them.
	const marks = new Map(
		theft.map((event, i) => [
			event.seq,
			i === 0 ? {note: 'stolen task key used from outside AWS'} : {},
		]),
	);
	const flagged = dataset.events.filter((event) => event.flags.length > 0);
	const selections = [
		{what: 'all' as const, events: dataset.events},
		{what: 'flagged' as const, events: flagged},
	];
	const runs: ExportRun[] = [];
	try {
		for (const {what, events} of selections) {
			for (const format of ['jsonl', 'csv', 'md', 'json'] as const) {
				const file = path.join(scratch, `${what}.${format}`);
				// `--export FILE`, or what `--json` prints after the load,
				// written by the same writer.
				const write = async () => {
					if (format === 'json') {
						const lines = formatJsonLines(dataset, {
							flaggedOnly: what === 'flagged',
						});
						writeFileChunks(
							file,
							(function* () {
								for (const line of lines) {
									yield line + '\n';
								}
							})(),
							{overwrite: true},
						);
						return;
					}

					const problem = await runCliExport(
						{file, format, columns: [...defaultColumns]},
						{
							dataset,
							events,
							marks,
							files,
							filter: what === 'flagged' ? 'flagged' : undefined,
							marked: false,
							now: Date.now(),
							stdout: process.stdout,
						},
					);
					if (problem) {
						throw new Error(problem);
					}
				};

				const run: ExportRun = {
					format,
					what,
					events: events.length,
					ms: [],
					baseRssKiB: [],
					peakRssKiB: [],
					bytes: 0,
				};
				for (let i = 0; i < repeats; i++) {
					gc();
					run.baseRssKiB.push(kib(process.memoryUsage().rss));
					const reset = resetPeak();
					const started = performance.now();
					await write();
					run.ms.push(performance.now() - started);
					const peak = reset ? peakRssKiB() : undefined;
					if (peak !== undefined) {
						run.peakRssKiB.push(peak);
					}

					run.bytes = fs.statSync(file).size;
					fs.rmSync(file);
				}

				runs.push(run);
			}
		}
	} finally {
		fs.rmSync(scratch, {recursive: true, force: true});
	}

	return runs;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const root = textArg(args, 'root');
	if (!root) {
		throw new Error('give --root');
	}

	const repeats = Math.max(1, Math.round(numberArg(args, 'repeats', 3)));
	const exportRepeats = Math.max(
		1,
		Math.round(numberArg(args, 'export-repeats', repeats)),
	);
	const started = performance.now();
	const dataset = await openDataset([root]);
	const loadMs = performance.now() - started;
	const loadRssKiB = process.resourceUsage().maxRSS;
	const {events} = dataset;
	const theft = events.filter((event) => event.source.raw === thiefAddress);
	const listBuckets = theft.find((event) => event.eventName === 'ListBuckets');
	if (!listBuckets) {
		throw new Error(`no ListBuckets from ${thiefAddress} in the logs`);
	}

	const figures = {
		events: events.length,
		flagged: events.filter((event) => event.flags.length > 0).length,
		repeats,
		exportRepeats,
		loadMs,
		loadRssKiB,
		queries: queries(events, repeats),
		values: values(events, repeats),
		summaries: summaries(events, repeats),
		timeline: timeline(events, listBuckets, repeats),
		pivot: pivots(events, listBuckets, repeats),
		exports: await exports(dataset, theft, exportRepeats),
	};
	// maxRSS follows VmHWM, which the exports' resets lowered.
	const maxRssKiB = Math.max(
		process.resourceUsage().maxRSS,
		peakRssKiB() ?? 0,
		peakBeforeResetsKiB,
	);
	console.log(JSON.stringify({...figures, maxRssKiB}));
}

try {
	await main();
} catch (error) {
	process.stderr.write(
		`${error instanceof Error ? error.stack : String(error)}\n`,
	);
	process.exit(1);
}
