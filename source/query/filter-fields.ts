import type {TrailEvent} from '../core/types.js';
import {severityOrder} from '../core/types.js';
import {boundedJson} from '../core/bounded-json.js';
import {recordField} from '../core/record-field.js';

/**
The fields a filter clause can name. Short names cover what people look for
in a table of events; any other name is read as a path into the original
record (`requestParameters.bucketName`, `resources.ARN`,
`resources[0].ARN`), so nothing in a record is out of reach.
*/

export type FieldKind =
	'text' | 'ip' | 'time' | 'severity' | 'bool' | 'flag' | 'outcome';

export interface FieldDef {
	/** The name as the user typed it, for error messages. */
	name: string;
	kind: FieldKind;
	/** Every value the event has for the field; a clause matches any. */
	values(event: TrailEvent): string[];
}

type Getter = (event: TrailEvent) => Array<string | undefined>;

const shortFields: Array<[string[], FieldKind, Getter]> = [
	[['eventName', 'event', 'name'], 'text', (e) => [e.eventName]],
	[
		['principal', 'who'],
		'text',
		(e) => [
			e.principal.label,
			e.principal.arn,
			e.principal.userName,
			e.principal.roleName,
			e.principal.sessionName,
		],
	],
	[
		['ip', 'source', 'sourceipaddress', 'address'],
		'ip',
		(e) => [e.source.raw, e.source.ip],
	],
	[['region', 'awsregion'], 'text', (e) => [e.region]],
	[['error', 'errorcode'], 'text', (e) => [e.errorCode]],
	[['message', 'errormessage'], 'text', (e) => [e.errorMessage]],
	[['ua', 'useragent', 'agent'], 'text', (e) => [e.userAgent]],
	[['key', 'accesskeyid'], 'text', (e) => [e.principal.accessKeyId]],
	[['role'], 'text', (e) => [e.principal.roleName]],
	[['user', 'username'], 'text', (e) => [e.principal.userName]],
	[['session'], 'text', (e) => [e.principal.sessionName]],
	[
		['account', 'accountid'],
		'text',
		(e) => [
			e.principal.accountId,
			stringAt(recordField(e, 'recipientAccountId')),
		],
	],
	[['type'], 'text', (e) => [e.principal.type, e.eventType]],
	[
		['service', 'eventsource'],
		'text',
		(e) => [e.eventSource, e.eventSource.replace(/\.amazonaws\.com$/, '')],
	],
	[['outcome'], 'outcome', (e) => [e.outcome]],
	[['console'], 'bool', (e) => [String(e.console)]],
	[['flag', 'flags'], 'flag', (e) => e.flags.map((f) => f.id)],
	[['severity'], 'severity', (e) => [topSeverity(e)]],
	[['time', 'eventtime'], 'time', (e) => [e.timeText]],
	[['id', 'eventid'], 'text', (e) => [e.eventId]],
	[['file'], 'text', (e) => [e.file]],
	// The bare words with a value: `flagged=false`, `denied=true`.
	[['flagged'], 'bool', (e) => [String(e.flags.length > 0)]],
	[['denied'], 'bool', (e) => [String(e.outcome === 'denied')]],
];

const byName = new Map<string, {kind: FieldKind; get: Getter}>();
for (const [names, kind, get] of shortFields) {
	for (const name of names) {
		byName.set(name.toLowerCase(), {kind, get});
	}
}

/** The names of the short fields, for help texts and completion. */
export const shortFieldNames: readonly string[] = shortFields.map(
	([names]) => names[0]!,
);

/** True for a short field name or alias (any case), false for a path. */
export function isShortField(name: string): boolean {
	return byName.has(name.toLowerCase());
}

function stringAt(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** The highest severity among the event's flags, or undefined. */
export function topSeverity(event: TrailEvent): string | undefined {
	let top = -1;
	for (const flag of event.flags) {
		top = Math.max(top, severityOrder.indexOf(flag.severity));
	}

	return top < 0 ? undefined : severityOrder[top];
}

/** The record's top-level key a path starts with (`a` of `a.b[0].c`). */
export function topKey(path: string): string | undefined {
	return pathSegments(path)[0];
}

/** `a.b[0].c` → ['a', 'b', '0', 'c']. */
function pathSegments(path: string): string[] {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter((s) => s !== '');
}

const maxObjectText = 10_000;

function leafText(value: unknown): string | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (value === null) {
		return 'null';
	}

	if (typeof value === 'object') {
		// Bounded: a record nested thousands deep must not overflow the stack.
		return boundedJson(value, maxObjectText);
	}

	return String(value);
}

/**
The values at a path. Arrays on the way are searched element by element, so
`resources.ARN` finds the ARN of every resource.
*/
/**
The record's top-level field a path starts with, alone in an object: read
through `recordField`, so a filter on `requestParameters.bucketName` does
not read every file again.
*/
function topField(event: TrailEvent, path: string): Record<string, unknown> {
	const [first] = pathSegments(path);
	if (first === undefined) {
		return {};
	}

	const value = recordField(event, first);
	return value === undefined ? {} : {[first]: value};
}

export function valuesAtPath(record: unknown, path: string): string[] {
	let current: unknown[] = [record];
	for (const segment of pathSegments(path)) {
		const next: unknown[] = [];
		for (const value of current) {
			if (Array.isArray(value)) {
				if (/^\d+$/.test(segment)) {
					next.push(value[Number(segment)]);
				} else {
					for (const item of value) {
						if (
							item !== null &&
							typeof item === 'object' &&
							!Array.isArray(item)
						) {
							next.push((item as Record<string, unknown>)[segment]);
						}
					}
				}
			} else if (value !== null && typeof value === 'object') {
				if (Object.hasOwn(value, segment)) {
					next.push((value as Record<string, unknown>)[segment]);
				}
			}
		}

		current = next;
	}

	return current.flatMap((value) => {
		const text = leafText(value);
		return text === undefined ? [] : [text];
	});
}

/** The field a name refers to: a short name (any case) or a record path. */
export function resolveField(name: string): FieldDef {
	const short = byName.get(name.toLowerCase());
	if (short) {
		return {
			name,
			kind: short.kind,
			values: (event) =>
				short
					.get(event)
					.filter((v): v is string => v !== undefined && v !== ''),
		};
	}

	return {
		name,
		kind: 'text',
		values: (event) => valuesAtPath(topField(event, name), name),
	};
}
