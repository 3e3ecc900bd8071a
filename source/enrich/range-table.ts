import type {AwsRange} from '../core/types.js';

/**
AWS publishes overlapping prefixes: `34.224.0.0/12` as AMAZON and again as
EC2, and small EC2_INSTANCE_CONNECT blocks inside larger EC2 ones. To answer
a lookup with one binary search, the prefixes are flattened once into sorted,
non-overlapping intervals, each already holding the answer for every address
inside it.
*/

/** One published prefix, with its network as an unsigned integer. */
export interface PrefixEntry {
	network: bigint;
	length: number;
	/** Address width: 32 or 128. */
	bits: 32 | 128;
	prefix: string;
	service: string;
	region: string;
}

interface Interval {
	start: bigint;
	end: bigint;
	range: AwsRange;
}

/**
AMAZON is the catch-all list that holds every other service's prefixes; EC2
is the next broadest (many services run on its addresses). Any other named
service is the most telling answer.
*/
function serviceRank(service: string): number {
	if (service === 'AMAZON') {
		return 0;
	}

	return service === 'EC2' ? 1 : 2;
}

interface Node {
	start: bigint;
	end: bigint;
	best: AwsRange;
}

/** Same prefix listed for several services: keep the most specific service. */
function mergeDuplicates(entries: readonly PrefixEntry[]): Node[] {
	const byKey = new Map<string, Node>();
	for (const entry of entries) {
		const key = `${entry.network}/${entry.length}`;
		const size = 1n << BigInt(entry.bits - entry.length);
		const range: AwsRange = {
			prefix: entry.prefix,
			service: entry.service,
			region: entry.region,
		};
		const seen = byKey.get(key);
		if (seen === undefined) {
			const start = entry.network;
			byKey.set(key, {start, end: start + size - 1n, best: range});
		} else if (serviceRank(entry.service) > serviceRank(seen.best.service)) {
			seen.best = range;
		}
	}

	return [...byKey.values()].sort((a, b) =>
		a.start === b.start ? Number(b.end - a.end) : a.start < b.start ? -1 : 1,
	);
}

/**
Flattens nested prefixes (CIDR blocks are either nested or disjoint) with a
stack: the innermost open prefix answers for each stretch, except that an
inner AMAZON-only prefix defers to an enclosing named service.
*/
function flatten(nodes: readonly Node[]): Interval[] {
	const out: Interval[] = [];
	const stack: Node[] = [];
	let cursor = 0n;
	const emit = (start: bigint, end: bigint, range: AwsRange) => {
		if (start > end) {
			return;
		}

		const last = out.at(-1);
		if (last !== undefined && last.range === range && last.end + 1n === start) {
			last.end = end;
		} else {
			out.push({start, end, range});
		}
	};

	const closeUntil = (limit: bigint | undefined) => {
		for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
			if (limit !== undefined && top.end >= limit) {
				return;
			}

			stack.pop();
			emit(cursor, top.end, top.best);
			cursor = top.end + 1n;
		}
	};

	for (const node of nodes) {
		closeUntil(node.start);
		const parent = stack.at(-1);
		if (parent !== undefined) {
			emit(cursor, node.start - 1n, parent.best);
			if (
				serviceRank(node.best.service) === 0 &&
				serviceRank(parent.best.service) > 0
			) {
				node.best = parent.best;
			}
		}

		cursor = node.start;
		stack.push(node);
	}

	closeUntil(undefined);
	return out;
}

/** Sorted, non-overlapping intervals of one address family. */
export interface FamilyTable<K> {
	starts: K[];
	ends: K[];
	ranges: AwsRange[];
}

/** IPv4 intervals keyed by the address as a number. */
export function buildIpv4Table(
	entries: readonly PrefixEntry[],
): FamilyTable<number> {
	const intervals = flatten(mergeDuplicates(entries));
	return {
		starts: intervals.map((i) => Number(i.start)),
		ends: intervals.map((i) => Number(i.end)),
		ranges: intervals.map((i) => i.range),
	};
}

function hex128(value: bigint): string {
	return value.toString(16).padStart(32, '0');
}

/** IPv6 intervals keyed by 32 hex digits (sorting like the numbers): no BigInt work per lookup. */
export function buildIpv6Table(
	entries: readonly PrefixEntry[],
): FamilyTable<string> {
	const intervals = flatten(mergeDuplicates(entries));
	return {
		starts: intervals.map((i) => hex128(i.start)),
		ends: intervals.map((i) => hex128(i.end)),
		ranges: intervals.map((i) => i.range),
	};
}

/** Both families' tables: what the bundled module stores and lookups search. */
export interface RangeTables {
	v4: FamilyTable<number>;
	v6: FamilyTable<string>;
}

/** Flattens prefix records of both families into search tables. */
export function buildTables(entries: readonly PrefixEntry[]): RangeTables {
	return {
		v4: buildIpv4Table(entries.filter((e) => e.bits === 32)),
		v6: buildIpv6Table(entries.filter((e) => e.bits === 128)),
	};
}

/** The range holding `key`, by binary search for the last start <= key. */
export function findIn<K extends number | string>(
	table: FamilyTable<K>,
	key: K,
): AwsRange | undefined {
	let low = 0;
	let high = table.starts.length - 1;
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		if ((table.starts[mid] as K) <= key) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}

	if (found < 0 || key > (table.ends[found] as K)) {
		return undefined;
	}

	return table.ranges[found];
}
