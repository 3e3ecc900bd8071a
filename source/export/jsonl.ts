import type {TrailEvent} from '../core/types.js';
import {terminalSafeJson} from '../report/json-lines.js';

/**
JSON Lines export: each event's original record, untouched, one per line.
The characters a terminal must not receive raw (C1 controls, bidi and
zero-width characters) are written as `\u` escapes, which JSON reads back as
the same characters, so each line parses to exactly the record that was
loaded.
*/
export function* jsonLines(events: Iterable<TrailEvent>): Generator<string> {
	for (const event of events) {
		yield terminalSafeJson(event.record) + '\n';
	}
}
