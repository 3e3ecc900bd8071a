import type {RecordCollector} from './collect.js';
import {describePlace, errorText} from './json-errors.js';
import type {Parsed} from './parsed.js';
import {nextEventStart} from './read-damaged.js';
import {skipSpace, skipValue} from './records-scanner.js';
import {isObject} from './shapes.js';

/** True when the text starts with two objects or arrays, one after another. */
function startsWithTwoValues(text: string): boolean {
	const first = skipSpace(text, 0);
	if (text[first] !== '{' && text[first] !== '[') {
		return false;
	}

	const end = skipValue(text, first);
	if (end < 0) {
		return false;
	}

	const second = skipSpace(text, end);
	return text[second] === '{' || text[second] === '[';
}

/** One top-level value of a stream: a Records batch, an array or an event. */
function readValue(value: unknown, where: string, collector: RecordCollector) {
	const records = isObject(value) ? value['Records'] : undefined;
	if (Array.isArray(value)) {
		collector.elements(value);
	} else if (Array.isArray(records)) {
		collector.elements(records);
	} else {
		collector.element(value, undefined, where);
	}
}

/**
Read glued JSON values, `{…}{…}{…}` with nothing or white space between
them, as some Firehose deliveries write: each a bare event or a Records
batch. A damaged value is reported and skipped; reading goes on from the
next event found after it. Undefined when the text is not such a stream.
*/
export function readStream(
	text: string,
	collector: RecordCollector,
): Parsed | undefined {
	if (!startsWithTwoValues(text)) {
		return undefined;
	}

	const resync = nextEventStart(text);
	let partial = false;
	let at = skipSpace(text, 0);
	for (let value = 0; at < text.length; value++) {
		const where = `value ${value}`;
		const end = skipValue(text, at);
		let problem: string | undefined;
		if (end === -1) {
			problem = 'the file ends inside it';
		} else if (end === -2 || (text[at] !== '{' && text[at] !== '[')) {
			problem = 'it is not a complete object';
		} else {
			try {
				readValue(JSON.parse(text.slice(at, end)), where, collector);
			} catch (error: unknown) {
				problem = `broken JSON: ${errorText(error)}`;
			}
		}

		let next = end < 0 ? undefined : skipSpace(text, end);
		if (problem !== undefined) {
			partial = true;
			next = resync(at + 1);
			collector.note(
				'error',
				`${where} of the glued JSON stream at ${describePlace(text, at)}: ${problem}; ${next === undefined ? 'the rest is lost (partial file)' : 'skipped up to the next event'}`,
			);
		}

		if (next === undefined) {
			break;
		}

		at = next;
	}

	return {
		kind: 'lines',
		records: collector.records,
		problems: collector.finish(),
		partial,
	};
}
