/**
A small scanner that finds the complete elements of a `Records` array (or
of a top-level array) in JSON that `JSON.parse` rejected, so the records
before the damage can still be read. It matches brackets and knows strings
and escapes; it does not check the elements: each is parsed on its own.
*/

/** Where one complete element sits in the text. */
export interface ElementSpan {
	start: number;
	end: number;
	/**
	Set on text skipped to reach the next record after damage: what was wrong,
	and whether the skipped text stood in the place of a record (it then keeps
	its record number) or lay between two records.
	*/
	skipped?: {damage: string; record: boolean};
}

/** Where the next readable record starts at or after an offset, if anywhere. */
export type Resync = (from: number) => number | undefined;

export interface RecordsScan {
	/** A `Records` array (or a top-level array) was reached. */
	found: boolean;
	elements: ElementSpan[];
	/** The array closed with `]`: the damage, if any, is after it. */
	closed: boolean;
	/** Offset where the array's structure broke, when it did. */
	damageAt?: number;
	/** What broke there, e.g. `the file ends inside record 3`. */
	damage?: string;
}

const quote = 0x22;
const backslash = 0x5c;

export function skipSpace(text: string, at: number): number {
	let i = at;
	for (; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
			break;
		}
	}

	return i;
}

/** The offset after a string's closing quote, or -1 when none follows. */
function skipString(text: string, open: number): number {
	for (let from = open + 1; ;) {
		const close = text.indexOf('"', from);
		if (close === -1) {
			return -1;
		}

		let slashes = 0;
		while (text.charCodeAt(close - 1 - slashes) === backslash) {
			slashes++;
		}

		if (slashes % 2 === 0) {
			return close + 1;
		}

		from = close + 1;
	}
}

/**
The offset after the value that starts at `at`; -1 when the text ends
first; -2 when a closing bracket does not match.
*/
export function skipValue(text: string, at: number): number {
	const first = text.charCodeAt(at);
	if (first === quote) {
		return skipString(text, at);
	}

	if (first !== 0x7b && first !== 0x5b) {
		let i = at;
		while (i < text.length && !',]}'.includes(text[i]!)) {
			i++;
		}

		return i === text.length ? -1 : i;
	}

	const closers: number[] = [];
	for (let i = at; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === quote) {
			i = skipString(text, i) - 1;
			if (i < 0) {
				return -1;
			}
		} else if (code === 0x7b || code === 0x5b) {
			closers.push(code + 2);
		} else if (code === 0x7d || code === 0x5d) {
			if (closers.pop() !== code) {
				return -2;
			}

			if (closers.length === 0) {
				return i + 1;
			}
		}
	}

	return -1;
}

/** Find the offset just inside the top-level `Records` array, if reachable. */
function findRecordsArray(text: string): number | undefined {
	let at = skipSpace(text, 0);
	if (text[at] === '[') {
		return at + 1;
	}

	if (text[at] !== '{') {
		return undefined;
	}

	at = skipSpace(text, at + 1);
	while (text[at] === '"') {
		const keyEnd = skipString(text, at);
		if (keyEnd < 0) {
			return undefined;
		}

		const key = text.slice(at + 1, keyEnd - 1);
		at = skipSpace(text, keyEnd);
		if (text[at] !== ':') {
			return undefined;
		}

		at = skipSpace(text, at + 1);
		if (key === 'Records' && text[at] === '[') {
			return at + 1;
		}

		const end = skipValue(text, at);
		if (end < 0) {
			return undefined;
		}

		at = skipSpace(text, end);
		if (text[at] !== ',') {
			return undefined;
		}

		at = skipSpace(text, at + 1);
	}

	return undefined;
}

/**
Scan the `Records` array element by element until it ends or breaks. With
`resync`, a break is skipped instead: the scan goes on from the next record
it finds, so one damaged record does not cost the ones after it.
*/
export function scanRecords(text: string, resync?: Resync): RecordsScan {
	const scan: RecordsScan = {found: false, elements: [], closed: false};
	const inside = findRecordsArray(text);
	if (inside === undefined) {
		return scan;
	}

	scan.found = true;
	let at = skipSpace(text, inside);
	if (text[at] === ']') {
		scan.closed = true;
		return scan;
	}

	for (let index = 0; ; index++) {
		// Messages count records from 1, as the problem's own prefix does.
		const number = index + 1;
		const end = skipValue(text, at);
		const next = end === -2 ? resync?.(at + 1) : undefined;
		if (next !== undefined) {
			const damage = `brackets do not match in record ${number}`;
			scan.elements.push({
				start: at,
				end: next,
				skipped: {damage, record: true},
			});
			at = next;
			continue;
		}

		if (end < 0) {
			scan.damageAt = end === -1 ? text.length : at;
			scan.damage =
				end === -1
					? `the file ends inside record ${number}`
					: `brackets do not match in record ${number}`;
			return scan;
		}

		scan.elements.push({start: at, end});
		at = skipSpace(text, end);
		if (text[at] === ']') {
			scan.closed = true;
			return scan;
		}

		const after =
			text[at] === ',' || at === text.length ? undefined : resync?.(at);
		if (after !== undefined) {
			const damage =
				after === at
					? `missing ',' between record ${number} and record ${number + 1}`
					: `unexpected text after record ${number}`;
			scan.elements.push({
				start: at,
				end: after,
				skipped: {damage, record: false},
			});
			at = after;
			continue;
		}

		if (text[at] !== ',') {
			scan.damageAt = at;
			scan.damage =
				at === text.length
					? `the file ends after record ${number}`
					: `expected ',' or ']' after record ${number}`;
			return scan;
		}

		at = skipSpace(text, at + 1);
	}
}
