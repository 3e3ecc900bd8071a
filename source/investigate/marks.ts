import {createHash} from 'node:crypto';
import path from 'node:path';
import type {TrailEvent} from '../core/types.js';
import {canonicalJson} from '../load/canonical-json.js';

/**
Marks and notes: the events a person set aside while investigating. On the
screen a mark belongs to an event's seq; in the session file it belongs to
the event itself, named by its eventID and a digest of its whole record, so
that a mark finds its event again on the next run, whatever order or copy
of the files it comes from.
*/

export interface Mark {
	/** A one-line note; absent when the event is only marked. */
	note?: string;
}

/** Marked events by seq. Never changed in place: each change makes a new map. */
export type MarkMap = ReadonlyMap<number, Mark>;

export const noMarks: MarkMap = new Map();

/** Marks the event, or unmarks it (its note goes with the mark). */
export function toggleMark(marks: MarkMap, seq: number): MarkMap {
	const next = new Map(marks);
	if (next.has(seq)) {
		next.delete(seq);
	} else {
		next.set(seq, {});
	}

	return next;
}

/**
Sets an event's note and marks it. An empty note removes the note and keeps
the mark.
*/
export function setNote(marks: MarkMap, seq: number, note: string): MarkMap {
	const text = note.trim();
	const next = new Map(marks);
	next.set(seq, text === '' ? {} : {note: text});
	return next;
}

/** The marked seqs, ascending. */
export function markedSeqs(marks: MarkMap): number[] {
	return [...marks.keys()].sort((a, b) => a - b);
}

/** How a mark is kept in the session file. */
export interface MarkEntry {
	/** The record's eventID, or null when it has none. */
	eventID: string | null;
	/** A digest of the whole record (see `eventDigest`). */
	digest: string;
	/** For a person reading the file: the event's time and API. */
	time?: string;
	eventName?: string;
	note?: string;
}

const digests = new WeakMap<TrailEvent, string>();

/**
The first 32 hex digits of the SHA-256 of the record's canonical JSON (keys
sorted, as the de-duplicator compares copies), so the same record gives the
same digest in any file or key order. A record too deeply nested to walk is
named by its place instead.
*/
export function eventDigest(event: TrailEvent): string {
	let digest = digests.get(event);
	if (digest === undefined) {
		let text: string;
		try {
			text = canonicalJson(event.record);
		} catch {
			text = `place:${path.resolve(event.file)}#${event.recordIndex}`;
		}

		digest = createHash('sha256').update(text).digest('hex').slice(0, 32);
		digests.set(event, digest);
	}

	return digest;
}

/** The session file's entries for the marks, in time order. */
export function entriesOf(
	events: readonly TrailEvent[],
	marks: MarkMap,
): MarkEntry[] {
	const entries: MarkEntry[] = [];
	for (const seq of markedSeqs(marks)) {
		const event = events[seq];
		if (event === undefined) {
			continue;
		}

		const note = marks.get(seq)?.note;
		entries.push({
			eventID: event.eventId ?? null,
			digest: eventDigest(event),
			time: event.timeText,
			eventName: event.eventName,
			...(note === undefined ? {} : {note}),
		});
	}

	return entries;
}

/**
The marks of saved entries on these events, and the entries that found no
event (kept, so that saving again does not lose them). One pass over the
events compares eventIDs; only events whose eventID was marked have their
record read for the digest.
*/
export function resolveEntries(
	events: readonly TrailEvent[],
	entries: readonly MarkEntry[],
): {marks: MarkMap; missing: MarkEntry[]} {
	const byId = new Map<string, MarkEntry[]>();
	for (const entry of entries) {
		const id = entry.eventID ?? '';
		byId.set(id, [...(byId.get(id) ?? []), entry]);
	}

	const marks = new Map<number, Mark>();
	const found = new Set<MarkEntry>();
	if (byId.size === 0) {
		return {marks, missing: []};
	}

	for (const event of events) {
		const wanted = byId.get(event.eventId ?? '');
		if (wanted === undefined) {
			continue;
		}

		const digest = eventDigest(event);
		for (const entry of wanted) {
			if (entry.digest === digest) {
				marks.set(event.seq, entry.note ? {note: entry.note} : {});
				found.add(entry);
			}
		}
	}

	return {marks, missing: entries.filter((entry) => !found.has(entry))};
}
