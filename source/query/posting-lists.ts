import {U32List} from './u32-list.js';

/**
Many ascending lists of event positions ("postings"), one per distinct text,
kept compact enough for a million events:

- A list with one position (most ids and other unique values) is just that
  number: 8 bytes in all, no object.
- A longer list is a chain of blocks in shared pages (of up to 1 MiB; the
  first starts small). Each position is stored as its distance from the one
  before, in 7-bit groups (a varint), so a value on every event costs about
  a byte per event instead of four.
- Lists only ever grow at their end, so batches of events can be added while
  the lists are being read, and nothing is ever moved or rebuilt.

A block is a 4-byte address of the next block followed by varints; bytes left
unused at its end stay 0, which no varint starts with because distances are
at least 1. Block sizes double from `firstBlock` to `maxBlock`, so short
lists waste little and long ones need few links.
*/

const pageBits = 20;
const pageSize = 1 << pageBits;
const pageMask = pageSize - 1;
const firstPage = 4096;
const firstBlock = 16;
const maxBlock = 4096;

/** The size of the block after one of `size` bytes. */
function nextSize(size: number): number {
	return Math.min(size * 2, maxBlock);
}

/** How many bytes the varint of `value` takes. */
function varintLength(value: number): number {
	if (value < 0x80) {
		return 1;
	}

	if (value < 0x4000) {
		return 2;
	}

	if (value < 0x20_00_00) {
		return 3;
	}

	return value < 0x10_00_00_00 ? 4 : 5;
}

export class PostingLists {
	/** The last position of each list. */
	private readonly last = new U32List();
	/** 0 for a list of one position, else 1 + its index in the block state. */
	private readonly chain = new U32List();
	/** Per chained list: address of its first block. */
	private readonly head = new U32List();
	/** Per chained list: start and size of its last block. */
	private readonly block = new U32List();
	private readonly blockSize = new U32List();
	/** Per chained list: where its next varint goes. */
	private readonly tail = new U32List();
	private readonly pages: Uint8Array[] = [];
	/** Address of the next unused byte in the last page. */
	private free = 0;
	private total = 0;

	/** How many lists there are; the next new list gets this number. */
	get size(): number {
		return this.last.length;
	}

	/** How many positions all lists hold together. */
	get postings(): number {
		return this.total;
	}

	/** The bytes held: list state and pages. */
	get bytes(): number {
		return (
			this.last.bytes +
			this.chain.bytes +
			this.head.bytes +
			this.block.bytes +
			this.blockSize.bytes +
			this.tail.bytes +
			this.pages.reduce((total, page) => total + page.length, 0)
		);
	}

	/**
	Adds `position` to the end of `list`; `list` may be `size`, which starts a
	new list, but no higher. Positions must not go down; adding the last one
	again does nothing, so a text seen twice in one event is listed once.
	*/
	add(list: number, position: number): void {
		if (list === this.last.length) {
			this.last.push(position);
			this.chain.push(0);
			this.total++;
			return;
		}

		if (list > this.last.length) {
			throw new RangeError('lists are numbered in order, from 0');
		}

		const previous = this.last.data[list]!;
		if (position === previous) {
			return;
		}

		if (position < previous) {
			throw new RangeError('positions must be added in ascending order');
		}

		let chain = this.chain.data[list]!;
		if (chain === 0) {
			chain = this.startChain();
			this.chain.data[list] = chain;
			// The first position is written as a distance from -1, so never 0.
			this.write(chain - 1, previous + 1);
		}

		this.write(chain - 1, position - previous);
		this.last.data[list] = position;
		this.total++;
	}

	/** Sets the bit of every position of `list` in `bits`. */
	markInto(list: number, bits: Uint32Array): void {
		const chain = this.chain.data[list]!;
		if (chain === 0) {
			const position = this.last.data[list]!;
			bits[position >>> 5]! |= 1 << (position & 31);
			return;
		}

		const end = this.tail.data[chain - 1]!;
		let block = this.head.data[chain - 1]!;
		let size = firstBlock;
		let position = -1;
		for (;;) {
			const page = this.pages[Math.floor(block / pageSize)]!;
			const start = block & pageMask;
			const isLast = end > block && end <= block + size;
			const stop = isLast ? start + (end - block) : start + size;
			let at = start + 4;
			while (at < stop) {
				let byte = page[at++]!;
				if (byte === 0) {
					break;
				}

				let distance = byte & 0x7f;
				let scale = 0x80;
				while (byte >= 0x80) {
					byte = page[at++]!;
					distance += (byte & 0x7f) * scale;
					scale *= 0x80;
				}

				position += distance;
				bits[position >>> 5]! |= 1 << (position & 31);
			}

			if (isLast) {
				return;
			}

			block =
				(page[start]! |
					(page[start + 1]! << 8) |
					(page[start + 2]! << 16) |
					(page[start + 3]! << 24)) >>>
				0;
			size = nextSize(size);
		}
	}

	/** The positions of one list, ascending: for tests and checks. */
	positionsOf(list: number): number[] {
		const bits = new Uint32Array(Math.ceil((this.last.data[list]! + 1) / 32));
		this.markInto(list, bits);
		const out: number[] = [];
		for (const [index, word] of bits.entries()) {
			for (let bit = 0; word !== 0 && bit < 32; bit++) {
				if ((word & (1 << bit)) !== 0) {
					out.push(index * 32 + bit);
				}
			}
		}

		return out;
	}

	private startChain(): number {
		const block = this.allocate(firstBlock);
		this.head.push(block);
		this.block.push(block);
		this.blockSize.push(firstBlock);
		this.tail.push(block + 4);
		return this.head.length;
	}

	private allocate(size: number): number {
		if (this.free + size > this.pages.length * pageSize) {
			// Blocks never straddle pages: the rest of a full page is left unused.
			this.free = this.pages.length * pageSize;
			this.pages.push(new Uint8Array(firstPage));
		}

		const last = this.pages.length - 1;
		const page = this.pages[last]!;
		const end = this.free + size - last * pageSize;
		if (end > page.length) {
			// A page starts small and doubles, so a small index stays small.
			let length = page.length * 2;
			while (length < end) {
				length *= 2;
			}

			const grown = new Uint8Array(Math.min(length, pageSize));
			grown.set(page);
			this.pages[last] = grown;
		}

		const block = this.free;
		this.free += size;
		return block;
	}

	private write(chain: number, distance: number): void {
		const length = varintLength(distance);
		let at = this.tail.data[chain]!;
		const block = this.block.data[chain]!;
		const size = this.blockSize.data[chain]!;
		if (at + length > block + size) {
			const next = this.allocate(nextSize(size));
			const page = this.pages[Math.floor(block / pageSize)]!;
			const start = block & pageMask;
			page[start] = next & 0xff;
			page[start + 1] = (next >>> 8) & 0xff;
			page[start + 2] = (next >>> 16) & 0xff;
			page[start + 3] = next >>> 24;
			this.block.data[chain] = next;
			this.blockSize.data[chain] = nextSize(size);
			at = next + 4;
		}

		const page = this.pages[Math.floor(at / pageSize)]!;
		let offset = at & pageMask;
		let rest = distance;
		while (rest >= 0x80) {
			page[offset++] = (rest % 0x80) | 0x80;
			rest = Math.floor(rest / 0x80);
		}

		page[offset++] = rest;
		this.tail.data[chain] = at + length;
	}
}
