import Fuse, {type IFuseOptions} from 'fuse.js';
import type {TrailEvent} from '../core/types.js';
import {PostingLists} from './posting-lists.js';
import {fieldTexts, valueTexts, type SearchField} from './search-text.js';
import {TextPool} from './text-pool.js';
import {U32List} from './u32-list.js';

/**
The index behind `/` search, built to stay small and quick at a million
events (issue #4). The matching rules are in search.ts; this file is how
they are answered without reading every event.

Events share most of their texts: a million calls may hold a few hundred
event names, some dozens of principals and a few thousand addresses. So the
index keeps each distinct text once, with the ascending list of the events
(by position of adding) holding it:

- exact: every field text and every request or response value, in lower
  case. A word is looked for in the distinct texts (one native substring
  search over the pool) and the lists of the texts that hold it are joined.
- fuzzy: the texts of the name fields (the user agent cut to
  `fuzzyAgentCap`), searched by fuse.js, in lower case since fuse.js ignores
  case anyway. They have lists of their own so that a fuzzy match of a name
  finds the events holding it as a name, not those holding the same text
  deep in their values.

The events of each word are bits in a set the size of the index, and the
words' sets are intersected. Events may be added in batches at any time,
in any order of seq; the answer is always ascending seqs.
*/

/** How much of a user agent fuzzy matching reads (BR-19 has 4 KB ones). */
export const fuzzyAgentCap = 300;

/** The fields whose texts are also searched fuzzily. */
export const fuzzyFields = [
	'eventName',
	'principal',
	'source',
	'userAgent',
	'region',
	'errorCode',
] as const satisfies readonly SearchField[];

export const fuzzySet: ReadonlySet<SearchField> = new Set(fuzzyFields);

const exactFields = [
	'eventName',
	'principal',
	'source',
	'userAgent',
	'region',
	'errorCode',
	'accessKeyId',
	'eventId',
] as const satisfies readonly SearchField[];

export const fuseOptions: IFuseOptions<{text: string}> = {
	keys: ['text'],
	threshold: 0.2,
	ignoreLocation: true,
	ignoreFieldNorm: true,
	minMatchCharLength: 2,
	includeScore: false,
	shouldSort: false,
};

/** Words shorter than this are matched exactly only. */
export const fuzzyMinLength = 3;

/**
The words of the last search with their events, so that adding a word to a
query does not search the earlier ones again. A few words at most.
*/
const cachedWords = 16;

export interface SearchIndexStats {
	/** Events added. */
	events: number;
	/** Distinct lower-case texts searched exactly. */
	texts: number;
	/** Their characters, a separator each included. */
	textChars: number;
	/** Pairs of a text and an event holding it, each counted once. */
	postings: number;
	/** Distinct texts of the name fields, searched fuzzily. */
	fuzzyTexts: number;
	fuzzyPostings: number;
	/** Bytes of the index's own arrays (not counting fuse.js's). */
	bytes: number;
}

/** The words of a query; surrounding spaces and empty words dropped. */
export function queryWords(query: string): string[] {
	return query
		.trim()
		.split(/\s+/)
		.filter((w) => w !== '');
}

/** Distinct texts and, for each, the positions of the events holding it. */
interface TextSet {
	texts: TextPool;
	events: PostingLists;
}

function textSet(): TextSet {
	return {texts: new TextPool(), events: new PostingLists()};
}

/**
Texts made only of hex digits and dashes: event ids, request ids, hashes.
They are half of all distinct text in a large log (every event id is
unique), and most words cannot be in them, so they are kept apart and
searched only for words of the same letters.
*/
const hexOnly = /^[\da-f-]+$/;

export class SearchIndex {
	private readonly hexTexts = textSet();
	private readonly otherTexts = textSet();
	/**
	The fuzzy id of each name text, by its exact key (see `addText`); user
	agents longer than `fuzzyAgentCap` by their cut text in lower case.
	*/
	private readonly fuzzyIds = new Map<number | string, number>();
	private readonly fuse = new Fuse<{text: string}>([], fuseOptions);
	private readonly fuzzyEvents = new PostingLists();
	/** The seq of each event, by position. */
	private readonly seqs = new U32List();
	/** True while every event was added after those with lower seqs. */
	private inSeqOrder = true;
	private maxSeq = -1;
	private readonly wordCache = new Map<string, Uint32Array>();

	/** How many events have been added. */
	get size(): number {
		return this.seqs.length;
	}

	/** Adds a batch of events; they are found by the next search. */
	add(events: Iterable<TrailEvent>): void {
		for (const event of events) {
			const position = this.seqs.length;
			this.seqs.push(event.seq);
			if (event.seq <= this.maxSeq) {
				this.inSeqOrder = false;
			}

			this.maxSeq = Math.max(this.maxSeq, event.seq);
			const fields = fieldTexts(event);
			for (const field of exactFields) {
				const key = this.addText(fields[field], position);
				if (key !== -1 && fuzzySet.has(field)) {
					this.addFuzzy(field, key, fields[field], position);
				}
			}

			for (const text of valueTexts(event)) {
				this.addText(text, position);
			}
		}

		this.wordCache.clear();
	}

	/** The seqs of the events that hold every word of `query`, ascending. */
	search(query: string): number[] {
		const words = queryWords(query);
		if (words.length === 0 || this.size === 0) {
			return [];
		}

		let found: Uint32Array | undefined;
		for (const word of words) {
			const hits = this.wordHits(word);
			let any = 0;
			if (found === undefined) {
				found = hits.slice();
				for (const bits of found) {
					any |= bits;
				}
			} else {
				for (let i = 0; i < found.length; i++) {
					found[i]! &= hits[i]!;
					any |= found[i]!;
				}
			}

			if (any === 0) {
				found = undefined;
				break;
			}
		}

		this.keepWords(words);
		return found ? this.seqsOf(found) : [];
	}

	stats(): SearchIndexStats {
		const sets = [this.hexTexts, this.otherTexts];
		const sum = (count: (set: TextSet) => number): number =>
			sets.reduce((total, set) => total + count(set), 0);
		return {
			events: this.size,
			texts: sum((set) => set.texts.size),
			textChars: sum((set) => set.texts.characters),
			postings: sum((set) => set.events.postings),
			fuzzyTexts: this.fuzzyIds.size,
			fuzzyPostings: this.fuzzyEvents.postings,
			bytes:
				sum((set) => set.texts.bytes + set.events.bytes) +
				this.fuzzyEvents.bytes +
				this.seqs.bytes,
		};
	}

	/**
	Lists the event under a text; returns the text's key (its id, doubled,
	plus one for a hex text), or -1 for an empty text.
	*/
	private addText(text: string, position: number): number {
		if (text === '') {
			return -1;
		}

		const lower = text.toLowerCase();
		const hex = hexOnly.test(lower);
		const set = hex ? this.hexTexts : this.otherTexts;
		const id = set.texts.idOf(lower);
		set.events.add(id, position);
		return 2 * id + (hex ? 1 : 0);
	}

	/**
	Lists the event under a name text for fuzzy search. Texts that differ
	only in case are one entry: fuse.js ignores case, so it matches both or
	neither, and this reuses the exact text's key instead of hashing again.
	*/
	private addFuzzy(
		field: SearchField,
		key: number,
		text: string,
		position: number,
	): void {
		const cut = field === 'userAgent' && text.length > fuzzyAgentCap;
		const fuzzyKey = cut ? text.slice(0, fuzzyAgentCap).toLowerCase() : key;
		let id = this.fuzzyIds.get(fuzzyKey);
		if (id === undefined) {
			id = this.fuzzyIds.size;
			this.fuzzyIds.set(fuzzyKey, id);
			this.fuse.add({
				text: cut ? (fuzzyKey as string) : text.toLowerCase(),
			});
		}

		this.fuzzyEvents.add(id, position);
	}

	/** The positions of the events holding `word`, as bits. */
	private wordHits(word: string): Uint32Array {
		const cached = this.wordCache.get(word);
		if (cached) {
			return cached;
		}

		const hits = new Uint32Array(Math.ceil(this.size / 32));
		const lower = word.toLowerCase();
		const sets = hexOnly.test(lower)
			? [this.hexTexts, this.otherTexts]
			: [this.otherTexts];
		for (const {texts, events} of sets) {
			texts.scan(lower, (id) => {
				events.markInto(id, hits);
			});
		}

		if (word.length >= fuzzyMinLength) {
			for (const result of this.fuse.search(word)) {
				this.fuzzyEvents.markInto(result.refIndex, hits);
			}
		}

		this.wordCache.set(word, hits);
		return hits;
	}

	private keepWords(words: readonly string[]): void {
		const keep = new Set(words.slice(0, cachedWords));
		for (const word of this.wordCache.keys()) {
			if (!keep.has(word)) {
				this.wordCache.delete(word);
			}
		}
	}

	/** The seqs of the positions set in `bits`, ascending. */
	private seqsOf(bits: Uint32Array): number[] {
		if (this.inSeqOrder) {
			return setBits(bits, this.seqs.data);
		}

		// Out of order: set the seqs' own bits, which read out ascending.
		const seqs = this.seqs.data;
		const bySeq = new Uint32Array(Math.ceil((this.maxSeq + 1) / 32));
		for (let i = 0; i < bits.length; i++) {
			let word = bits[i]!;
			while (word !== 0) {
				const lowest = word & -word;
				const seq = seqs[i * 32 + 31 - Math.clz32(lowest)]!;
				bySeq[seq >>> 5]! |= 1 << (seq & 31);
				word ^= lowest;
			}
		}

		return setBits(bySeq, undefined);
	}
}

/** The numbers of the set bits, ascending, each through `map` if given. */
function setBits(bits: Uint32Array, map: Uint32Array | undefined): number[] {
	let count = 0;
	for (let i = 0; i < bits.length; i++) {
		let word = bits[i]!;
		while (word !== 0) {
			word &= word - 1;
			count++;
		}
	}

	const out = new Array<number>(count);
	let next = 0;
	for (let i = 0; i < bits.length; i++) {
		let word = bits[i]!;
		while (word !== 0) {
			const lowest = word & -word;
			const bit = i * 32 + 31 - Math.clz32(lowest);
			out[next++] = map ? map[bit]! : bit;
			word ^= lowest;
		}
	}

	return out;
}
