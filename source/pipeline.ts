import fs from 'node:fs/promises';
import type {Dataset, TrailEvent} from './core/types.js';
import {debugLog} from './core/debug-log.js';
import type {LoadProgress} from './load/load-records.js';
import {loadEvents} from './load/load-events.js';
import type {StoredEvent} from './store/stored-event.js';
import {unreadableTimeProblems} from './normalise/time-problems.js';
import {
	bundledRanges,
	parseIpRangesJson,
	type AwsRanges,
} from './enrich/aws-ranges.js';
import {detect} from './detect/detect.js';
import {buildFindings} from './detect/findings.js';
import {parseIamFile, type RoleTrustPolicy} from './detect/trust.js';

/**
The whole pipeline in one call: discover → decode → normalise → enrich →
detect, then the findings (flagged events grouped for triage). The views
(screen, report, JSON) index the result themselves.
*/

export interface OpenOptions {
	/** `--iam` files: `aws iam get-role` or `list-roles` output. */
	iamFiles?: readonly string[];
	/** `--ip-ranges`: a newer `ip-ranges.json` than the bundled one. */
	ipRangesFile?: string | undefined;
	maxDecodedBytes?: number;
	/**
	`--baseline-until`, epoch milliseconds: the end of the learning window.
	Events before it teach the baselines; events from it on are judged
	against them. Undefined: learn from every event (the first use is the
	expected one).
	*/
	baselineUntil?: number | undefined;
	onProgress?: (progress: LoadProgress) => void;
	/** New events as files finish loading, before ordering and judging. */
	onEvents?: (events: readonly StoredEvent[]) => void;
	/** Loader threads; 0 loads on this thread. Default: cores, at most 4. */
	threads?: number;
	/**
	Called once every file is read, before the events are ordered and
	judged (which holds the thread): a screen draws "judging" first.
	*/
	onJudging?: () => Promise<void> | void;
	/** Stops loading: `openDataset` rejects with the signal's reason. */
	signal?: AbortSignal;
}

/**
A file named by an option (not a log) that cannot be used. The command line
treats it as bad usage, because the person must fix the option.
*/
export class OptionFileError extends Error {
	constructor(message: string, options?: {cause?: unknown}) {
		super(message, options);
		this.name = 'OptionFileError';
	}
}

async function readOptionFile(option: string, file: string): Promise<string> {
	try {
		return await fs.readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new OptionFileError(`${option} ${file}: cannot read (${code})`, {
			cause: error,
		});
	}
}

/** The `--ip-ranges` text, checked here so that a bad file is bad usage. */
async function loadRanges(
	file: string | undefined,
): Promise<{ranges: AwsRanges; text?: string}> {
	if (file === undefined) {
		return {ranges: bundledRanges()};
	}

	const text = await readOptionFile('--ip-ranges', file);
	try {
		return {ranges: parseIpRangesJson(text, file), text};
	} catch (error) {
		throw new OptionFileError(`--ip-ranges ${(error as Error).message}`, {
			cause: error,
		});
	}
}

/**
Reads and checks the files named by options, so that a bad one is reported
before a screen opens. `openDataset` reads them again, which costs little.
*/
export async function checkOptionFiles(
	options: Pick<OpenOptions, 'iamFiles' | 'ipRangesFile'>,
): Promise<void> {
	await loadRanges(options.ipRangesFile);
	await loadTrust(options.iamFiles ?? []);
}

async function loadTrust(files: readonly string[]): Promise<RoleTrustPolicy[]> {
	const policies: RoleTrustPolicy[] = [];
	for (const file of files) {
		const text = await readOptionFile('--iam', file);
		try {
			policies.push(...parseIamFile(text, file));
		} catch (error) {
			throw new OptionFileError(`--iam ${(error as Error).message}`, {
				cause: error,
			});
		}
	}

	return policies;
}

/** Orders by `eventTime` (UTC); events whose time is unreadable go last. */
export function compareEventTime(a: TrailEvent, b: TrailEvent): number {
	const aBad = Number.isNaN(a.time);
	const bBad = Number.isNaN(b.time);
	if (aBad || bBad) {
		return Number(aBad) - Number(bBad);
	}

	return a.time - b.time;
}

export async function openDataset(
	paths: readonly string[],
	options: OpenOptions = {},
): Promise<Dataset> {
	const ranges = await loadRanges(options.ipRangesFile);
	const trustPolicies = await loadTrust(options.iamFiles ?? []);
	const started = Date.now();
	const {events, summary, store} = await loadEvents([...paths], {
		...(options.maxDecodedBytes === undefined
			? {}
			: {maxDecodedBytes: options.maxDecodedBytes}),
		...(options.threads === undefined ? {} : {threads: options.threads}),
		ipRangesText: ranges.text,
		ipRangesFile: options.ipRangesFile,
		ranges: () => ranges.ranges,
		...(options.onProgress ? {onProgress: options.onProgress} : {}),
		...(options.onEvents ? {onEvents: options.onEvents} : {}),
		signal: options.signal,
	});
	const loaded = Date.now();
	await options.onJudging?.();
	summary.problems.push(...unreadableTimeProblems(events));
	// Array.prototype.sort is stable: equal times keep their load order.
	events.sort(compareEventTime);
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	// A copy: the rules' caches are keyed by the list they judge, so they go
	// with the copy once judging is done instead of living as long as the
	// dataset.
	detect([...events], {
		trustPolicies,
		...(options.baselineUntil === undefined
			? {}
			: {baselineUntil: options.baselineUntil}),
	});
	debugLog('pipeline done', {
		events: events.length,
		loadMs: loaded - started,
		ms: Date.now() - started,
		keptBytes: store.keptBytes,
		filesDecodedAgain: store.decodes,
	});
	return {
		events,
		summary: {...summary, events: events.length},
		findings: buildFindings(events),
	};
}
