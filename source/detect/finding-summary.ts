import type {TrailEvent} from '../core/types.js';
import {listSome} from './rules/event-groups.js';

/**
How a finding is worded: who made its calls, from where, and when, in the
one line the triage view and `--report` show under its title.
*/

/** Who made a call, as a finding names it: `role level1`, `alice`. */
export function whoOf(event: TrailEvent): string {
	const {roleName, label} = event.principal;
	return roleName ? `role ${roleName}` : label;
}

/** The distinct values, in the order first met. */
export function distinct(values: Iterable<string | undefined>): string[] {
	const seen = new Set<string>();
	for (const value of values) {
		if (value !== undefined && value !== '') {
			seen.add(value);
		}
	}

	return [...seen];
}

/** The address a finding names: an IP, or the AWS service that called. */
function addressOf(event: TrailEvent): string | undefined {
	const {source} = event;
	switch (source.kind) {
		case 'public':
		case 'private':
			return source.ip ?? source.raw;
		case 'aws-service':
			return source.raw;
		default:
			return undefined;
	}
}

function hms(time: number): string {
	return new Date(time).toISOString().slice(11, 19);
}

function day(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** `23:04:54–23:09:28`; with dates when the span crosses midnight (UTC). */
export function spanOf(first: number, last: number): string {
	if (!Number.isFinite(first) || !Number.isFinite(last)) {
		return 'at an unknown time';
	}

	if (first === last) {
		return hms(first);
	}

	return day(first) === day(last)
		? `${hms(first)}–${hms(last)}`
		: `${day(first)} ${hms(first)} – ${day(last)} ${hms(last)}`;
}

/** `ListObjects, ListImages and 2 more by role level1 from 104.…, 23:04:54–23:06:33` */
export function summaryOf(
	events: readonly TrailEvent[],
	identity: string,
): string {
	const names = listSome(
		distinct(events.map((event) => event.eventName || '—')),
		2,
	);
	const addresses = distinct(events.map(addressOf));
	const from = addresses.length > 0 ? ` from ${listSome(addresses, 1)}` : '';
	const first = events[0]!.time;
	const last = events.at(-1)!.time;
	return `${names} by ${identity}${from}, ${spanOf(first, last)}`;
}
