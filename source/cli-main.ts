import fs from 'node:fs';
import process from 'node:process';
import type {Dataset} from './core/types.js';
import {setDebugLogFile, debugLog} from './core/debug-log.js';
import {openDataset, OptionFileError} from './pipeline.js';
import {parseEventTime} from './normalise/time.js';
import {parseFilter} from './query/filter.js';
import {formatJsonLines, formatProblems, formatReport} from './report/index.js';
import {createProgressLine} from './progress-line.js';

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

	if (input.length === 0) {
		fail('give at least one PATH: a CloudTrail file or folder');
		showHelp();
		return exitStatus.usage;
	}

	if (flags.report && flags.json) {
		fail('choose one of --report and --json');
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
	if (!Number.isFinite(maxFileMb) || maxFileMb <= 0 || maxFileMb > 512) {
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

	const parsed =
		flags.filter === undefined ? undefined : parseFilter(flags.filter);
	if (parsed && !parsed.ok) {
		fail(`bad --filter: ${parsed.error}`);
		process.stderr.write(
			`  ${flags.filter}\n  ${' '.repeat(parsed.position)}^\n`,
		);
		return exitStatus.usage;
	}

	const interactive =
		!flags.report &&
		!flags.json &&
		Boolean(process.stdout.isTTY && process.stdin.isTTY);
	if (!flags.report && !flags.json && !interactive) {
		fail('not a terminal: printing the report (use --report or --json)');
	}

	const progress = createProgressLine(process.stderr);
	let dataset: Dataset;
	try {
		dataset = await openDataset(input, {
			iamFiles: flags.iam ?? [],
			ipRangesFile: flags.ipRanges,
			maxDecodedBytes: Math.round(maxFileMb * 1024 * 1024),
			baselineUntil,
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

	if (!interactive || nothingRead) {
		for (const line of formatProblems(summary, {
			includeInfo: Boolean(flags.problems),
		})) {
			process.stderr.write(`${line}\n`);
		}
	}

	if (nothingRead) {
		fail('nothing could be read from the paths given');
		return exitStatus.nothingRead;
	}

	if (interactive) {
		// Ink draws nothing interactive when it believes it runs under CI; a
		// person at a terminal who exported CI still wants the screen.
		leaveCiMode(process.env);
		const {runApp} = await import('./ui/run-app.js');
		const initialFilter = [flags.filter, flags.flagged ? 'flagged' : '']
			.filter(Boolean)
			.join(' ');
		await runApp(dataset, {initialFilter: initialFilter || undefined});
		return exitStatus.ok;
	}

	const view =
		parsed === undefined
			? dataset
			: {
					...dataset,
					events: dataset.events.filter((e) => parsed.filter.test(e)),
				};
	const flaggedOnly = Boolean(flags.flagged);
	if (flags.json) {
		for (const line of formatJsonLines(view, {flaggedOnly})) {
			process.stdout.write(line + '\n');
		}
	} else {
		process.stdout.write(formatReport(view, {flaggedOnly}));
	}

	return exitStatus.ok;
}
