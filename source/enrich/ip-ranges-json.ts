import ipaddr from 'ipaddr.js';
import {addressValue} from './address.js';
import {
	buildTables,
	type PrefixEntry,
	type RangeTables,
} from './range-table.js';

/**
Reads AWS's `ip-ranges.json` into search tables. Used at run time for
`--ip-ranges FILE` and by tools/make-aws-ranges.mjs to build the bundled
module, so both answer every lookup the same way. It imports no bundled data.
*/

/** What an `ip-ranges.json` yields. */
export interface ParsedRanges {
	tables: RangeTables;
	createDate: string;
	syncToken?: string;
	/** Prefix records in the file, IPv4 and IPv6, one per service listed. */
	prefixCount: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One prefix record; throws a message that says where it is and what is wrong. */
function prefixEntry(
	record: unknown,
	field: 'ip_prefix' | 'ipv6_prefix',
	where: string,
): PrefixEntry {
	const cidr = isObject(record) ? record[field] : undefined;
	const bad = (why: string) =>
		new Error(`${where}.${field}: ${JSON.stringify(cidr) ?? 'missing'} ${why}`);
	if (typeof cidr !== 'string') {
		throw bad('is not a CIDR prefix');
	}

	let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
	try {
		parsed =
			field === 'ipv6_prefix'
				? ipaddr.IPv6.parseCIDR(cidr)
				: ipaddr.IPv4.parseCIDR(cidr);
	} catch {
		throw bad(`is not an IPv${field === 'ipv6_prefix' ? 6 : 4} CIDR prefix`);
	}

	const [address, length] = parsed;
	const bits = field === 'ipv6_prefix' ? 128 : 32;
	const hostBits = BigInt(bits - length);
	const service = isObject(record) ? record['service'] : undefined;
	const region = isObject(record) ? record['region'] : undefined;
	return {
		network: (addressValue(address) >> hostBits) << hostBits,
		length,
		bits,
		prefix: cidr,
		service: typeof service === 'string' ? service : 'AMAZON',
		region: typeof region === 'string' ? region : 'GLOBAL',
	};
}

const families = [
	['prefixes', 'ip_prefix'],
	['ipv6_prefixes', 'ipv6_prefix'],
] as const;

/**
Parses the text of an `ip-ranges.json`. Throws an error naming the file and
the fault: not JSON, no `prefixes` list, or a record that is not a prefix of
the family it is listed under.
*/
export function readIpRangesJson(text: string, file: string): ParsedRanges {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`${file}: not valid JSON (${reason})`, {cause: error});
	}

	if (!isObject(json) || !Array.isArray(json['prefixes'])) {
		throw new Error(`${file}: not an AWS ip-ranges.json (no "prefixes" list)`);
	}

	const entries: PrefixEntry[] = [];
	for (const [listKey, field] of families) {
		const list = json[listKey] ?? [];
		if (!Array.isArray(list)) {
			throw new Error(`${file}: "${listKey}" is not a list`);
		}

		for (const [i, record] of list.entries()) {
			entries.push(prefixEntry(record, field, `${file}: ${listKey}[${i}]`));
		}
	}

	const createDate = json['createDate'];
	const syncToken = json['syncToken'];
	return {
		tables: buildTables(entries),
		createDate: typeof createDate === 'string' ? createDate : '',
		...(typeof syncToken === 'string' ? {syncToken} : {}),
		prefixCount: entries.length,
	};
}
