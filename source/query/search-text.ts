import {recordField} from '../core/record-field.js';
import {visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';

/**
The text of an event that search looks at: what a person sees in the table
and the detail view, made visible (so a search for `\x1b` finds an escape
shown as `\x1b`), field by field.
*/

export const searchFields = [
	'eventName',
	'principal',
	'source',
	'userAgent',
	'region',
	'errorCode',
	'accessKeyId',
	'eventId',
	'values',
] as const;

export type SearchField = (typeof searchFields)[number];

export type SearchDoc = Record<SearchField, string>;

/**
The parts of a record whose values are flattened into `values`: what the
call asked, what it answered, and the rest of its detail.
*/
const valueParts = [
	'errorMessage',
	'requestParameters',
	'responseElements',
	'additionalEventData',
	'resources',
	'serviceEventDetails',
	'tlsDetails',
];

/**
Flattening stops here: a 660 KB record (BR-23) has about that much text, and
a hostile file could hold far more. Text past the cap is not searched.
*/
export const maxFlatText = 4 * 1024 * 1024;

/**
Where the values are read from: through `recordField`, so that an event of
the compact store answers from memory where it can (see store/record-parts).
*/
export function valueSourceOf(event: TrailEvent): (part: string) => unknown {
	return (part) => recordField(event, part);
}

/**
Every string, number and boolean under the value parts, each made visible,
walked without recursion so that deep nesting cannot overflow the stack.
They are counted as if joined by spaces: the walk stops once that reaches
`cap` characters and the last value is cut at the cap.
*/
export function valueTexts(event: TrailEvent, cap = maxFlatText): string[] {
	const out: string[] = [];
	let size = 0;
	const source = valueSourceOf(event);
	const stack: unknown[] = valueParts.map(source).reverse();
	while (stack.length > 0 && size < cap) {
		const value = stack.pop();
		let text: string | undefined;
		if (typeof value === 'string') {
			text = value;
		} else if (typeof value === 'number' || typeof value === 'boolean') {
			text = String(value);
		} else if (Array.isArray(value)) {
			for (let i = value.length - 1; i >= 0; i--) {
				stack.push(value[i]);
			}
		} else if (value !== null && typeof value === 'object') {
			const values = Object.values(value);
			for (let i = values.length - 1; i >= 0; i--) {
				stack.push(values[i]);
			}
		}

		if (text !== undefined) {
			out.push(
				visible(size + text.length > cap ? text.slice(0, cap - size) : text),
			);
			size += text.length + 1;
		}
	}

	return out;
}

/**
The values as one text, joined by spaces: the same characters as searched,
for highlighting.
*/
export function flattenValues(event: TrailEvent, cap = maxFlatText): string {
	return valueTexts(event, cap).join(' ');
}

/** The visible text of each field except `values`. */
export function fieldTexts(event: TrailEvent): Omit<SearchDoc, 'values'> {
	return {
		eventName: visible(event.eventName),
		principal: visible(event.principal.label),
		source: visible(event.source.raw ?? ''),
		userAgent: visible(event.userAgent ?? ''),
		region: visible(event.region),
		errorCode: visible(event.errorCode ?? ''),
		accessKeyId: visible(event.principal.accessKeyId ?? ''),
		eventId: visible(event.eventId ?? ''),
	};
}
