import {RecordCollector} from './collect.js';
import {describePlace, errorOffset, errorText} from './json-errors.js';
import {type LinesScan, hasSeveralLines, scanLines} from './parse-lines.js';
import type {Damage, Parsed} from './parsed.js';
import {readDamaged} from './read-damaged.js';
import {readDocument} from './read-document.js';
import {readStream} from './read-stream.js';
import {describeValue, isObject} from './shapes.js';

export type {Damage, Parsed, ParsedKind, ParsedRecord} from './parsed.js';

/** JSON Lines: each line a bare event, a Records batch or an array. */
function readLines(lines: LinesScan, collector: RecordCollector): Parsed {
	const last = lines.results.at(-1);
	let damage: Damage | undefined;
	for (const result of lines.results) {
		const where = `line ${result.line + 1}`;
		if (result.error !== undefined) {
			const message = `${where}: broken JSON: ${result.error}`;
			if (result === last) {
				damage = {message, record: result.line};
			} else {
				collector.note('error', message, result.line);
			}

			continue;
		}

		const value = result.value;
		const records = isObject(value) ? value['Records'] : undefined;
		if (Array.isArray(value)) {
			collector.elements(value);
		} else if (Array.isArray(records)) {
			collector.elements(records);
		} else if (records !== undefined) {
			collector.note(
				'warning',
				`${where}: Records is ${describeValue(records)}, not an array: skipped`,
				result.line,
			);
		} else {
			collector.element(value, undefined, where);
		}
	}

	return {
		kind: 'lines',
		records: collector.records,
		problems: collector.finish(),
		partial: lines.bad > 0,
		...(damage ? {damage} : {}),
	};
}

/**
Read every record a text holds. The whole document is parsed first; when
that fails, JSON Lines; when that fails too, the complete records before the
damage in a Records file. Pretty JSON never reaches the per-line reading
unless most of its lines parse alone, so it gives no per-line errors.
*/
export function parseText(text: string, file: string): Parsed {
	const collector = new RecordCollector(file);
	if (text.search(/\S/) === -1) {
		collector.note('warning', 'empty file');
		return {
			kind: 'empty',
			records: [],
			problems: collector.finish(),
			partial: false,
		};
	}

	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (wholeError: unknown) {
		const lines = hasSeveralLines(text) ? scanLines(text) : undefined;
		if (lines && lines.good > lines.bad) {
			return readLines(lines, collector);
		}

		const recovered =
			readStream(text, collector) ?? readDamaged(text, wholeError, collector);
		if (recovered) {
			return recovered;
		}

		if (lines && lines.good > 0) {
			return readLines(lines, collector);
		}

		const at = errorOffset(wholeError);
		const place = at === undefined ? '' : ` at ${describePlace(text, at)}`;
		return {
			kind: 'broken',
			records: [],
			problems: collector.finish(),
			partial: false,
			damage: {message: `not valid JSON${place}: ${errorText(wholeError)}`},
		};
	}

	return readDocument(document, collector);
}
