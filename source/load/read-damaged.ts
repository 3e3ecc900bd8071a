import type {RecordCollector} from './collect.js';
import {describePlace, errorOffset, errorText, plural} from './json-errors.js';
import type {Damage, Parsed} from './parsed.js';
import {scanRecords} from './records-scanner.js';

/** Recover the complete records before the damage in a broken Records file. */
export function readDamaged(
	text: string,
	wholeError: unknown,
	collector: RecordCollector,
): Parsed | undefined {
	const scan = scanRecords(text);
	if (!scan.found) {
		return undefined;
	}

	let damage: Damage | undefined;
	for (const [index, span] of scan.elements.entries()) {
		let value: unknown;
		try {
			value = JSON.parse(text.slice(span.start, span.end));
		} catch (error: unknown) {
			const at = span.start + (errorOffset(error) ?? 0);
			damage = {
				message: `broken JSON in record ${index} at ${describePlace(text, at)}: ${errorText(error)}`,
				record: index,
			};
			break;
		}

		collector.element(value);
	}

	const kept = collector.records.length;
	if (!damage && scan.closed) {
		const at = errorOffset(wholeError) ?? text.length;
		damage = {
			message: `broken JSON after the Records array at ${describePlace(text, at)}: ${errorText(wholeError)}; all ${plural(kept, 'record')} kept`,
		};
		return {
			kind: 'records',
			records: collector.records,
			problems: collector.finish(),
			partial: false,
			damage,
		};
	}

	if (!damage) {
		const at = errorOffset(wholeError) ?? scan.damageAt ?? text.length;
		damage = {
			message: `${scan.damage ?? 'broken JSON'} at ${describePlace(text, at)}: ${errorText(wholeError)}`,
			record: scan.elements.length,
		};
	}

	damage.message += `; kept the ${plural(kept, 'record')} before it (partial file)`;
	return {
		kind: 'records',
		records: collector.records,
		problems: collector.finish(),
		partial: true,
		damage,
	};
}
