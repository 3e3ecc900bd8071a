import type {Principal, RawRecord, SourceInfo} from '../core/types.js';
import {column, outcomes, stride, type EventBatch} from './event-batch.js';
import type {RecordStore} from './record-store.js';
import {StoredEvent} from './stored-event.js';

/** One thread's tables, as the main thread holds them: id → shared value. */
interface Channel {
	strings: string[];
	principals: Principal[];
	sources: SourceInfo[];
	heads: RawRecord[];
}

/**
Turns the batches of the loader threads into events, sharing one copy of
each distinct string, principal, address and record head across all
threads: a million events hold a few thousand of each, not a million.
*/
export class EventInterner {
	private readonly strings = new Map<string, string>();
	private readonly principals = new Map<string, Principal>();
	private readonly sources = new Map<string, SourceInfo>();
	private readonly heads = new Map<string, RawRecord>();
	private readonly channels = new Map<number, Channel>();

	private static share<T>(
		map: Map<string, T>,
		keys: readonly string[],
		values: readonly T[],
		into: T[],
	): void {
		for (const [i, key] of keys.entries()) {
			let known = map.get(key);
			if (known === undefined) {
				known = values[i]!;
				map.set(key, known);
			}

			into.push(known);
		}
	}

	/**
	Take a batch's new table entries. Batches of one thread must come in the
	order it sent them, which is the order messages arrive in.
	*/
	register(batch: EventBatch): void {
		let channel = this.channels.get(batch.channel);
		if (channel === undefined) {
			channel = {strings: [], principals: [], sources: [], heads: []};
			this.channels.set(batch.channel, channel);
		}

		const {share} = EventInterner;
		share(this.strings, batch.strings, batch.strings, channel.strings);
		share(
			this.principals,
			batch.principalKeys,
			batch.principals,
			channel.principals,
		);
		share(this.sources, batch.sourceKeys, batch.sources, channel.sources);
		for (const [i, key] of batch.headKeys.entries()) {
			if (!this.heads.has(key)) {
				this.internLeaves(batch.heads[i]!);
			}
		}

		share(this.heads, batch.headKeys, batch.heads, channel.heads);
	}

	/**
	Replace the strings inside a new head with the shared copies: heads
	differ in a session name or a date, and repeat `AssumedRole`, `true`
	and cipher names thousands of times. Walked without recursion, so a
	deep head cannot overflow the stack.
	*/
	private internLeaves(head: RawRecord): void {
		const stack: Array<Record<string, unknown> | unknown[]> = [head];
		while (stack.length > 0) {
			const node = stack.pop()!;
			const keys = Array.isArray(node)
				? node.map((_, i) => i)
				: Object.keys(node);
			for (const key of keys) {
				const value = (node as Record<string | number, unknown>)[key];
				if (typeof value === 'string') {
					let shared = this.strings.get(value);
					if (shared === undefined) {
						shared = value;
						this.strings.set(value, value);
					}

					(node as Record<string | number, unknown>)[key] = shared;
				} else if (value !== null && typeof value === 'object') {
					stack.push(value as Record<string, unknown>);
				}
			}
		}
	}

	/** The events of one registered batch, in the file's order. */
	events(
		batch: EventBatch,
		fileId: number,
		file: string,
		store: RecordStore,
	): StoredEvent[] {
		const channel = this.channels.get(batch.channel);
		if (channel === undefined) {
			throw new Error(`batch of unregistered channel ${batch.channel}`);
		}

		const {strings, principals, sources, heads} = channel;
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
					head: heads[ints[at + column.head]!],
					parts: parts < 0 ? undefined : batch.parts[parts],
					bulk: ints[at + column.bulk]!,
				}),
			);
		}

		return events;
	}
}
