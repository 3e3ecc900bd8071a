import type {LoadProblem, SourcedRecord} from '../core/types.js';
import {canonicalJson} from './canonical-json.js';
import {plural} from './json-errors.js';

/** What the de-duplicator needs to know of the things it keeps or drops. */
export interface DedupeAdapter<T> {
	/** The eventID when it is a non-empty string; records without one are never merged. */
	id(item: T): string | undefined;
	/** The canonical text of the content; undefined when it cannot be worked out. */
	canon(item: T): string | undefined;
	file(item: T): string;
	index(item: T): number;
	/** Point the kept item at a copy's place (see `attribute`). */
	moveTo(kept: T, copy: T): void;
}

/** One content seen under an eventID: the copy kept and those dropped. */
interface Variant<T> {
	kept: T;
	/** The canonical text, computed only once a second record has the id. */
	canon?: string | undefined;
	copies: T[];
}

/** Records named in one conflict message; the rest are counted. */
const listedPlaces = 3;

/** Conflicting eventIDs listed one by one before the rest are counted. */
const listedConflicts = 20;

/**
The canonical text of a record; a record too deeply nested to walk is its
own content, never equal to another, so it is kept rather than lost.
*/
function canonicalOf(record: SourcedRecord['record']): string | undefined {
	try {
		return canonicalJson(record);
	} catch {
		return undefined;
	}
}

/** The adapter for records straight from the loader. */
export const sourcedRecordAdapter: DedupeAdapter<SourcedRecord> = {
	id(sourced) {
		const id = sourced.record['eventID'];
		return typeof id === 'string' && id !== '' ? id : undefined;
	},
	canon: (sourced) => canonicalOf(sourced.record),
	file: (sourced) => sourced.file,
	index: (sourced) => sourced.index,
	moveTo(kept, clean) {
		kept.record = clean.record;
		kept.file = clean.file;
		kept.index = clean.index;
		if (clean.fallbackTime === undefined) {
			delete kept.fallbackTime;
		} else {
			kept.fallbackTime = clean.fallbackTime;
		}
	},
};

/** The id for a message: it is log data, so quoted only when plainly harmless. */
function shownId(id: string): string {
	return /^[\w.:-]{1,80}$/.test(id) ? id : JSON.stringify(id.slice(0, 80));
}

/**
Drops the later copies of an event delivered twice (an organisation trail
and an account trail, BR-21), keyed by `eventID`. Records without an eventID
are never merged, and `sharedEventID` is not a key: it links the two sides
of a cross-account call.

Two records merge only when their whole content is identical (the same
canonical JSON). A record that shares an eventID but differs in anything,
a forged copy placed to hide the real event or a test fixture reusing ids,
is kept beside the other and reported, so neither can hide the other.

An id seen once costs one map entry pointing at the item itself: the
variant lists are made only when a second record has the id, so a million
distinct events cost no more than the map.
*/
export class Deduplicator<T = SourcedRecord> {
	private readonly seen = new Map<string, T | Array<Variant<T>>>();
	private droppedCount = 0;
	private readonly duplicateFiles = new Set<string>();
	private example?: T;
	private readonly adapter: DedupeAdapter<T>;

	constructor(adapter?: DedupeAdapter<T>) {
		this.adapter =
			adapter ?? (sourcedRecordAdapter as unknown as DedupeAdapter<T>);
	}

	/** True when the record is new and should be kept. */
	keep(item: T): boolean {
		const {adapter} = this;
		const id = adapter.id(item);
		if (id === undefined) {
			return true;
		}

		const seen = this.seen.get(id);
		if (seen === undefined) {
			this.seen.set(id, item);
			return true;
		}

		let variants: Array<Variant<T>>;
		if (Array.isArray(seen)) {
			variants = seen;
		} else {
			variants = [{kept: seen, copies: []}];
			this.seen.set(id, variants);
		}

		const canon = adapter.canon(item);
		for (const variant of variants) {
			variant.canon ??= adapter.canon(variant.kept);
			if (canon !== undefined && variant.canon === canon) {
				variant.copies.push(item);
				this.droppedCount++;
				this.duplicateFiles
					.add(adapter.file(variant.kept))
					.add(adapter.file(item));
				this.example ??= item;
				return false;
			}
		}

		variants.push({kept: item, canon, copies: []});
		return true;
	}

	/** How many records were dropped as copies. */
	get dropped(): number {
		return this.droppedCount;
	}

	private *variantLists(): Generator<[string, Array<Variant<T>>]> {
		for (const [id, seen] of this.seen) {
			if (Array.isArray(seen)) {
				yield [id, seen];
			}
		}
	}

	/**
	Tie each kept copy to a file without problems when one of its copies came
	from such a file: the event then points at the file a person can trust,
	not at the one flagged as altered or damaged.
	*/
	attribute(troubled: (file: string) => boolean): void {
		const {adapter} = this;
		for (const [, variants] of this.variantLists()) {
			for (const {kept, copies} of variants) {
				if (copies.length === 0 || !troubled(adapter.file(kept))) {
					continue;
				}

				const clean = copies.find((copy) => !troubled(adapter.file(copy)));
				if (clean) {
					adapter.moveTo(kept, clean);
				}
			}
		}
	}

	private place(item: T): string {
		return `${this.adapter.file(item)} record ${this.adapter.index(item) + 1}`;
	}

	/** The summary notes: one for the merged copies, one per conflicting id. */
	notes(): LoadProblem[] {
		const notes: LoadProblem[] = [];
		if (this.example) {
			notes.push({
				level: 'info',
				file: this.adapter.file(this.example),
				record: this.adapter.index(this.example),
				message: `${plural(this.droppedCount, 'duplicate')} (same eventID) seen in ${plural(this.duplicateFiles.size, 'file')}`,
			});
		}

		let unlisted = 0;
		let conflicts = 0;
		for (const [id, variants] of this.variantLists()) {
			if (variants.length < 2) {
				continue;
			}

			conflicts++;
			if (conflicts > listedConflicts) {
				unlisted++;
				continue;
			}

			const count = variants.length;
			const places = variants
				.slice(0, listedPlaces)
				.map((variant) => this.place(variant.kept));
			if (count > listedPlaces) {
				places.push(`and ${count - listedPlaces} more`);
			}

			notes.push({
				level: 'warning',
				file: this.adapter.file(variants[1]!.kept),
				record: this.adapter.index(variants[1]!.kept),
				message:
					`${count} records share eventID ${shownId(id)} but differ ` +
					`(${places.join(', ')}): ${count === 2 ? 'both' : 'all'} kept; ` +
					'one may be forged',
			});
		}

		if (unlisted > 0) {
			const last = notes.at(-1)!;
			notes.push({
				level: 'warning',
				file: last.file,
				message: `and ${plural(unlisted, 'more eventID')} shared by records that differ: all kept`,
			});
		}

		return notes;
	}
}
