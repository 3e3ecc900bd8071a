import type {RecordCollector} from './collect.js';
import {describePlace, errorOffset, errorText, plural} from './json-errors.js';
import type {Damage, Parsed} from './parsed.js';
import {
	type ElementSpan,
	type Resync,
	scanRecords,
	skipValue,
} from './records-scanner.js';
import {isObject, looksLikeEvent} from './shapes.js';

/** Candidate starts tried per resync: bounds the cost of a garbled stretch. */
const maxCandidates = 1000;

/**
A resync for the scanner: the next `{` that opens a complete object which
parses and carries an event field. Objects nested in a damaged record
(`userIdentity`, `resources`) carry none, so they are passed over.
*/
export function nextEventStart(text: string): Resync {
	return (from) => {
		let at = text.indexOf('{', from);
		for (let tried = 0; at !== -1 && tried < maxCandidates; tried++) {
			const end = skipValue(text, at);
			if (end === -1) {
				// No object opened from here closes before the text ends.
				return undefined;
			}

			if (end > 0) {
				try {
					const value: unknown = JSON.parse(text.slice(at, end));
					if (isObject(value) && looksLikeEvent(value)) {
						return at;
					}
				} catch {
					// Not a record: try the next brace.
				}
			}

			at = text.indexOf('{', at + 1);
		}

		return undefined;
	};
}

/** What reading one element cost: nothing, the JSON's form, or data. */
export type ElementOutcome = 'read' | 'damaged' | 'lost';

/**
Read one scanned element into the collector. A damaged record keeps its
number, so the message points at the right one; a missing comma loses
nothing, so the file is not partial for it.
*/
export function readElement(
	text: string,
	span: ElementSpan,
	collector: RecordCollector,
): ElementOutcome {
	const place = describePlace(text, span.start);
	if (span.skipped) {
		const empty = span.start === span.end;
		const message = `${span.skipped.damage} at ${place}: ${empty ? 'read on' : 'skipped up to the next record'}`;
		if (span.skipped.record) {
			collector.unreadable(message);
		} else {
			collector.note('error', message, collector.count);
		}

		return empty ? 'damaged' : 'lost';
	}

	let value: unknown;
	try {
		value = JSON.parse(text.slice(span.start, span.end));
	} catch (error: unknown) {
		const at = span.start + (errorOffset(error) ?? 0);
		collector.unreadable(
			`broken JSON at ${describePlace(text, at)}: ${errorText(error)}; skipped, the records after it are read`,
		);
		return 'lost';
	}

	collector.element(value);
	return 'read';
}

/**
Recover every complete record of a broken Records file: a damaged record is
reported and skipped, the records after it still read, up to where the text
ends or cannot be followed any more.
*/
export function readDamaged(
	text: string,
	wholeError: unknown,
	collector: RecordCollector,
): Parsed | undefined {
	const scan = scanRecords(text, nextEventStart(text));
	if (!scan.found) {
		return undefined;
	}

	let damaged = 0;
	let lost = false;
	for (const span of scan.elements) {
		const outcome = readElement(text, span, collector);
		damaged += outcome === 'read' ? 0 : 1;
		lost ||= outcome === 'lost';
	}

	const kept = collector.records.length;
	const result = (damage: Damage | undefined, partial: boolean): Parsed => ({
		kind: 'records',
		records: collector.records,
		problems: collector.finish(),
		partial,
		...(damage ? {damage} : {}),
	});
	if (scan.closed && damaged > 0) {
		return result(undefined, lost);
	}

	if (scan.closed) {
		const at = errorOffset(wholeError) ?? text.length;
		return result(
			{
				message: `broken JSON after the Records array at ${describePlace(text, at)}: ${errorText(wholeError)}; all ${plural(kept, 'record')} kept`,
			},
			false,
		);
	}

	const at =
		damaged > 0
			? (scan.damageAt ?? text.length)
			: (errorOffset(wholeError) ?? scan.damageAt ?? text.length);
	const reason = damaged > 0 ? '' : `: ${errorText(wholeError)}`;
	return result(
		{
			message: `${scan.damage ?? 'broken JSON'} at ${describePlace(text, at)}${reason}; kept the ${plural(kept, 'record')} before it (partial file)`,
			record: collector.count,
		},
		true,
	);
}
