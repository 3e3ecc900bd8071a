import {severityOrder, type TrailEvent} from '../core/types.js';
import {bareWords} from './filter-clause.js';
import {flagIds} from './filter-choices.js';
import {isShortField, resolveField, shortFieldNames} from './filter-fields.js';
import {countValues, type ValueCount} from './field-values.js';
import {quoteValue} from './quote-value.js';
import {escapeQuoted, unescapePartial} from './quoted-text.js';

/**
Tab completion in the filter prompt, as pure functions: what is being typed
at the caret (a field name, or a value after an operator or in a list) and
what could complete it. Values come from the logs, most frequent first,
counted once per field (see createValueCache), never per keystroke.
*/

/** A field's values for completion, or undefined when it offers none. */
export type ValueSource = (field: string) => readonly ValueCount[] | undefined;

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

/**
Paths into a CloudTrail record worth offering beside the short fields (any
other path works too, typed in full).
*/
export const recordPaths: readonly string[] = [
	'requestParameters',
	'responseElements',
	'additionalEventData',
	'resources.ARN',
	'resources.type',
	'userIdentity.type',
	'userIdentity.arn',
	'userIdentity.accountId',
	'userIdentity.principalId',
	'userIdentity.invokedBy',
	'userIdentity.sessionContext.sessionIssuer.userName',
	'userIdentity.sessionContext.attributes.mfaAuthenticated',
	'eventType',
	'eventCategory',
	'readOnly',
	'managementEvent',
	'recipientAccountId',
	'vpcEndpointId',
	'tlsDetails.clientProvidedHostHeader',
	'sessionCredentialFromConsole',
	'sharedEventID',
	'requestID',
];

/** Fixed lists of values, for fields whose values are few and known. */
function knownValues(field: string): readonly string[] {
	switch (resolveField(field).kind) {
		case 'severity':
			return [...severityOrder].reverse();
		case 'outcome':
			return ['success', 'denied', 'error'];
		case 'bool':
			return ['true', 'false'];
		case 'flag':
			return flagIds;
		default:
			return [];
	}
}

/**
The values to offer for a field: those in the events, most frequent first,
then the known ones no event has. None for times and event ids (each event
has its own) and for record paths (a path may need every file read again).
*/
export function completionValues(
	events: readonly TrailEvent[],
	field: string,
): ValueCount[] | undefined {
	const lower = field.toLowerCase();
	const kind = resolveField(field).kind;
	if (kind === 'time' || lower === 'id' || lower === 'eventid') {
		return undefined;
	}

	if (!isShortField(field)) {
		return undefined;
	}

	const counted = countValues(events, field).values;
	const seen = new Set(counted.map((value) => value.value.toLowerCase()));
	const known = knownValues(field)
		.filter((value) => !seen.has(value))
		.map((value) => ({value, count: 0}));
	return [...counted, ...known];
}

/** completionValues, worked out once per field of a list of events. */
export function createValueCache(events: readonly TrailEvent[]): ValueSource {
	const cache = new Map<string, ValueCount[] | undefined>();
	return (field) => {
		const key = field.toLowerCase();
		if (!cache.has(key)) {
			cache.set(key, completionValues(events, field));
		}

		return cache.get(key);
	};
}

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
	const end = quoted ? caret : tokenEnd(text, caret, /[^\s"(),]/);
	const spot = {
		kind: 'value' as const,
		field,
		start,
		end,
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

	const candidates = counted
		.filter(({value}) => startsWith(value, partial))
		.map(({value, count}) => ({
			insert: quoteValue(value),
			label: value,
			...(count > 0 ? {count} : {}),
		}));
	return {
		...spot,
		candidates,
		...(candidates.length === 0
			? {note: `No value of ${field} in the logs starts with “${partial}”`}
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
	const words = [...shortFieldNames, ...bareWords];
	const pool = partial === '' ? words : [...words, ...recordPaths];
	const candidates = pool
		.filter((word) => startsWith(word, partial))
		.map((word) => ({insert: word, label: word}));
	return {
		kind: 'field',
		start: caret - partial.length,
		end: tokenEnd(text, caret, /[\w.[\]$@-]/),
		partial,
		quoted: false,
		spaceAfter:
			candidates.length === 1 && bareWords.includes(candidates[0]!.insert),
		candidates,
		...(candidates.length === 0
			? {
					note: `No field starts with “${partial}”: a path into the record works typed in full`,
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
