import {bareWords} from './filter-clause.js';
import {shortFieldNames} from './filter-fields.js';
import {recordPaths, type ValueSource} from './complete-values.js';
import {quoteValue} from './quote-value.js';
import {escapeQuoted, unescapePartial} from './quoted-text.js';

/**
Tab completion in the filter prompt, as pure functions: what is being typed
at the caret (a field name, or a value after an operator or in a list) and
what could complete it. Values come from the logs, most frequent first,
counted once per field (see createValueCache), never per keystroke.
*/

export {
	completionValues,
	createValueCache,
	recordPaths,
	type ValueSource,
} from './complete-values.js';

export interface Candidate {
	/** The text as it completes the query (a value quoted if it must be). */
	insert: string;
	/** The text as shown in the list of candidates. */
	label: string;
	/** How many events have the value. */
	count?: number;
}

export interface CompletionSpot {
	kind: 'field' | 'value';
	/** The field whose value is typed. */
	field?: string;
	/** The span of the draft the completion replaces. */
	start: number;
	end: number;
	/** What is typed there, quotes removed. */
	partial: string;
	/** Set when the partial starts with a quote that is still open. */
	quoted: boolean;
	/** After a value, not inside a list: a space goes after a sole candidate. */
	spaceAfter: boolean;
	candidates: Candidate[];
	/** Why there are no candidates, when none. */
	note?: string;
}

const name = String.raw`[A-Za-z_$@][\w.[\]$@-]*`;
/** A value being typed: an open quoted one, or bare characters. */
const partialValue = String.raw`("(?:[^"\\]|\\.)*|[^\s"(),]*)`;
const afterOperator = new RegExp(
	String.raw`(${name})\s*(?:!=|!~|>=|<=|=|~|:|>|<)\s*${partialValue}$`,
);
const inList = new RegExp(
	String.raw`(${name})\s+(?:not\s+)?in\s*\((?:\s*(?:"(?:[^"\\]|\\.)*"|[^\s"(),]+)\s*,)*\s*${partialValue}$`,
	'i',
);
/** How much of the draft before the caret completion reads. */
const lookBehind = 2000;
const fieldStart = new RegExp(String.raw`(?:^|[\s(!])(${name})?$`);

/** The text of a partial value: quotes and escapes removed. */
function unquote(partial: string): {text: string; quoted: boolean} {
	if (!partial.startsWith('"')) {
		return {text: partial, quoted: false};
	}

	return {text: unescapePartial(partial.slice(1)), quoted: true};
}

const startsWith = (text: string, prefix: string): boolean =>
	text.toLowerCase().startsWith(prefix.toLowerCase());

/** Where the token under the caret ends: its characters after the caret. */
function tokenEnd(text: string, caret: number, chars: RegExp): number {
	let end = caret;
	while (end < text.length && chars.test(text[end]!)) {
		end++;
	}

	return end;
}

/**
Where an open quoted value under the caret ends: after its closing quote,
or at the end of the text when it has none.
*/
function quotedEnd(text: string, caret: number): number {
	for (let i = caret; i < text.length; i++) {
		if (text[i] === '\\') {
			i++;
		} else if (text[i] === '"') {
			return i + 1;
		}
	}

	return text.length;
}

/** Words that join or negate clauses: Tab never replaces one. */
const keywords: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in']);

/**
The candidates for a word whose `rest` goes on after the caret: only those
the whole word starts, so that completing replaces the word with one of
them; none when the word starts no candidate (it is no partial name or
value, a keyword for example), so Tab never rewrites what it does not
complete.
*/
function fitting(
	candidates: Candidate[],
	partial: string,
	rest: string,
): {candidates: Candidate[]; note?: string} {
	if (rest === '') {
		return {candidates};
	}

	const word = partial + rest;
	const kept = candidates.filter((c) => startsWith(c.label, word));
	return kept.length > 0
		? {candidates: kept}
		: {
				candidates: [],
				note: `Tab completes the word at the cursor: nothing starts with “${word}”`,
			};
}

function valueSpot(
	text: string,
	caret: number,
	match: RegExpExecArray,
	list: boolean,
	values: ValueSource,
): CompletionSpot {
	const field = match[1]!;
	const raw = match[2] ?? '';
	const {text: partial, quoted} = unquote(raw);
	const start = caret - raw.length;
	const end = quoted
		? quotedEnd(text, caret)
		: tokenEnd(text, caret, /[^\s"(),]/);
	const after = text.slice(caret, end);
	const rest = quoted ? unescapePartial(after.replace(/"$/, '')) : after;
	const spot = {
		kind: 'value' as const,
		field,
		start,
		end: caret,
		partial,
		quoted,
		spaceAfter: !list,
	};
	if (raw.startsWith('/')) {
		return {
			...spot,
			candidates: [],
			note: 'No completion for a regular expression',
		};
	}

	const counted = values(field);
	if (counted === undefined) {
		return {
			...spot,
			candidates: [],
			note: `No values to complete for ${field}: type it in full`,
		};
	}

	const all = counted
		.filter(({value}) => startsWith(value, partial))
		.map(({value, count}) => ({
			insert: quoteValue(value),
			label: value,
			...(count > 0 ? {count} : {}),
		}));
	const {candidates, note} = fitting(all, partial, rest);
	return {
		...spot,
		// The word after the caret goes only with a candidate it starts.
		end: candidates.length > 0 ? end : caret,
		candidates,
		...(candidates.length === 0
			? {
					note:
						note ?? `No value of ${field} in the logs starts with “${partial}”`,
				}
			: {}),
	};
}

/**
What is being typed at the caret and its candidates, or undefined where
nothing completes (after `last`, inside a regular expression).
*/
export function completionAt(
	text: string,
	caret: number,
	values: ValueSource,
): CompletionSpot | undefined {
	// The clause at the caret is all that matters; a bound on what the
	// patterns look at keeps a huge paste from costing them quadratic time.
	const before = text.slice(Math.max(0, caret - lookBehind), caret);
	const listed = inList.exec(before);
	if (listed) {
		return valueSpot(text, caret, listed, true, values);
	}

	const compared = afterOperator.exec(before);
	if (compared) {
		return valueSpot(text, caret, compared, false, values);
	}

	const typed = fieldStart.exec(before);
	if (!typed || /\blast\s+$/i.test(before)) {
		return undefined;
	}

	const partial = typed[1] ?? '';
	const end = tokenEnd(text, caret, /[\w.[\]$@-]/);
	const rest = text.slice(caret, end);
	const spot = {
		kind: 'field' as const,
		start: caret - partial.length,
		end: caret,
		partial,
		quoted: false,
	};
	const word = partial + rest;
	if (rest !== '' && keywords.has(word.toLowerCase())) {
		return {
			...spot,
			spaceAfter: false,
			candidates: [],
			note: `“${word}” is a keyword: Tab completes field names and values`,
		};
	}

	const words = [...new Set([...shortFieldNames, ...bareWords])];
	const pool = partial === '' ? words : [...words, ...recordPaths];
	const {candidates, note} = fitting(
		pool
			.filter((name) => startsWith(name, partial))
			.map((name) => ({insert: name, label: name})),
		partial,
		rest,
	);
	return {
		...spot,
		end: candidates.length > 0 ? end : caret,
		spaceAfter:
			candidates.length === 1 && bareWords.includes(candidates[0]!.insert),
		candidates,
		...(candidates.length === 0
			? {
					note:
						note ??
						`No field starts with “${partial}”: a path into the record works typed in full`,
				}
			: {}),
	};
}

/** The longest prefix all the labels share, in any case (the first's case). */
export function commonPrefix(labels: readonly string[]): string {
	const [first = ''] = labels;
	let length = first.length;
	for (const label of labels.slice(1)) {
		let same = 0;
		while (
			same < length &&
			same < label.length &&
			first[same]!.toLowerCase() === label[same]!.toLowerCase()
		) {
			same++;
		}

		length = same;
	}

	return first.slice(0, length);
}

/**
The text that stands for a value's first characters in a query: bare when it
reads back as itself, else an open quote that the next Tab or the person
closes.
*/
export function partialInsert(prefix: string, quoted: boolean): string {
	const full = quoteValue(prefix);
	if (!quoted && !full.startsWith('"')) {
		return full;
	}

	return `"${escapeQuoted(prefix)}`;
}
