import type {TrailEvent} from '../../core/types.js';
import {isObject, type Fields} from '../../normalise/principal-fields.js';
import {recordField} from '../../core/record-field.js';

/**
Defensive readers for the parts of a record that requests carry, shared by
the change flags: every field may be missing, of another type, or spelt
with another case (services log `bucketName`, `BucketName` or
`DeleteFlowLogsRequest` as they please), and none of that may throw. Plus
an index of events by key, built once, for the flags that link one change
to an earlier one.
*/

/** `requestParameters`, when it is an object. */
export function requestOf(event: TrailEvent): Fields | undefined {
	const value = recordField(event, 'requestParameters');
	return isObject(value) ? value : undefined;
}

/** `responseElements`, when it is an object. */
export function responseOf(event: TrailEvent): Fields | undefined {
	const value = recordField(event, 'responseElements');
	return isObject(value) ? value : undefined;
}

/**
A field whatever its case: services log `bucketName`, `BucketName` or
`DeleteFlowLogsRequest` as they please.
*/
export function field(fields: unknown, name: string): unknown {
	if (!isObject(fields)) {
		return undefined;
	}

	if (name in fields) {
		return fields[name];
	}

	const wanted = name.toLowerCase();
	const key = Object.keys(fields).find((k) => k.toLowerCase() === wanted);
	return key === undefined ? undefined : fields[key];
}

/** A non-empty string field whatever its case; a one-item list counts. */
export function textField(fields: unknown, name: string): string | undefined {
	let value = field(fields, name);
	if (Array.isArray(value) && value.length === 1) {
		value = value[0];
	}

	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A value as a list: lists stay, one value becomes a list of one. */
export function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) {
		return value;
	}

	return value === undefined || value === null ? [] : [value];
}

/** EC2 logs lists as `{items: […]}`; others as plain lists. */
export function items(value: unknown): unknown[] {
	const inner = field(value, 'items');
	return inner === undefined ? asList(value) : asList(inner);
}

/** `true`, `"true"`, `false`, `"false"`, or undefined. */
export function flagValue(value: unknown): boolean | undefined {
	const inner = isObject(value) ? field(value, 'value') : value;
	if (inner === true || inner === 'true' || inner === 'True') {
		return true;
	}

	return inner === false || inner === 'false' || inner === 'False'
		? false
		: undefined;
}

const indexes = new WeakMap<
	readonly TrailEvent[],
	Map<string, Map<string, TrailEvent[]>>
>();

/**
The events grouped under the keys `keysOf` gives them, built once per event
list and index name, so that a flag can find "the earlier change to this
bucket" without scanning every event each time it is raised.
*/
export function eventIndex(
	events: readonly TrailEvent[],
	name: string,
	keysOf: (event: TrailEvent) => readonly string[],
): Map<string, TrailEvent[]> {
	let byName = indexes.get(events);
	if (!byName) {
		byName = new Map();
		indexes.set(events, byName);
	}

	let index = byName.get(name);
	if (!index) {
		index = new Map();
		for (const event of events) {
			for (const key of keysOf(event)) {
				const list = index.get(key);
				if (list) {
					list.push(event);
				} else {
					index.set(key, [event]);
				}
			}
		}

		byName.set(name, index);
	}

	return index;
}
