import type {LoadProblem, SourcedRecord} from '../core/types.js';
import {plural} from './json-errors.js';

/** The fields that make two records with one eventID the same event. */
const sameEventFields = ['eventTime', 'eventName', 'eventSource'] as const;

function sameEvent(first: SourcedRecord, later: SourcedRecord): boolean {
	return sameEventFields.every(
		(field) => first.record[field] === later.record[field],
	);
}

/** A tally of dropped or unmerged records, for one summary note. */
interface Tally {
	count: number;
	files: Set<string>;
	example?: SourcedRecord;
}

function newTally(): Tally {
	return {count: 0, files: new Set()};
}

/**
Drops the later copies of an event delivered twice (an organisation trail
and an account trail, BR-21), keyed by `eventID`; the first copy read is
kept. Records without an eventID are never merged, and `sharedEventID` is
not a key: it links the two sides of a cross-account call.

Two records are only merged when their time, name and source agree too: a
reused eventID on a different event (test fixtures, or a forged record
placed to hide a real one) is kept and reported instead of silently lost.
*/
export class Deduplicator {
	private readonly seen = new Map<string, SourcedRecord>();
	private readonly duplicates = newTally();
	private readonly conflicts = newTally();

	/** True when the record is new and should be kept. */
	keep(sourced: SourcedRecord): boolean {
		const id = sourced.record['eventID'];
		if (typeof id !== 'string' || id === '') {
			return true;
		}

		const first = this.seen.get(id);
		if (first === undefined) {
			this.seen.set(id, sourced);
			return true;
		}

		const tally = sameEvent(first, sourced) ? this.duplicates : this.conflicts;
		tally.count++;
		tally.files.add(first.file).add(sourced.file);
		tally.example ??= sourced;
		return tally === this.conflicts;
	}

	/** How many records were dropped as copies. */
	get dropped(): number {
		return this.duplicates.count;
	}

	/** The summary notes, e.g. "1 duplicate (same eventID) seen in 2 files". */
	notes(): LoadProblem[] {
		const notes: LoadProblem[] = [];
		const {duplicates, conflicts} = this;
		if (duplicates.example) {
			notes.push({
				level: 'info',
				file: duplicates.example.file,
				record: duplicates.example.index,
				message: `${plural(duplicates.count, 'duplicate')} (same eventID) seen in ${plural(duplicates.files.size, 'file')}`,
			});
		}

		if (conflicts.example) {
			// The id is log data: quoted only when it is plainly harmless text.
			const id = String(conflicts.example.record['eventID']);
			const example = /^[\w.:-]{1,60}$/.test(id) ? `; e.g. "${id}"` : '';
			notes.push({
				level: 'warning',
				file: conflicts.example.file,
				record: conflicts.example.index,
				message:
					`${plural(conflicts.count, 'record')} ${conflicts.count === 1 ? 'reuses' : 'reuse'} the eventID of a ` +
					`different event (time, name or source differ${example}) ` +
					`in ${plural(conflicts.files.size, 'file')}: kept, not merged`,
			});
		}

		return notes;
	}
}
