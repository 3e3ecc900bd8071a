import {setImmediate as nextTurn} from 'node:timers/promises';
import type {LoadSummary, SourcedRecord} from '../core/types.js';
import {decodeBytes} from './decode.js';
import {Deduplicator} from './dedupe.js';
import {discoverFiles} from './discover.js';
import {describeFsError} from './fs-errors.js';
import {errorText, plural} from './json-errors.js';
import {parseText} from './parse.js';
import type {RealPath} from './path-names.js';
import {ReadRefused, mebibyte, readBytes} from './read-bytes.js';

/**
Decoded bytes allowed per file unless the caller says otherwise. CloudTrail
delivers files of a few MiB at most; 256 MiB leaves room for large exports
while a decompression bomb costs about twice that in memory at worst.
*/
export const defaultMaxDecodedBytes = 256 * mebibyte;

export interface LoadProgress {
	filesDone: number;
	filesTotal: number;
	/** Bytes read from disk so far (compressed size for gzip files). */
	bytesRead: number;
}

export interface LoadOptions {
	/** Cap on a file's decoded size, and on a plain file's size. */
	maxDecodedBytes?: number;
	/** Called once the files are listed, then after each file. */
	onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
	/** Kept records in the order read: files in walk order, then position. */
	records: SourcedRecord[];
	summary: LoadSummary;
}

interface LoadState {
	records: SourcedRecord[];
	summary: LoadSummary & {skippedNotLog: number};
	dedupe: Deduplicator;
	bytesRead: number;
	maxDecodedBytes: number;
}

/** Read, decode and parse one file, adding its records and problems. */
async function loadFile(
	file: string,
	real: RealPath,
	state: LoadState,
): Promise<void> {
	const {summary} = state;
	let bytes: Buffer;
	try {
		bytes = await readBytes(real, state.maxDecodedBytes);
	} catch (error: unknown) {
		const reason =
			error instanceof ReadRefused ? error.message : describeFsError(error);
		summary.problems.push({level: 'error', file, message: reason});
		return;
	}

	state.bytesRead += bytes.length;
	summary.filesRead++;
	const decoded = await decodeBytes(file, bytes, state.maxDecodedBytes);
	summary.problems.push(...decoded.problems);
	if (decoded.failed || decoded.notLog) {
		summary.skippedNotLog += decoded.notLog ? 1 : 0;
		return;
	}

	const parsed = parseText(decoded.text, file);
	summary.problems.push(...parsed.problems);
	const cutError = decoded.cut
		? decoded.problems.findLast((problem) => problem.level === 'error')
		: undefined;
	if (cutError) {
		// The cut explains the broken end: one error says both.
		cutError.message += `; ${plural(parsed.records.length, 'complete record')} kept before the cut (partial file)`;
		if (parsed.damage?.record !== undefined) {
			cutError.record = parsed.damage.record;
		}
	} else if (parsed.damage) {
		summary.problems.push({level: 'error', file, ...parsed.damage});
	}

	if (parsed.partial || decoded.cut) {
		summary.partialFiles++;
	}

	if (parsed.kind === 'digest') {
		summary.skippedDigest++;
	} else if (parsed.kind === 'empty') {
		summary.skippedEmpty++;
	} else if (parsed.kind === 'not-cloudtrail') {
		summary.skippedNotLog++;
	}

	for (const {record, index, fallbackTime} of parsed.records) {
		const sourced: SourcedRecord =
			fallbackTime === undefined
				? {record, file, index}
				: {record, file, index, fallbackTime};
		if (state.dedupe.keep(sourced)) {
			state.records.push(sourced);
		}
	}
}

/**
Load every CloudTrail record below the given files and folders: discover,
decode, parse, de-duplicate. Never throws for a bad file: each problem is
listed in the summary, naming its file, and every other file still loads.
Files are read one at a time, with a turn of the event loop between them
so a progress display can draw.
*/
export async function loadRecords(
	paths: readonly string[],
	options: LoadOptions = {},
): Promise<LoadResult> {
	const maxDecodedBytes = options.maxDecodedBytes ?? defaultMaxDecodedBytes;
	if (!(maxDecodedBytes > 0)) {
		throw new RangeError(
			`maxDecodedBytes must be positive: ${maxDecodedBytes}`,
		);
	}

	const discovery = await discoverFiles(paths);
	const state: LoadState = {
		records: [],
		summary: {
			// A file skipped by its first bytes was read too: this way files
			// read = files found, less those that could not be opened.
			filesRead: discovery.skippedNotLog,
			events: 0,
			duplicates: 0,
			skippedDigest: 0,
			skippedEmpty: 0,
			filesWithErrors: 0,
			partialFiles: 0,
			skippedNotLog: discovery.skippedNotLog,
			problems: [...discovery.problems],
		},
		dedupe: new Deduplicator(),
		bytesRead: 0,
		maxDecodedBytes,
	};
	const filesTotal = discovery.files.length;
	options.onProgress?.({filesDone: 0, filesTotal, bytesRead: 0});
	for (const [done, file] of discovery.files.entries()) {
		try {
			await loadFile(file.path, file.real, state);
		} catch (error: unknown) {
			// A fault of the loader itself must not cost the other files.
			state.summary.problems.push({
				level: 'error',
				file: file.path,
				message: `could not be loaded (internal error: ${errorText(error)})`,
			});
		}

		options.onProgress?.({
			filesDone: done + 1,
			filesTotal,
			bytesRead: state.bytesRead,
		});
		await nextTurn();
	}

	const {summary} = state;
	const troubled = new Set(
		summary.problems
			.filter((problem) => problem.level !== 'info')
			.map((problem) => problem.file),
	);
	state.dedupe.attribute((file) => troubled.has(file));
	summary.problems.push(...state.dedupe.notes());
	summary.events = state.records.length;
	summary.duplicates = state.dedupe.dropped;
	summary.filesWithErrors = new Set(
		summary.problems
			.filter((problem) => problem.level === 'error')
			.map((problem) => problem.file),
	).size;
	return {records: state.records, summary};
}
