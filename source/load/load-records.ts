import {setImmediate as nextTurn} from 'node:timers/promises';
import type {LoadSummary, SourcedRecord} from '../core/types.js';
import {Deduplicator} from './dedupe.js';
import {discoverFiles} from './discover.js';
import {loadFileParts, type FileParts} from './file-parts.js';
import {errorText} from './json-errors.js';
import {mebibyte} from './read-bytes.js';
import {SummaryBuilder} from './summary-builder.js';

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

/** Add one file's kept records, in their order in the file. */
function keepRecords(
	file: string,
	parts: FileParts,
	dedupe: Deduplicator,
	records: SourcedRecord[],
): void {
	for (const {record, index, fallbackTime} of parts.records) {
		const sourced: SourcedRecord =
			fallbackTime === undefined
				? {record, file, index}
				: {record, file, index, fallbackTime};
		if (dedupe.keep(sourced)) {
			records.push(sourced);
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
	const maxDecodedBytes = checkedMaxBytes(options.maxDecodedBytes);
	const discovery = await discoverFiles(paths);
	const summary = new SummaryBuilder(discovery);
	const dedupe = new Deduplicator();
	const records: SourcedRecord[] = [];
	let bytesRead = 0;
	const filesTotal = discovery.files.length;
	options.onProgress?.({filesDone: 0, filesTotal, bytesRead: 0});
	for (const [done, file] of discovery.files.entries()) {
		let parts: FileParts;
		try {
			parts = await loadFileParts(file.path, file.real, maxDecodedBytes);
		} catch (error: unknown) {
			parts = internalFault(file.path, error);
		}

		summary.add(parts);
		bytesRead += parts.bytesRead;
		keepRecords(file.path, parts, dedupe, records);
		options.onProgress?.({filesDone: done + 1, filesTotal, bytesRead});
		await nextTurn();
	}

	const troubled = summary.troubledFiles();
	dedupe.attribute((file) => troubled.has(file));
	return {
		records,
		summary: summary.finish(records.length, dedupe.dropped, dedupe.notes()),
	};
}

/** The per-file cap of a loader's options: the default, or a positive number. */
export function checkedMaxBytes(given: number | undefined): number {
	const maxDecodedBytes = given ?? defaultMaxDecodedBytes;
	if (!(maxDecodedBytes > 0)) {
		throw new RangeError(
			`maxDecodedBytes must be positive: ${maxDecodedBytes}`,
		);
	}

	return maxDecodedBytes;
}

/** A fault of the loader itself must not cost the other files. */
export function internalFault(file: string, error: unknown): FileParts {
	return {
		read: false,
		bytesRead: 0,
		problems: [
			{
				level: 'error',
				file,
				message: `could not be loaded (internal error: ${errorText(error)})`,
			},
		],
		partial: false,
		notLog: false,
		records: [],
		decodeTroubled: true,
	};
}
