/**
Narrowing a list by typed text, for the values picker: the entries equal
to the text come first, then those that start with it, those that hold it,
and those that hold its letters in order (`lsb` finds `ListBuckets`), each
group in the list's own order (most frequent first). One pass over lower-cased copies made once per list, so a field
with 100,000 distinct values still answers at every key; at most `limit`
entries are kept and the rest only counted.
*/

export interface Narrowed<T> {
	rows: readonly T[];
	/** Matching entries left out past the limit. */
	more: number;
}

/** Lower-cased texts of a list, made once per list. */
const lowered = new WeakMap<readonly unknown[], string[]>();

function lowerOf<T>(items: readonly T[], text: (item: T) => string): string[] {
	let lower = lowered.get(items);
	if (lower === undefined) {
		lower = items.map((item) => text(item).toLowerCase());
		lowered.set(items, lower);
	}

	return lower;
}

/** True when the letters of `query` appear in `text` in order. */
export function isSubsequence(query: string, text: string): boolean {
	let at = 0;
	for (const char of query) {
		at = text.indexOf(char, at);
		if (at < 0) {
			return false;
		}

		at += char.length;
	}

	return true;
}

let last:
	| {items: readonly unknown[]; query: string; limit: number; result: unknown}
	| undefined;

export function narrow<T>(
	items: readonly T[],
	text: (item: T) => string,
	query: string,
	limit = 1000,
): Narrowed<T> {
	const wanted = query.trim().toLowerCase();
	if (wanted === '') {
		return {
			rows: items.slice(0, limit),
			more: Math.max(items.length - limit, 0),
		};
	}

	// The reducer and the frame ask for the same answer: keep the last one.
	if (last?.items === items && last.query === wanted && last.limit === limit) {
		return last.result as Narrowed<T>;
	}

	const lower = lowerOf(items, text);
	// Whole, then starting with the text, then holding it, then its letters.
	const tiers: T[][] = [[], [], [], []];
	let found = 0;
	for (const [index, item] of items.entries()) {
		const candidate = lower[index]!;
		const at = candidate.indexOf(wanted);
		const tier =
			at < 0
				? isSubsequence(wanted, candidate)
					? 3
					: -1
				: at > 0
					? 2
					: candidate.length === wanted.length
						? 0
						: 1;
		if (tier >= 0) {
			found++;
			if (tiers[tier]!.length < limit) {
				tiers[tier]!.push(item);
			}
		}
	}

	const rows = tiers.flat().slice(0, limit);
	const result: Narrowed<T> = {rows, more: found - rows.length};
	last = {items, query: wanted, limit, result};
	return result;
}
