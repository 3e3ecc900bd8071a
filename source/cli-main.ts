import fs from 'node:fs';
import process from 'node:process';
import type {Dataset, LoadSummary} from './core/types.js';
import {setDebugLogFile, debugLog} from './core/debug-log.js';
import {
	checkOptionFiles,
	openDataset,
	OptionFileError,
	type OpenOptions,
} from './pipeline.js';
import {parseEventTime} from './normalise/time.js';
import {latestTime, parseFilter, parseQuery} from './query/filter.js';
import {missingPathKeys, missingPathWarning} from './query/filter-paths.js';
import {selectionFilter} from './query/filter-flags.js';
import {formatJsonLines, formatProblems, formatReport} from './report/index.js';
import {createProgressLine} from './progress-line.js';
import {planExport, runCliExport} from './export/cli-export.js';
import {openSession} from './investigate/session.js';
import {fileSessions} from './investigate/session-store.js';

/** The flags of the command line; see the help text in cli.tsx. */
export interface CliFlags {
	report?: boolean;
	json?: boolean;
	flagged?: boolean;
	filter?: string;
	iam?: string[];
	ipRanges?: string;
	problems?: boolean;
	maxFileMb?: number;
	debugLog?: string;
	baselineUntil?: string;
	/** A time, or a span before the newest event (`2h`). */
	since?: string;
	until?: string;
	/** Write the filtered events to FILE (`-`: stdout) instead of a screen. */
	export?: string;
	exportFormat?: string;
	columns?: string;
	/** Only the events marked in the saved session of these files. */
	marked?: boolean;
}

/** Decompressed megabytes read per file unless --max-file-mb says more. */
export const defaultMaxFileMb = 256;

/** Exit statuses: a public contract, changed only by addition. */
export const exitStatus = {ok: 0, nothingRead: 1, usage: 2} as const;

/** Removes the variables by which Ink (through is-in-ci) detects CI. */
export function leaveCiMode(env: NodeJS.ProcessEnv): void {
	for (const key of Object.keys(env)) {
		if (
			key === 'CI' ||
			key === 'CONTINUOUS_INTEGRATION' ||
			key.startsWith('CI_')
		) {
			delete env[key];
		}
	}
}

function fail(message: string): void {
	process.stderr.write(`trailtui: ${message}\n`);
}

/**
`--baseline-until`: a date and time, read as UTC unless it names an offset
(`2018-11-28T23:00Z`, `2018-11-28 23:00`, `2018-11-28`). A bare number is
refused: `2018` would otherwise read as seconds after 1970.
*/
export function parseBaselineUntil(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
		return undefined;
	}

	const ms = parseEventTime(trimmed);
	return Number.isFinite(ms) ? ms : undefined;
}

function printProblems(summary: LoadSummary, flags: CliFlags): void {
	for (const line of formatProblems(summary, {
		includeInfo: Boolean(flags.problems),
	})) {
		process.stderr.write(`${line}\n`);
	}
}

/** The screen, opened before loading; the files named by options are checked first. */
async function runInteractive(
	input: readonly string[],
	openOptions: OpenOptions,
	flags: CliFlags,
): Promise<number> {
	try {
		await checkOptionFiles(openOptions);
	} catch (error) {
		if (error instanceof OptionFileError) {
			fail(error.message);
			return exitStatus.usage;
		}

		throw error;
	}

	// Ink draws nothing interactive when it believes it runs under CI; a
	// person at a terminal who exported CI still wants the screen.
	leaveCiMode(process.env);
	const selection = selectionFilter(flags);
	const initialFilter = selection.ok ? selection.text : undefined;
	const {runLiveScreen} = await import('./interactive.js');
	const outcome = await runLiveScreen(input, openOptions, initialFilter);
	if (outcome.kind === 'nothing-read') {
		printProblems(outcome.summary, flags);
		fail('nothing could be read from the paths given');
		return exitStatus.nothingRead;
	}

	return exitStatus.ok;
}

/** The filter an export note names: every option that selects events. */
function exportedFilter(flags: CliFlags): string {
	const selection = selectionFilter(flags);
	return selection.ok ? (selection.text ?? '') : '';
}

/**
The events a selection's filter text keeps (see selectionFilter), `last 2h`
and `--since 2h` counted back from the newest event of the whole load.
*/
export function selectedEvents(
	dataset: Dataset,
	filterText: string | undefined,
): Dataset {
	if (filterText === undefined) {
		return dataset;
	}

	const parsed = parseFilter(filterText, {latest: latestTime(dataset.events)});
	if (!parsed.ok) {
		// selectionFilter read the text already.
		throw new Error(`the selection does not read: ${parsed.error}`);
	}

	return {
		...dataset,
		events: dataset.events.filter((event) => parsed.filter.test(event)),
	};
}

/** The flags that take a value, by the names they are typed with. */
const valueFlags: ReadonlyArray<[keyof CliFlags, string]> = [
	['filter', '--filter'],
	['since', '--since'],
	['until', '--until'],
	['baselineUntil', '--baseline-until'],
	['exportFormat', '--export-format'],
	['columns', '--columns'],
];

/**
An option typed without its value takes the PATH after it (`--since ./logs`):
name the option, so the user sees why no PATH was left.
*/
function swallowedPath(flags: CliFlags): string {
	for (const [key, name] of valueFlags) {
		const value = flags[key];
		if (typeof value === 'string' && value !== '' && fs.existsSync(value)) {
			return ` (${name} took ${JSON.stringify(value)} as its value: give ${name} a value first)`;
		}
	}

	return '';
}

/** A record path of the filter that no event has (a likely typo), if any. */
function pathWarning(dataset: Dataset, filter: string): string | undefined {
	const parsed = parseQuery(filter);
	return parsed.ok
		? missingPathWarning(missingPathKeys(parsed.query, dataset.events))
		: undefined;
}

/** Runs the command and returns its exit status. */
export async function runCli(
	input: string[],
	flags: CliFlags,
	showHelp: () => void,
): Promise<number> {
	if (flags.debugLog) {
		try {
			fs.appendFileSync(flags.debugLog, '');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? String(error);
			fail(`--debug-log ${flags.debugLog}: cannot write (${code})`);
			return exitStatus.usage;
		}

		setDebugLogFile(flags.debugLog);
	}

	// meow reads the `-` of `--export -` as a PATH: it names standard output.
	const dash = input.indexOf('-');
	if (flags.export === '' && dash >= 0) {
		flags = {...flags, export: '-'};
		input = input.filter((_path, index) => index !== dash);
	}

	if (input.length === 0) {
		fail(
			'give at least one PATH: a CloudTrail file or folder' +
				swallowedPath(flags),
		);
		showHelp();
		return exitStatus.usage;
	}

	if (flags.report && flags.json) {
		fail('choose one of --report and --json');
		return exitStatus.usage;
	}

	const exporting = planExport(flags);
	if (!exporting.ok) {
		fail(exporting.error);
		return exitStatus.usage;
	}

	const {plan} = exporting;
	if (plan && (flags.report || flags.json)) {
		fail('choose one of --export, --report and --json');
		return exitStatus.usage;
	}

	if (input.includes('-')) {
		fail(
			'reading standard input is not supported yet: save it to a file ' +
				'and give that file',
		);
		return exitStatus.usage;
	}

	const maxFileMb = flags.maxFileMb ?? defaultMaxFileMb;
	// Below half a byte, the cap rounds to nothing: that is no cap at all.
	if (
		!Number.isFinite(maxFileMb) ||
		Math.round(maxFileMb * 1024 * 1024) < 1 ||
		maxFileMb > 512
	) {
		fail(
			'--max-file-mb takes a number of megabytes above 0 and at most 512 ' +
				'(the longest text Node.js can hold)',
		);
		return exitStatus.usage;
	}

	const baselineUntil =
		flags.baselineUntil === undefined
			? undefined
			: parseBaselineUntil(flags.baselineUntil);
	if (flags.baselineUntil !== undefined && baselineUntil === undefined) {
		fail(
			`bad --baseline-until ${JSON.stringify(flags.baselineUntil)}: give a UTC time such as 2018-11-28T23:00Z`,
		);
		return exitStatus.usage;
	}

	// --report and --json list the flagged events through flaggedOnly, so
	// that their counts still speak of every event the filter keeps.
	const selection = selectionFilter({...flags, flagged: false});
	if (!selection.ok) {
		fail(`bad ${selection.flag}: ${selection.error}`);
		if (selection.position !== undefined) {
			process.stderr.write(
				`  ${flags.filter}\n  ${' '.repeat(selection.position)}^\n`,
			);
		}

		return exitStatus.usage;
	}

	const interactive =
		!flags.report &&
		!flags.json &&
		!plan &&
		Boolean(process.stdout.isTTY && process.stdin.isTTY);
	if (interactive && flags.marked) {
		fail('--marked goes with --export, --report or --json');
		return exitStatus.usage;
	}

	if (!flags.report && !flags.json && !plan && !interactive) {
		fail('not a terminal: printing the report (use --report or --json)');
	}

	const openOptions = {
		iamFiles: flags.iam ?? [],
		ipRangesFile: flags.ipRanges,
		maxDecodedBytes: Math.round(maxFileMb * 1024 * 1024),
		baselineUntil,
	};
	if (interactive) {
		return runInteractive(input, openOptions, flags);
	}

	const progress = createProgressLine(process.stderr);
	let dataset: Dataset;
	try {
		dataset = await openDataset(input, {
			...openOptions,
			onProgress: progress.update,
		});
	} catch (error) {
		progress.clear();
		if (error instanceof OptionFileError) {
			fail(error.message);
			return exitStatus.usage;
		}

		throw error;
	}

	progress.clear();
	debugLog('loaded', {...dataset.summary, problems: undefined});

	const {summary} = dataset;
	const nothingRead =
		dataset.events.length === 0 &&
		summary.filesRead - summary.filesWithErrors <= 0;

	printProblems(summary, flags);
	if (nothingRead) {
		fail('nothing could be read from the paths given');
		return exitStatus.nothingRead;
	}

	const session =
		plan || flags.marked
			? openSession(fileSessions(), dataset.events)
			: undefined;
	if (session?.notice) {
		fail(session.notice);
	}

	const marks = session?.marks;
	const selected = selectedEvents(dataset, selection.text);
	const typo = flags.filter && pathWarning(dataset, flags.filter);
	if (typo) {
		fail(`note on --filter: ${typo}`);
	}

	const view = flags.marked
		? {
				...selected,
				events: selected.events.filter((e) => Boolean(marks?.has(e.seq))),
			}
		: selected;
	const flaggedOnly = Boolean(flags.flagged);
	if (plan && session) {
		const problem = await runCliExport(plan, {
			dataset,
			events: view.events.filter((e) => !flaggedOnly || e.flags.length > 0),
			marks: session.marks,
			files: session.files,
			filter: exportedFilter(flags),
			marked: Boolean(flags.marked),
			now: Date.now(),
			stdout: process.stdout,
		});
		if (problem) {
			fail(problem);
			return exitStatus.usage;
		}

		return exitStatus.ok;
	}

	if (flags.json) {
		for (const line of formatJsonLines(view, {flaggedOnly})) {
			process.stdout.write(line + '\n');
		}
	} else {
		process.stdout.write(formatReport(view, {flaggedOnly}));
	}

	return exitStatus.ok;
}
