import type {TrailEvent} from './types.js';

/**
A top-level field of an event's record. Use it instead of `event.record[…]`
in code that visits every event: an event from the compact store keeps the
fields the detectors read in memory and would otherwise read its whole
file again.
*/
export function recordField(event: TrailEvent, key: string): unknown {
	if (event.readField) {
		return event.readField(key);
	}

	// Own fields only: `toString` is not a field of any record.
	return Object.hasOwn(event.record, key) ? event.record[key] : undefined;
}
