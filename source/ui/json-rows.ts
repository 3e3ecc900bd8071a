/**
The detail view's pretty-printer. JSON.stringify recurses once per level of
nesting, so a record nested a few thousand levels deep (an attacker chooses
requestParameters) overflows the stack. This printer stops descending at
`maxDepth` and prints what is below as compact JSON, built with a stack of
its own and cut at `compactBudget` characters, so any record prints at a
bounded depth and cost.
*/

/** One printed row: its nesting level and its text (not yet made safe). */
export interface JsonRow {
	depth: number;
	text: string;
}

export const maxDepth = 100;
const compactBudget = 200;

function isContainer(value: unknown): value is object {
	return typeof value === 'object' && value !== null;
}

/**
A container's members: an array's elements with no key, an object's
entries without the values JSON leaves out (undefined, functions).
*/
function entriesOf(value: object): Array<[string | undefined, unknown]> {
	if (Array.isArray(value)) {
		return value.map((element): [undefined, unknown] => [undefined, element]);
	}

	return Object.entries(value).filter(
		([, element]) =>
			element !== undefined &&
			typeof element !== 'function' &&
			typeof element !== 'symbol',
	);
}

function scalar(value: unknown): string {
	return JSON.stringify(value) ?? 'null';
}

/**
`value` as compact JSON, at most about `budget` characters; `cut` says
whether text was left out.
*/
export function compactJson(
	value: unknown,
	budget: number,
): {text: string; cut: boolean} {
	let text = '';
	// Pending work, last first: text to append or a value to expand.
	const pending: Array<{text: string} | {value: unknown}> = [{value}];
	while (pending.length > 0) {
		if (text.length >= budget) {
			return {text: text.slice(0, budget), cut: true};
		}

		const next = pending.pop()!;
		if ('text' in next) {
			text += next.text;
			continue;
		}

		const item = next.value;
		if (!isContainer(item)) {
			text += scalar(item);
			continue;
		}

		const array = Array.isArray(item);
		const entries = entriesOf(item);
		text += array ? '[' : '{';
		pending.push({text: array ? ']' : '}'});
		for (let index = entries.length - 1; index >= 0; index--) {
			const [key, element] = entries[index]!;
			pending.push({value: element});
			if (key !== undefined) {
				pending.push({text: `${JSON.stringify(key)}:`});
			}

			if (index > 0) {
				pending.push({text: ','});
			}
		}
	}

	return {text, cut: false};
}

function print(
	value: unknown,
	depth: number,
	head: string,
	tail: string,
	rows: JsonRow[],
): void {
	if (!isContainer(value)) {
		rows.push({depth, text: head + scalar(value) + tail});
		return;
	}

	const array = Array.isArray(value);
	const entries = entriesOf(value);
	const [open, close] = array ? ['[', ']'] : ['{', '}'];
	if (entries.length === 0) {
		rows.push({depth, text: head + open + close + tail});
		return;
	}

	if (depth >= maxDepth) {
		const {text, cut} = compactJson(value, compactBudget);
		const note = cut
			? ` … (nested deeper than ${maxDepth} levels: shown compact and cut)`
			: '';
		rows.push({depth, text: head + text + note + tail});
		return;
	}

	rows.push({depth, text: head + open});
	for (const [index, [key, element]] of entries.entries()) {
		const label = key === undefined ? '' : `${JSON.stringify(key)}: `;
		const comma = index < entries.length - 1 ? ',' : '';
		print(element, depth + 1, label, comma, rows);
	}

	rows.push({depth, text: close + tail});
}

/**
The rows of `value` pretty-printed as JSON.stringify(value, undefined, 2)
would print them, down to `maxDepth` levels.
*/
export function jsonRows(value: unknown): JsonRow[] {
	const rows: JsonRow[] = [];
	print(value, 0, '', '', rows);
	return rows;
}
