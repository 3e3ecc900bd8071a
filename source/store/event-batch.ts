import {gzipSync} from 'node:zlib';
import type {
	LoadProblem,
	Principal,
	RawRecord,
	SourceInfo,
} from '../core/types.js';
import type {AwsRanges} from '../enrich/aws-ranges.js';
import type {FileParts} from '../load/file-parts.js';
import {normaliseRecord} from '../normalise/normalise-event.js';
import {
	bulkAbsent,
	bulkKept,
	bulkKeys,
	bulkNull,
	bulkStored,
	keepNames,
	scalarKeys,
} from './record-parts.js';
import type {StoredForm} from './record-store.js';

/**
One file's events in the compact form a worker thread hands to the main
thread: numbers in typed arrays, each distinct string once, each distinct
principal, address and record head once. Rebuilding events from it costs
the main thread a few array reads per event, where copying parsed records
across threads would cost as much as parsing them again.
*/
export interface EventBatch {
	count: number;
	/** The distinct strings the columns point at. */
	strings: string[];
	/** `stride` numbers per event; see `column`. */
	ints: Int32Array;
	/** Epoch milliseconds per event (NaN when unreadable). */
	times: Float64Array;
	/** eventIDs, one per event: unique, so kept apart from `strings`. */
	ids: Array<string | undefined>;
	principals: Principal[];
	principalKeys: string[];
	sources: SourceInfo[];
	sourceKeys: string[];
	heads: RawRecord[];
	headKeys: string[];
	/** The bulk parts kept in memory, for the events that need them. */
	parts: RawRecord[];
}

export const column = {
	timeText: 0,
	eventName: 1,
	eventSource: 2,
	region: 3,
	eventType: 4,
	errorCode: 5,
	errorMessage: 6,
	userAgent: 7,
	principal: 8,
	source: 9,
	recordIndex: 10,
	bits: 11,
	head: 12,
	parts: 13,
	bulk: 14,
} as const;

export const stride = 15;

/** `bits`: the outcome in bits 0–1, console in bit 2, a string eventID in bit 3. */
export const outcomes = ['success', 'denied', 'error'] as const;

/** What a worker sends back for one file. */
export interface FileOutcome {
	fileIndex: number;
	read: boolean;
	bytesRead: number;
	problems: LoadProblem[];
	partial: boolean;
	notLog: boolean;
	kind?: string | undefined;
	form?: StoredForm;
	batch?: EventBatch;
}

/** Plain files larger than this are compressed to keep them. */
const compressFrom = 256 * 1024;

function storedFormOf(parts: FileParts): StoredForm | undefined {
	const {bytes, text} = parts;
	if (bytes === undefined || text === undefined) {
		return undefined;
	}

	if (parts.decodeTroubled) {
		return {kind: 'text', text};
	}

	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		return {kind: 'gzip', bytes: new Uint8Array(bytes)};
	}

	return bytes.length < compressFrom
		? {kind: 'plain', bytes: new Uint8Array(bytes)}
		: {kind: 'text-gz', bytes: new Uint8Array(gzipSync(text, {level: 1}))};
}

/** Numbers distinct values from 0 in the order first seen. */
class Table<T> {
	readonly values: T[] = [];
	readonly keys: string[] = [];
	private readonly index = new Map<string, number>();

	at(key: string, value: () => T): number {
		let at = this.index.get(key);
		if (at === undefined) {
			at = this.values.length;
			this.index.set(key, at);
			this.values.push(value());
			this.keys.push(key);
		}

		return at;
	}
}

function splitRecord(record: RawRecord): {head: RawRecord; bulk: RawRecord} {
	const head: RawRecord = {};
	const bulk: RawRecord = {};
	for (const key in record) {
		if (!Object.hasOwn(record, key) || scalarKeys.has(key)) {
			continue;
		}

		if ((bulkKeys as readonly string[]).includes(key)) {
			bulk[key] = record[key];
		} else {
			head[key] = record[key];
		}
	}

	return {head, bulk};
}

/**
The key that shares a head between events. A head too deep to write out
(a hostile record) is its own: never shared, never lost.
*/
function headKey(head: RawRecord, n: number): string {
	try {
		return JSON.stringify(head);
	} catch {
		return `\u0000${n}`;
	}
}

/** Encode one file's records: normalise them and pack them for the main thread. */
export function encodeFile(
	fileIndex: number,
	file: string,
	parts: FileParts,
	ranges: AwsRanges,
): FileOutcome {
	const outcome: FileOutcome = {
		fileIndex,
		read: parts.read,
		bytesRead: parts.bytesRead,
		problems: parts.problems,
		partial: parts.partial,
		notLog: parts.notLog,
		kind: parts.kind,
	};
	if (parts.records.length === 0) {
		return outcome;
	}

	const strings = new Table<string>();
	const str = (value: string | undefined): number =>
		value === undefined ? -1 : strings.at(value, () => value);
	const principals = new Table<Principal>();
	const sources = new Table<SourceInfo>();
	const heads = new Table<RawRecord>();
	const kept: RawRecord[] = [];
	const count = parts.records.length;
	const ints = new Int32Array(count * stride);
	const times = new Float64Array(count);
	const ids: Array<string | undefined> = [];
	for (const [n, parsed] of parts.records.entries()) {
		const sourced =
			parsed.fallbackTime === undefined
				? {record: parsed.record, file, index: parsed.index}
				: {
						record: parsed.record,
						file,
						index: parsed.index,
						fallbackTime: parsed.fallbackTime,
					};
		const event = normaliseRecord(sourced, ranges);
		const {record} = parsed;
		const {head, bulk} = splitRecord(record);
		const keep =
			record['readOnly'] !== true ||
			event.outcome !== 'success' ||
			keepNames.has(event.eventName);
		let bulkBits = 0;
		for (const [i, key] of bulkKeys.entries()) {
			const value = bulk[key];
			const state =
				value === undefined
					? bulkAbsent
					: value === null
						? bulkNull
						: keep
							? bulkKept
							: bulkStored;
			bulkBits |= state << (i * 2);
		}

		const at = n * stride;
		ints[at + column.timeText] = str(event.timeText);
		ints[at + column.eventName] = str(event.eventName);
		ints[at + column.eventSource] = str(event.eventSource);
		ints[at + column.region] = str(event.region);
		ints[at + column.eventType] = str(event.eventType);
		ints[at + column.errorCode] = str(event.errorCode);
		ints[at + column.errorMessage] = str(event.errorMessage);
		ints[at + column.userAgent] = str(event.userAgent);
		ints[at + column.principal] = principals.at(
			JSON.stringify(event.principal),
			() => event.principal,
		);
		ints[at + column.source] = sources.at(
			JSON.stringify(event.source),
			() => event.source,
		);
		ints[at + column.recordIndex] = parsed.index;
		const id = record['eventID'];
		ints[at + column.bits] =
			outcomes.indexOf(event.outcome) |
			(event.console ? 4 : 0) |
			(typeof id === 'string' && id !== '' ? 8 : 0);
		ints[at + column.head] = heads.at(headKey(head, n), () => head);
		ints[at + column.parts] = keep ? kept.push(bulk) - 1 : -1;
		ints[at + column.bulk] = bulkBits;
		times[n] = event.time;
		ids.push(event.eventId);
	}

	outcome.form = storedFormOf(parts);
	outcome.batch = {
		count,
		strings: strings.values,
		ints,
		times,
		ids,
		principals: principals.values,
		principalKeys: principals.keys,
		sources: sources.values,
		sourceKeys: sources.keys,
		heads: heads.values,
		headKeys: heads.keys,
		parts: kept,
	};
	return outcome;
}
