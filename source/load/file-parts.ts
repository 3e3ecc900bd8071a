import type {LoadProblem} from '../core/types.js';
import {decodeBytes} from './decode.js';
import {describeFsError} from './fs-errors.js';
import {plural} from './json-errors.js';
import {parseText, type ParsedKind, type ParsedRecord} from './parse.js';
import type {RealPath} from './path-names.js';
import {ReadRefused, readBytes} from './read-bytes.js';

/**
What reading one file gave: its records and everything the summary counts.
Both loaders share it: the one-thread reference loader (`loadRecords`) and
the worker threads of `loadEvents`, so they cannot disagree on a file.
*/
export interface FileParts {
	/** The content was read (false when the file could not be opened). */
	read: boolean;
	/** Bytes read from disk: the compressed size for gzip files. */
	bytesRead: number;
	problems: LoadProblem[];
	/** Only part of the records could be recovered. */
	partial: boolean;
	/** The decoded content is not a log (a gzipped CSV, an IAM policy). */
	notLog: boolean;
	kind?: ParsedKind;
	records: ParsedRecord[];
	/** The bytes as read, for a store that decodes them again on demand. */
	bytes?: Buffer;
	/** The decoded text, when the bytes were decoded without any problem. */
	text?: string;
	/** Decoding met a problem: the text cannot be recovered from the bytes alone by the simple path. */
	decodeTroubled: boolean;
}

/** Read, decode and parse one file. Never throws for a bad file. */
export async function loadFileParts(
	file: string,
	real: RealPath,
	maxDecodedBytes: number,
): Promise<FileParts> {
	const parts: FileParts = {
		read: false,
		bytesRead: 0,
		problems: [],
		partial: false,
		notLog: false,
		records: [],
		decodeTroubled: false,
	};
	let bytes: Buffer;
	try {
		bytes = await readBytes(real, maxDecodedBytes);
	} catch (error: unknown) {
		const reason =
			error instanceof ReadRefused ? error.message : describeFsError(error);
		parts.problems.push({level: 'error', file, message: reason});
		return parts;
	}

	parts.read = true;
	parts.bytesRead = bytes.length;
	const decoded = await decodeBytes(file, bytes, maxDecodedBytes);
	parts.problems.push(...decoded.problems);
	parts.decodeTroubled = decoded.problems.length > 0;
	if (decoded.failed || decoded.notLog) {
		parts.notLog = decoded.notLog;
		return parts;
	}

	const parsed = parseText(decoded.text, file);
	parts.problems.push(...parsed.problems);
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
		parts.problems.push({level: 'error', file, ...parsed.damage});
	}

	parts.partial = parsed.partial || decoded.cut;
	parts.kind = parsed.kind;
	parts.records = parsed.records;
	parts.bytes = bytes;
	parts.text = decoded.text;
	return parts;
}
