import fs from 'node:fs/promises';
import type {Dataset, TrailEvent} from './core/types.js';
import {debugLog} from './core/debug-log.js';
import {
	loadRecords,
	type LoadOptions,
	type LoadProgress,
} from './load/load-records.js';
import {normaliseRecord} from './normalise/normalise-event.js';
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

async function loadRanges(file: string | undefined): Promise<AwsRanges> {
	if (file === undefined) {
		return bundledRanges();
	}

	const text = await readOptionFile('--ip-ranges', file);
	try {
		return parseIpRangesJson(text, file);
	} catch (error) {
		throw new OptionFileError(`--ip-ranges ${(error as Error).message}`, {
			cause: error,
		});
	}
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
	const loadOptions: LoadOptions = {};
	if (options.maxDecodedBytes !== undefined) {
		loadOptions.maxDecodedBytes = options.maxDecodedBytes;
	}

	if (options.onProgress) {
		loadOptions.onProgress = options.onProgress;
	}

	const started = Date.now();
	const {records, summary} = await loadRecords([...paths], loadOptions);
	const events = records.map((record) => normaliseRecord(record, ranges));
	summary.problems.push(...unreadableTimeProblems(events));
	// Array.prototype.sort is stable: equal times keep their load order.
	events.sort(compareEventTime);
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	detect(events, {
		trustPolicies,
		...(options.baselineUntil === undefined
			? {}
			: {baselineUntil: options.baselineUntil}),
	});
	debugLog('pipeline done', {
		events: events.length,
		ms: Date.now() - started,
	});
	return {
		events,
		summary: {...summary, events: events.length},
		findings: buildFindings(events),
	};
}
