import type {AwsRange} from '../core/types.js';
import type {FamilyTable, RangeTables} from './range-table.js';

/**
The text form of the search tables that the bundled module holds, so the
program starts without reading the 2.6 MB JSON or redoing the flattening.
`answers` has one line per distinct answer (`prefix service region`, the
last two as indexes into `services` and `regions`); `ipv4` and `ipv6` one
line per interval (`start end answer`). Starts and ends are hex; a start's
trailing zeros and an end's trailing `f`s are dropped, as CIDR blocks have
long runs of them, and restored by padding.
*/
export interface EncodedTables {
	services: readonly string[];
	regions: readonly string[];
	answers: string;
	ipv4: string;
	ipv6: string;
}

function trimEnd(hex: string, char: string): string {
	let end = hex.length;
	while (end > 1 && hex[end - 1] === char) {
		end--;
	}

	return hex.slice(0, end);
}

function indexIn(list: string[], value: string): number {
	const i = list.indexOf(value);
	return i >= 0 ? i : list.push(value) - 1;
}

/** The tables as text, for tools/make-aws-ranges.mjs. */
export function encodeTables(tables: RangeTables): EncodedTables {
	const services: string[] = [];
	const regions: string[] = [];
	const answerIndex = new Map<AwsRange, number>();
	const answers: string[] = [];
	const answerOf = (range: AwsRange) => {
		let i = answerIndex.get(range);
		if (i === undefined) {
			i = answers.length;
			answerIndex.set(range, i);
			const service = indexIn(services, range.service);
			answers.push(
				`${range.prefix} ${service} ${indexIn(regions, range.region)}`,
			);
		}

		return i;
	};

	const family = <K>(table: FamilyTable<K>, hex: (key: K) => string) =>
		table.starts
			.map((start, i) => {
				const from = trimEnd(hex(start), '0');
				const to = trimEnd(hex(table.ends[i] as K), 'f');
				return `${from} ${to} ${answerOf(table.ranges[i] as AwsRange)}`;
			})
			.join('\n');
	const ipv4 = family(tables.v4, (n) => n.toString(16).padStart(8, '0'));
	const ipv6 = family(tables.v6, (s) => s);
	return {services, regions, answers: answers.join('\n'), ipv4, ipv6};
}

function lines(text: string): string[] {
	return text.split('\n').filter((line) => line !== '');
}

function decodeFamily<K>(
	text: string,
	answers: readonly AwsRange[],
	key: (hex: string, pad: string) => K,
): FamilyTable<K> {
	const table: FamilyTable<K> = {starts: [], ends: [], ranges: []};
	for (const line of lines(text)) {
		const [from = '', to = '', answer = ''] = line.split(' ');
		const range = answers[Number(answer)];
		if (range === undefined) {
			throw new Error(`bundled AWS ranges: bad interval "${line}"`);
		}

		table.starts.push(key(from, '0'));
		table.ends.push(key(to, 'f'));
		table.ranges.push(range);
	}

	return table;
}

/** The search tables from their text form. */
export function decodeTables(data: EncodedTables): RangeTables {
	const answers: AwsRange[] = lines(data.answers).map((line) => {
		const [prefix = '', service = '', region = ''] = line.split(' ');
		return {
			prefix,
			service: data.services[Number(service)] ?? 'AMAZON',
			region: data.regions[Number(region)] ?? 'GLOBAL',
		};
	});
	return {
		v4: decodeFamily(data.ipv4, answers, (hex, pad) =>
			Number.parseInt(hex.padEnd(8, pad), 16),
		),
		v6: decodeFamily(data.ipv6, answers, (hex, pad) => hex.padEnd(32, pad)),
	};
}
