/**
JSON text of a record value (for filter comparisons, or an odd field shown as
text), written without recursion. `JSON.stringify` recurses once per level of nesting, so a record
holding thousands of nested arrays (a hostile or broken log) overflows the
stack and the whole filter throws. Here nesting past `maxDepth` is written as
`…` and the text stops at `maxChars`: a value that deep or that long is cut
short, and a filter on what was cut does not match.
*/

export const maxJsonDepth = 100;

type Frame = {
	/** The entries still to write, as [key or undefined, value]. */
	entries: Array<[string | undefined, unknown]>;
	next: number;
	close: string;
};

function scalar(value: unknown): string | undefined {
	if (value === null) {
		return 'null';
	}

	switch (typeof value) {
		case 'string': {
			return JSON.stringify(value);
		}

		case 'number': {
			return Number.isFinite(value) ? String(value) : 'null';
		}

		case 'boolean': {
			return String(value);
		}

		case 'object': {
			return undefined;
		}

		default: {
			// Functions, symbols, undefined and bigints do not come from JSON.
			return 'null';
		}
	}
}

function open(value: object): [string, Frame] {
	if (Array.isArray(value)) {
		const entries = value.map((item): [undefined, unknown] => [
			undefined,
			item,
		]);
		return ['[', {entries, next: 0, close: ']'}];
	}

	const entries = Object.entries(value).filter(
		([, item]) => item !== undefined,
	);
	return ['{', {entries, next: 0, close: '}'}];
}

/** Compact JSON of `value`, cut at `maxDepth` levels and `maxChars` characters. */
export function boundedJson(
	value: unknown,
	maxChars: number,
	maxDepth = maxJsonDepth,
): string {
	const first = scalar(value);
	if (first !== undefined) {
		return first.slice(0, maxChars);
	}

	const out: string[] = [];
	let size = 0;
	const write = (text: string) => {
		out.push(text);
		size += text.length;
	};

	const [openText, frame] = open(value as object);
	write(openText);
	const stack: Frame[] = [frame];
	while (stack.length > 0 && size < maxChars) {
		const top = stack.at(-1)!;
		if (top.next >= top.entries.length) {
			write(top.close);
			stack.pop();
			continue;
		}

		const [key, item] = top.entries[top.next]!;
		write(top.next > 0 ? ',' : '');
		top.next++;
		if (key !== undefined) {
			write(`${JSON.stringify(key)}:`);
		}

		const text = scalar(item);
		if (text !== undefined) {
			write(text);
		} else if (stack.length >= maxDepth) {
			write('…');
		} else {
			const [nestedOpen, nested] = open(item as object);
			write(nestedOpen);
			stack.push(nested);
		}
	}

	return out.join('').slice(0, maxChars);
}
