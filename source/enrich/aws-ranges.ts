import type {AwsRange} from '../core/types.js';
import {addressKey, parseAddress, type Address} from './address.js';
import * as bundled from './aws-ip-ranges-data.js';
import {readIpRangesJson} from './ip-ranges-json.js';
import {decodeTables} from './range-codec.js';
import {findIn, type RangeTables} from './range-table.js';

export {parseAddress, type Address} from './address.js';

/** AWS's published address space, ready for lookups. */
export interface AwsRanges {
	/** Where an IPv4 or IPv6 address sits; undefined outside AWS or when not an address. */
	lookup(ip: string): AwsRange | undefined;
	/** The same for an address already parsed by `parseAddress`, sparing a second parse. */
	lookupAddress?(address: Address): AwsRange | undefined;
	/** `createDate` of the published file, e.g. `2026-08-22-15-17-05`. */
	createDate: string;
	/** `syncToken` of the published file, when it had one. */
	syncToken?: string;
	/** Prefix records in the file (IPv4 and IPv6, one per service listed). */
	prefixCount: number;
	/** The file the ranges came from, for messages. */
	file?: string;
}

interface Meta {
	createDate: string;
	syncToken?: string;
	prefixCount: number;
	file?: string;
}

function rangesFrom(tables: RangeTables, meta: Meta): AwsRanges {
	const lookupAddress = (address: Address) => {
		const key = addressKey(address);
		return typeof key === 'number'
			? findIn(tables.v4, key)
			: findIn(tables.v6, key);
	};

	// Logs come in runs of calls from one address: remember the last answer.
	// A larger cache costs more than it saves when addresses are all distinct.
	let lastIp: string | undefined;
	let lastRange: AwsRange | undefined;
	const lookup = (ip: string) => {
		if (ip !== lastIp) {
			const address = parseAddress(ip);
			lastRange = address === undefined ? undefined : lookupAddress(address);
			lastIp = ip;
		}

		return lastRange;
	};

	return {...meta, lookupAddress, lookup};
}

/**
Reads an `ip-ranges.json` as AWS publishes it (for `--ip-ranges FILE`).
Throws an error whose message names the file and the fault.
*/
export function parseIpRangesJson(text: string, file: string): AwsRanges {
	const {tables, ...meta} = readIpRangesJson(text, file);
	return rangesFrom(tables, {...meta, file});
}

let cached: AwsRanges | undefined;

/**
The snapshot bundled with trailtui (its source and date are in the header
of `aws-ip-ranges-data.ts`), decoded on first use and kept.
*/
export function bundledRanges(): AwsRanges {
	cached ??= rangesFrom(decodeTables(bundled), {
		createDate: bundled.createDate,
		syncToken: bundled.syncToken,
		prefixCount: bundled.prefixCount,
		file: bundled.sourceFile,
	});
	return cached;
}

/** Ranges that hold no address: for tests, and when none can be loaded. */
export const noRanges: AwsRanges = {
	createDate: '',
	prefixCount: 0,
	lookup: () => undefined,
	lookupAddress: () => undefined,
};
