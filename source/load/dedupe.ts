import type {LoadProblem, SourcedRecord} from '../core/types.js';
import {canonicalJson} from './canonical-json.js';
import {plural} from './json-errors.js';

/** One content seen under an eventID: the copy kept and those dropped. */
interface Variant {
	kept: SourcedRecord;
	/** The canonical text, computed only once a second record has the id. */
	canon?: string;
	copies: SourcedRecord[];
}

/** Records named in one conflict message; the rest are counted. */
const listedPlaces = 3;

/** Conflicting eventIDs listed one by one before the rest are counted. */
const listedConflicts = 20;

/**
The canonical text of a record; a record too deeply nested to walk is its
own content, never equal to another, so it is kept rather than lost.
*/
function canonicalOf(sourced: SourcedRecord): string | undefined {
	try {
		return canonicalJson(sourced.record);
	} catch {
		return undefined;
	}
}

/** The id for a message: it is log data, so quoted only when plainly harmless. */
function shownId(id: string): string {
	return /^[\w.:-]{1,80}$/.test(id) ? id : JSON.stringify(id.slice(0, 80));
}

function place(sourced: SourcedRecord): string {
	return `${sourced.file} record ${sourced.index}`;
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
*/
export class Deduplicator {
	private readonly seen = new Map<string, Variant[]>();
	private droppedCount = 0;
	private readonly duplicateFiles = new Set<string>();
	private example?: SourcedRecord;

	/** True when the record is new and should be kept. */
	keep(sourced: SourcedRecord): boolean {
		const id = sourced.record['eventID'];
		if (typeof id !== 'string' || id === '') {
			return true;
		}

		const variants = this.seen.get(id);
		if (variants === undefined) {
			this.seen.set(id, [{kept: sourced, copies: []}]);
			return true;
		}

		const canon = canonicalOf(sourced);
		for (const variant of variants) {
			variant.canon ??= canonicalOf(variant.kept);
			if (canon !== undefined && variant.canon === canon) {
				variant.copies.push(sourced);
				this.droppedCount++;
				this.duplicateFiles.add(variant.kept.file).add(sourced.file);
				this.example ??= sourced;
				return false;
			}
		}

		variants.push(
			canon === undefined
				? {kept: sourced, copies: []}
				: {kept: sourced, canon, copies: []},
		);
		return true;
	}

	/** How many records were dropped as copies. */
	get dropped(): number {
		return this.droppedCount;
	}

	/**
	Tie each kept copy to a file without problems when one of its copies came
	from such a file: the event then points at the file a person can trust,
	not at the one flagged as altered or damaged.
	*/
	attribute(troubled: (file: string) => boolean): void {
		for (const variants of this.seen.values()) {
			for (const {kept, copies} of variants) {
				if (copies.length === 0 || !troubled(kept.file)) {
					continue;
				}

				const clean = copies.find((copy) => !troubled(copy.file));
				if (clean) {
					kept.record = clean.record;
					kept.file = clean.file;
					kept.index = clean.index;
					if (clean.fallbackTime === undefined) {
						delete kept.fallbackTime;
					} else {
						kept.fallbackTime = clean.fallbackTime;
					}
				}
			}
		}
	}

	/** The summary notes: one for the merged copies, one per conflicting id. */
	notes(): LoadProblem[] {
		const notes: LoadProblem[] = [];
		if (this.example) {
			notes.push({
				level: 'info',
				file: this.example.file,
				record: this.example.index,
				message: `${plural(this.droppedCount, 'duplicate')} (same eventID) seen in ${plural(this.duplicateFiles.size, 'file')}`,
			});
		}

		let unlisted = 0;
		let conflicts = 0;
		for (const [id, variants] of this.seen) {
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
				.map((variant) => place(variant.kept));
			if (count > listedPlaces) {
				places.push(`and ${count - listedPlaces} more`);
			}

			notes.push({
				level: 'warning',
				file: variants[1]!.kept.file,
				record: variants[1]!.kept.index,
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
