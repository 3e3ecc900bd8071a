import type {Principal, RawRecord, SourceInfo} from '../core/types.js';
import {column, outcomes, stride, type EventBatch} from './event-batch.js';
import type {RecordStore} from './record-store.js';
import {StoredEvent} from './stored-event.js';

/**
Turns the batches of the worker threads into events, sharing one copy of
each distinct string, principal, address and record head across all files:
a million events hold a few thousand of each, not a million.
*/
export class EventInterner {
	private readonly strings = new Map<string, string>();
	private readonly principals = new Map<string, Principal>();
	private readonly sources = new Map<string, SourceInfo>();
	private readonly heads = new Map<string, RawRecord>();

	private shared<T>(map: Map<string, T>, keys: string[], values: T[]): T[] {
		return keys.map((key, i) => {
			const known = map.get(key);
			if (known !== undefined) {
				return known;
			}

			map.set(key, values[i]!);
			return values[i]!;
		});
	}

	/** The events of one file, in the file's order. */
	events(
		batch: EventBatch,
		fileId: number,
		file: string,
		store: RecordStore,
	): StoredEvent[] {
		const strings = this.shared(this.strings, batch.strings, batch.strings);
		const principals = this.shared(
			this.principals,
			batch.principalKeys,
			batch.principals,
		);
		const sources = this.shared(this.sources, batch.sourceKeys, batch.sources);
		const heads = this.shared(this.heads, batch.headKeys, batch.heads);
		const text = (at: number): string | undefined =>
			at < 0 ? undefined : strings[at];
		const {ints} = batch;
		const events: StoredEvent[] = [];
		for (let n = 0; n < batch.count; n++) {
			const at = n * stride;
			const bits = ints[at + column.bits]!;
			const parts = ints[at + column.parts]!;
			events.push(
				new StoredEvent({
					store,
					fileId,
					file,
					recordIndex: ints[at + column.recordIndex]!,
					eventId: batch.ids[n],
					idIsText: (bits & 8) !== 0,
					time: batch.times[n]!,
					timeText: text(ints[at + column.timeText]!) ?? '',
					eventName: text(ints[at + column.eventName]!) ?? '',
					eventSource: text(ints[at + column.eventSource]!) ?? '',
					region: text(ints[at + column.region]!) ?? '',
					eventType: text(ints[at + column.eventType]!),
					errorCode: text(ints[at + column.errorCode]!),
					errorMessage: text(ints[at + column.errorMessage]!),
					outcome: outcomes[bits & 3]!,
					userAgent: text(ints[at + column.userAgent]!),
					console: (bits & 4) !== 0,
					principal: principals[ints[at + column.principal]!]!,
					source: sources[ints[at + column.source]!]!,
					head: heads[ints[at + column.head]!]!,
					parts: parts < 0 ? undefined : batch.parts[parts],
					bulk: ints[at + column.bulk]!,
				}),
			);
		}

		return events;
	}
}
