import type {
	Flag,
	Outcome,
	Principal,
	RawRecord,
	SourceInfo,
	TrailEvent,
} from '../core/types.js';
import {
	bulkIndex,
	bulkKept,
	bulkNull,
	bulkStored,
	scalarKeys,
} from './record-parts.js';
import type {RecordStore} from './record-store.js';

/** The fields of an event as the loader hands them over. */
export type StoredEventInit = Pick<
	StoredEvent,
	| 'store'
	| 'fileId'
	| 'file'
	| 'recordIndex'
	| 'eventId'
	| 'idIsText'
	| 'time'
	| 'timeText'
	| 'eventName'
	| 'eventSource'
	| 'region'
	| 'eventType'
	| 'errorCode'
	| 'errorMessage'
	| 'outcome'
	| 'userAgent'
	| 'console'
	| 'principal'
	| 'source'
> & {
	/** Undefined for a head too deep to send: read from the file. */
	head: RawRecord | undefined;
	parts: RawRecord | undefined;
	bulk: number;
};

const noFlags: Flag[] = [];

/** A field of the record itself, never one inherited (`toString`). */
function ownField(fields: RawRecord, key: string): unknown {
	return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/**
An event whose record lives in the compact store. Its fields are plain
properties (interned strings, shared principal and source objects); the
record is read again from the stored file on demand, and `readField`
answers the fields the detectors read without doing so.
*/
export class StoredEvent implements TrailEvent {
	seq = -1;
	file: string;
	recordIndex: number;
	eventId: string | undefined;
	time: number;
	timeText: string;
	eventName: string;
	eventSource: string;
	region: string;
	eventType: string | undefined;
	errorCode: string | undefined;
	errorMessage: string | undefined;
	outcome: Outcome;
	userAgent: string | undefined;
	console: boolean;
	principal: Principal;
	source: SourceInfo;
	flags: Flag[] = noFlags;
	fileId: number;
	/** The record's eventID is a non-empty string: only those are merged as copies. */
	readonly idIsText: boolean;
	readonly store: RecordStore;
	private readonly head: RawRecord | undefined;
	private readonly parts: RawRecord | undefined;
	private readonly bulk: number;

	constructor(init: StoredEventInit) {
		this.store = init.store;
		this.fileId = init.fileId;
		this.file = init.file;
		this.recordIndex = init.recordIndex;
		this.eventId = init.eventId;
		this.idIsText = init.idIsText;
		this.time = init.time;
		this.timeText = init.timeText;
		this.eventName = init.eventName;
		this.eventSource = init.eventSource;
		this.region = init.region;
		this.eventType = init.eventType;
		this.errorCode = init.errorCode;
		this.errorMessage = init.errorMessage;
		this.outcome = init.outcome;
		this.userAgent = init.userAgent;
		this.console = init.console;
		this.principal = init.principal;
		this.source = init.source;
		this.head = init.head;
		this.parts = init.parts;
		this.bulk = init.bulk;
	}

	/** The original record, untouched, read again from the stored file. */
	get record(): RawRecord {
		return this.store.record(this.fileId, this.recordIndex);
	}

	/** One top-level field of the record, from memory when it is there. */
	readField(key: string): unknown {
		const bulk = bulkIndex.get(key);
		if (bulk !== undefined) {
			const state = (this.bulk >> (bulk * 2)) & 3;
			if (state === bulkKept) {
				return this.parts ? ownField(this.parts, key) : undefined;
			}

			if (state === bulkStored) {
				return ownField(this.record, key);
			}

			return state === bulkNull ? null : undefined;
		}

		if (scalarKeys.has(key) || this.head === undefined) {
			return ownField(this.record, key);
		}

		return ownField(this.head, key);
	}
}
