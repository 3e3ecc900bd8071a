import {U32List} from './u32-list.js';

/**
The distinct texts of the search index, each stored once and numbered in the
order first seen.

Texts are kept joined, a newline between them, in strings of about
`chunkChars` characters: a substring search is then one native `indexOf`
over megabytes rather than a call per text, and a text costs its characters
plus a few bytes instead of a string object and a map entry. Search texts
never hold a newline (`visible` shows it as `\n`) and neither do query words
(they are split on white space), so a match never spans two texts.

The texts not yet joined (the open chunk) stay in an array until it is full,
so that texts can be added between searches; a search joins a copy of it.
A hash table, probed linearly, finds the id of a text already held; each
slot keeps the text's hash beside its id, so that a probe compares texts
only when their hashes agree.
*/

const chunkChars = 1 << 20;

interface Chunk {
	text: string;
	/** Where each text starts in `text`, plus one entry past the last text. */
	starts: Uint32Array;
	/** The id of the first text. */
	first: number;
}

/** A 32-bit hash; texts longer than 64 characters are hashed by their ends. */
function hashText(text: string): number {
	let hash = 0x81_1c_9d_c5 ^ text.length;
	const length = text.length;
	if (length <= 64) {
		for (let i = 0; i < length; i++) {
			hash = Math.imul(hash ^ text.charCodeAt(i), 0x01_00_01_93);
		}
	} else {
		for (let i = 0; i < 32; i++) {
			hash = Math.imul(hash ^ text.charCodeAt(i), 0x01_00_01_93);
			hash = Math.imul(hash ^ text.charCodeAt(length - 1 - i), 0x01_00_01_93);
		}
	}

	// Mix the high bits into the low ones that pick the slot.
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85_eb_ca_6b);
	hash ^= hash >>> 13;
	return hash >>> 0;
}

/** The index of the last entry of `starts` (from `low`) at or before `at`. */
function textAt(starts: ArrayLike<number>, at: number, low: number): number {
	// Dense matches are usually in the next text: try it before bisecting.
	if (starts[low + 1]! > at) {
		return low;
	}

	let high = starts.length - 2;
	while (low < high) {
		const middle = (low + high + 1) >>> 1;
		if (starts[middle]! <= at) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return low;
}

export class TextPool {
	private readonly chunks: Chunk[] = [];
	private open: string[] = [];
	private openStarts = new U32List();
	private openChars = 0;
	/** The open chunk joined for searching, until a text is added. */
	private openJoined: Chunk | undefined;
	/** Pairs of (id + 1, hash) by slot; id + 1 is 0 in an empty slot. */
	private slots = new Uint32Array(2 * 1024);
	private count = 0;
	private chars = 0;

	/** How many distinct texts are held. */
	get size(): number {
		return this.count;
	}

	/** Characters held, newlines included. */
	get characters(): number {
		return this.chars;
	}

	/** The bytes held, counting a character as one byte (most are ASCII). */
	get bytes(): number {
		let starts = this.openStarts.bytes;
		for (const chunk of this.chunks) {
			starts += chunk.starts.byteLength;
		}

		return this.chars + starts + this.slots.byteLength;
	}

	/** The id of `text`, added when it is new. */
	idOf(text: string): number {
		const hash = hashText(text);
		const slots = this.slots;
		const mask = slots.length / 2 - 1;
		let slot = hash & mask;
		for (;;) {
			const held = slots[2 * slot]!;
			if (held === 0) {
				break;
			}

			if (slots[2 * slot + 1] === hash && this.holds(held - 1, text)) {
				return held - 1;
			}

			slot = (slot + 1) & mask;
		}

		const id = this.count++;
		slots[2 * slot] = id + 1;
		slots[2 * slot + 1] = hash;
		this.append(text);
		if (this.count * 10 > (slots.length / 2) * 7) {
			this.grow();
		}

		return id;
	}

	/** The text with this id. */
	textOf(id: number): string {
		const first = this.openFirst();
		if (id >= first) {
			return this.open[id - first] ?? '';
		}

		const chunk = this.chunkOf(id);
		const index = id - chunk.first;
		return chunk.text.slice(chunk.starts[index], chunk.starts[index + 1]! - 1);
	}

	/** Calls `visit` with the id of every text holding `needle`, ascending. */
	scan(needle: string, visit: (id: number) => void): void {
		if (needle === '' || needle.includes('\n')) {
			return;
		}

		for (const chunk of this.chunks) {
			scanChunk(chunk, needle, visit);
		}

		const open = this.joinedOpen();
		if (open) {
			scanChunk(open, needle, visit);
		}
	}

	private openFirst(): number {
		return this.count - this.open.length;
	}

	private holds(id: number, text: string): boolean {
		const first = this.openFirst();
		if (id >= first) {
			return this.open[id - first] === text;
		}

		const chunk = this.chunkOf(id);
		const index = id - chunk.first;
		const start = chunk.starts[index]!;
		return (
			chunk.starts[index + 1]! - 1 - start === text.length &&
			chunk.text.startsWith(text, start)
		);
	}

	private chunkOf(id: number): Chunk {
		let low = 0;
		let high = this.chunks.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (this.chunks[middle]!.first <= id) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		return this.chunks[low]!;
	}

	private append(text: string): void {
		this.open.push(text);
		this.openStarts.push(this.openChars);
		this.openChars += text.length + 1;
		this.chars += text.length + 1;
		this.openJoined = undefined;
		if (this.openChars >= chunkChars) {
			this.chunks.push(this.openChunk());
			this.open = [];
			this.openStarts = new U32List();
			this.openChars = 0;
		}
	}

	private openChunk(): Chunk {
		const count = this.open.length;
		const starts = new Uint32Array(count + 1);
		starts.set(this.openStarts.data.subarray(0, count));
		starts[count] = this.openChars;
		return {text: this.open.join('\n'), starts, first: this.openFirst()};
	}

	private joinedOpen(): Chunk | undefined {
		if (this.open.length === 0) {
			return undefined;
		}

		this.openJoined ??= this.openChunk();
		return this.openJoined;
	}

	private grow(): void {
		const old = this.slots;
		const slots = new Uint32Array(old.length * 2);
		const mask = slots.length / 2 - 1;
		for (let from = 0; from < old.length; from += 2) {
			if (old[from] === 0) {
				continue;
			}

			const hash = old[from + 1]!;
			let slot = hash & mask;
			while (slots[2 * slot] !== 0) {
				slot = (slot + 1) & mask;
			}

			slots[2 * slot] = old[from]!;
			slots[2 * slot + 1] = hash;
		}

		this.slots = slots;
	}
}

function scanChunk(
	chunk: Chunk,
	needle: string,
	visit: (id: number) => void,
): void {
	const {text, starts, first} = chunk;
	let index = 0;
	let at = text.indexOf(needle);
	while (at !== -1) {
		index = textAt(starts, at, index);
		visit(first + index);
		index++;
		at = text.indexOf(needle, starts[index]);
	}
}
