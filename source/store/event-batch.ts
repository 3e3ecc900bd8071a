import {gzipSync} from 'node:zlib';
import type {
	LoadProblem,
	Principal,
	RawRecord,
	SourceInfo,
} from '../core/types.js';
import type {AwsRanges} from '../enrich/aws-ranges.js';
import type {FileParts} from '../load/file-parts.js';
import {
	normaliseRecord,
	type NormaliseHelpers,
} from '../normalise/normalise-event.js';
import {describePrincipal} from '../normalise/principal.js';
import {classifySource} from '../normalise/source-address.js';
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
One file's events in the compact form a loader thread hands to the main
thread: numbers in typed arrays that point into tables the thread keeps for
its whole life. A batch carries only the table entries that are new since
its thread's last batch, so each distinct string, principal, address and
record head crosses once per thread, and rebuilding events costs the main
thread a few array reads per event, where copying parsed records across
threads would cost as much as parsing them again.
*/
export interface EventBatch {
	/** The thread whose tables the numbers point into. */
	channel: number;
	count: number;
	/** Strings new to the thread's table, in id order. */
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

/**
Numbers distinct values from 0 in the order first seen, for the life of a
thread, and hands out the values added since it was last asked.
*/
class Table<T> {
	private readonly index = new Map<string, number>();
	private newValues: T[] = [];
	private newKeys: string[] = [];

	at(key: string, value: () => T): number {
		let at = this.index.get(key);
		if (at === undefined) {
			at = this.index.size;
			this.index.set(key, at);
			this.newValues.push(value());
			this.newKeys.push(key);
		}

		return at;
	}

	/** The values (and keys) added since the last call. */
	take(): {values: T[]; keys: string[]} {
		const taken = {values: this.newValues, keys: this.newKeys};
		this.newValues = [];
		this.newKeys = [];
		return taken;
	}
}

/** Set a field as an own property, even one named `__proto__`. */
function put(target: RawRecord, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function splitRecord(record: RawRecord): {head: RawRecord; bulk: RawRecord} {
	const head: RawRecord = {};
	const bulk: RawRecord = {};
	for (const key of Object.keys(record)) {
		if (scalarKeys.has(key)) {
			continue;
		}

		put(
			(bulkKeys as readonly string[]).includes(key) ? bulk : head,
			key,
			record[key],
		);
	}

	return {head, bulk};
}

/**
Nesting deeper than this is not sent between threads: the receiving side
of a structured clone cannot rebuild a few thousand levels. Such a value is
read from the stored file instead, where `JSON.parse` handles any depth.
*/
export const maxSentDepth = 200;

/** Whether a parsed value nests deeper than `limit`; walked without recursion. */
export function deeperThan(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop()!;
		if (node === null || typeof node !== 'object') {
			continue;
		}

		if (depth >= limit) {
			return true;
		}

		for (const child of Object.values(node)) {
			if (child !== null && typeof child === 'object') {
				stack.push([child, depth + 1]);
			}
		}
	}

	return false;
}

/**
The key that shares a head between events. A head too deep to write out
(a hostile record) is its own: never shared, never lost.
*/
function headKey(head: RawRecord, file: number, n: number): string {
	try {
		return JSON.stringify(head);
	} catch {
		return `\u0000${file}:${n}`;
	}
}

/**
Encodes files for one channel (a loader thread, or the main thread when
loading without threads). The principal and the address of a record are
worked out once per distinct record head and address, not once per record.
*/
export class BatchEncoder {
	private readonly strings = new Table<string>();
	private readonly principals = new Table<Principal>();
	private readonly sources = new Table<SourceInfo>();
	private readonly heads = new Table<RawRecord>();
	private readonly principalOfHead = new Map<string, number>();
	private readonly sourceOfAddress = new Map<string, number>();

	constructor(
		private readonly channel: number,
		private readonly ranges: AwsRanges,
	) {}

	private str(value: string | undefined): number {
		return value === undefined ? -1 : this.strings.at(value, () => value);
	}

	/** Encode one file's records: normalise them and pack them for the main thread. */
	encode(fileIndex: number, file: string, parts: FileParts): FileOutcome {
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

		const kept: RawRecord[] = [];
		const count = parts.records.length;
		const ints = new Int32Array(count * stride);
		const times = new Float64Array(count);
		const ids: Array<string | undefined> = [];
		let headId = 0;
		let principalId = 0;
		let sourceId = 0;
		const helpers: NormaliseHelpers = {
			principal: (record) => {
				const type = record['eventType'];
				if (headId < 0) {
					const principal = describePrincipal(record);
					principalId = this.principals.at(
						JSON.stringify(principal),
						() => principal,
					);
					return noPrincipal;
				}

				const key =
					typeof type === 'string'
						? `${headId}:${type}`
						: `${headId}\u0000${JSON.stringify(type) ?? ''}`;
				principalId = this.principalOfHead.get(key) ?? -1;
				if (principalId < 0) {
					const principal = describePrincipal(record);
					principalId = this.principals.at(
						JSON.stringify(principal),
						() => principal,
					);
					this.principalOfHead.set(key, principalId);
				}

				return noPrincipal;
			},
			source: (record) => {
				const key = addressKey(record);
				sourceId = this.sourceOfAddress.get(key) ?? -1;
				if (sourceId < 0) {
					const source = classifySource(record, this.ranges);
					sourceId = this.sources.at(JSON.stringify(source), () => source);
					this.sourceOfAddress.set(key, sourceId);
				}

				return noSource;
			},
		};
		for (const [n, parsed] of parts.records.entries()) {
			const {record} = parsed;
			const {head, bulk} = splitRecord(record);
			headId = deeperThan(head, maxSentDepth)
				? -1
				: this.heads.at(headKey(head, fileIndex, n), () => head);
			const sourced =
				parsed.fallbackTime === undefined
					? {record, file, index: parsed.index}
					: {
							record,
							file,
							index: parsed.index,
							fallbackTime: parsed.fallbackTime,
						};
			const event = normaliseRecord(sourced, this.ranges, helpers);
			const keep =
				(record['readOnly'] !== true ||
					event.outcome !== 'success' ||
					keepNames.has(event.eventName)) &&
				!deeperThan(bulk, maxSentDepth);
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
			ints[at + column.timeText] = this.str(event.timeText);
			ints[at + column.eventName] = this.str(event.eventName);
			ints[at + column.eventSource] = this.str(event.eventSource);
			ints[at + column.region] = this.str(event.region);
			ints[at + column.eventType] = this.str(event.eventType);
			ints[at + column.errorCode] = this.str(event.errorCode);
			ints[at + column.errorMessage] = this.str(event.errorMessage);
			ints[at + column.userAgent] = this.str(event.userAgent);
			ints[at + column.principal] = principalId;
			ints[at + column.source] = sourceId;
			ints[at + column.recordIndex] = parsed.index;
			const id = record['eventID'];
			ints[at + column.bits] =
				outcomes.indexOf(event.outcome) |
				(event.console ? 4 : 0) |
				(typeof id === 'string' && id !== '' ? 8 : 0);
			ints[at + column.head] = headId;
			ints[at + column.parts] = keep ? kept.push(bulk) - 1 : -1;
			ints[at + column.bulk] = bulkBits;
			times[n] = event.time;
			ids.push(event.eventId);
		}

		const principals = this.principals.take();
		const sources = this.sources.take();
		const heads = this.heads.take();
		outcome.form = storedFormOf(parts);
		outcome.batch = {
			channel: this.channel,
			count,
			strings: this.strings.take().values,
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
}

/** Placeholders: the encoder keeps the ids, not the objects. */
const noPrincipal: Principal = {type: '', label: ''};
const noSource: SourceInfo = {kind: 'missing', raw: undefined};

let unwritable = 0;

/** What `classifySource` reads of a record; one too deep to write is its own. */
function addressKey(record: RawRecord): string {
	try {
		return JSON.stringify([record['sourceIPAddress'], record['vpcEndpointId']]);
	} catch {
		return `\u0000${unwritable++}`;
	}
}
