import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {repeat, type Measurement} from './measurement.js';
import {PeakSampler, benchScript, runNodeChild, succeeded} from './proc.js';
import {keyFigures, type KeyFigure} from './keys-report.js';
import type {KeySamples} from './screen-keys.js';
import {spread, type Spread} from './stats.js';

/**
trailtui's own figures, each from a child process running the compiled
project (dist/source) on the generated logs. The harness calls only the
functions below, so a new loader or screen needs changes here alone.
*/

interface LoadFigures {
	events: number;
	flagged: number;
	findings: number;
	theftEvents: number;
	theftFlagged: number;
	listBuckets: number;
	/** When openDataset was called, ms after the process started. */
	startedMs: number;
	loadMs: number;
	loadedAtMs: number;
	/** Peak RSS once loaded, before any screen or search index. */
	loadRssKiB: number;
	maxRssKiB: number;
}

interface InteractiveResult extends LoadFigures {
	firstRowsMs: number;
	judgedFrameMs: number;
	cursorMs: number[];
	promptMs: number[];
	uiFilterMs: number[];
	uiFirstSearchMs: number;
	uiSearchMs: number[];
	filterMs: number[];
	searchMs: number[];
	indexMs: number;
	invalidFilters: string[];
	keyMs: KeySamples;
}

/** What a person at the screen waits for, summarised. */
export interface InteractiveFigures {
	events: number;
	/** Process start to the first frame with rows, seconds. */
	firstRowsSeconds: number;
	/** Process start to the frame of the judged whole (filters work), seconds. */
	judgedSeconds: number;
	/** openDataset in that process, seconds. */
	loadSeconds: number;
	cursor: Spread;
	/** A character typed into the filter or search prompt. */
	prompt: Spread;
	/** Enter in the filter prompt to the filtered frame. */
	filter: Spread;
	/** Enter in the search prompt to the frame, after the first search. */
	search: Spread;
	/** The first search, which builds the index. */
	firstSearchMs: number;
	/** parseFilter + one pass over the events, no screen. */
	filterFunction: Spread;
	/** searchEvents on a built index, no screen. */
	searchFunction: Spread;
	indexBuildMs: number;
	/** Peak RSS of the whole session (screen, search index, queries). */
	peakRssMB: number;
	invalidFilters: string[];
	/** The investigation keys, key to the frame that shows their work. */
	keys?: KeyFigure[];
}

const child = () => benchScript('trailtui-child.js');
const cli = () => benchScript('../source/cli.js');

/** Load + normalise + judge: openDataset end to end, in its own process. */
export async function measureLoad(
	root: string,
	runs: number,
): Promise<Measurement> {
	return repeat(
		'trailtui-load',
		'trailtui openDataset: load + normalise + judge',
		runs,
		async () => {
			const {result} = await runNodeChild<LoadFigures>(child(), [
				'--root',
				root,
				'--mode',
				'load',
			]);
			return {
				ms: result.loadMs,
				maxRssKiB: result.maxRssKiB,
				count: result.events,
				extra: {
					remark: `trailtui flagged ${result.flagged} events in ${result.findings} findings; of the planted theft's ${result.theftEvents} events, ${result.theftFlagged} flagged.`,
				},
			};
		},
	);
}

/** The command line, end to end: `trailtui --report --flagged DIR > /dev/null`. */
export async function measureCli(
	root: string,
	runs: number,
): Promise<Measurement> {
	return repeat(
		'trailtui-cli',
		'trailtui --report --flagged (whole process)',
		runs,
		async () => {
			const output = fs.openSync('/dev/null', 'w');
			const started = performance.now();
			const process = spawn(
				globalThis.process.execPath,
				[cli(), '--report', '--flagged', root],
				{
					stdio: ['ignore', output, 'pipe'],
				},
			);
			const sampler = new PeakSampler([process.pid!]);
			try {
				await succeeded(process, 'trailtui');
			} finally {
				fs.closeSync(output);
			}

			const ms = performance.now() - started;
			const peak = sampler.stop();
			return {ms, ...(peak === undefined ? {} : {maxRssKiB: peak})};
		},
	);
}

const sessions = new Map<string, Promise<InteractiveFigures>>();

/** A screen session that takes longer than this is stopped and reported. */
const sessionTimeoutMs = 30 * 60_000;

/**
One run of the screen on a fake terminal, shared by the first-rows and
keystroke figures so that the logs are loaded once for both.
*/
function interactiveSession(
	root: string,
	keyRuns: number,
): Promise<InteractiveFigures> {
	let session = sessions.get(root);
	if (!session) {
		session = runNodeChild<InteractiveResult>(
			child(),
			['--root', root, '--mode', 'interactive', '--key-runs', String(keyRuns)],
			{nodeOptions: ['--expose-gc'], timeoutMs: sessionTimeoutMs},
		).then(({result: r}) => ({
			events: r.events,
			firstRowsSeconds: r.firstRowsMs / 1000,
			judgedSeconds: r.judgedFrameMs / 1000,
			loadSeconds: r.loadMs / 1000,
			cursor: spread(r.cursorMs),
			prompt: spread(r.promptMs),
			filter: spread(r.uiFilterMs),
			search: spread(r.uiSearchMs),
			firstSearchMs: r.uiFirstSearchMs,
			filterFunction: spread(r.filterMs),
			searchFunction: spread(r.searchMs),
			indexBuildMs: r.indexMs,
			peakRssMB: (r.maxRssKiB * 1024) / 1e6,
			invalidFilters: r.invalidFilters,
			...(keyRuns > 0 ? {keys: keyFigures(r.keyMs)} : {}),
		}));
		sessions.set(root, session);
	}

	return session;
}

/**
Process start to the first frame with rows, and to the frame of the judged
whole. TODO(#4): the child drives the live screen the way
source/interactive.ts does, with its own copy of that wiring; remove the
copy when runLiveScreen takes the terminal's streams.
*/
export async function measureFirstRows(
	root: string,
	keyRuns: number,
): Promise<InteractiveFigures> {
	return interactiveSession(root, keyRuns);
}

/**
Keys to the next frame (cursor, prompt, filter and search on Enter) and the
query functions alone. TODO(#4): filters and searches run on Enter, not per
keystroke, so the "keystroke" figure is Enter to frame; remove this note if
the prompt ever filters as one types. The investigation keys (values,
summary, pivot, timeline, mark, export; bench/screen-keys.ts) run `keyRuns`
times each in the same session.
*/
export async function measureKeystrokes(
	root: string,
	keyRuns: number,
): Promise<InteractiveFigures> {
	return interactiveSession(root, keyRuns);
}
