/**
A small seeded random source for the generator. The benchmark must produce
byte-identical data for a seed, so nothing here may read the clock or
Math.random. The core is mulberry32: 32 bits of state, fast enough for the
tens of millions of draws that a million events need.
*/

const hexDigits = '0123456789abcdef';
const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const mixedAlnum =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [low, high]. */
	between(low: number, high: number): number {
		return low + this.int(high - low + 1);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	private chars(alphabet: string, length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) {
			out += alphabet[this.int(alphabet.length)];
		}

		return out;
	}

	hex(length: number): string {
		return this.chars(hexDigits, length);
	}

	/** Upper-case letters and digits 2–7, as in access key ids. */
	keyChars(length: number): string {
		return this.chars(upperAlnum, length);
	}

	/** Letters of both cases and digits, as in log file name suffixes. */
	alnum(length: number): string {
		return this.chars(mixedAlnum, length);
	}

	/** A UUID-shaped string (version 4 layout). */
	uuid(): string {
		const h = this.hex(32);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
	}
}

/**
Picks among items by weight in O(log n): the cumulative weights are summed
once, so a draw is one binary search.
*/
export class Weighted<T> {
	private readonly items: T[] = [];
	private readonly cumulative: number[] = [];
	private total = 0;

	constructor(entries: ReadonlyArray<readonly [T, number]>) {
		for (const [item, weight] of entries) {
			if (weight > 0) {
				this.total += weight;
				this.items.push(item);
				this.cumulative.push(this.total);
			}
		}

		if (this.items.length === 0) {
			throw new Error('Weighted: no item has a positive weight');
		}
	}

	draw(random: Random): T {
		const target = random.next() * this.total;
		let low = 0;
		let high = this.cumulative.length - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.cumulative[middle]! <= target) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return this.items[low]!;
	}
}
