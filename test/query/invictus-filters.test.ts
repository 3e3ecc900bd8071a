import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Dataset} from '../../source/core/types.js';
import {latestTime, parseFilter} from '../../source/query/filter.js';
import {openDataset} from '../../source/pipeline.js';
import {fixture} from '../helpers/paths.js';

/**
Address-range and time filters on the Invictus hour (the files of
../shared/data/invictus, copied unchanged into test/fixtures/invictus),
checked against counts worked out here from the raw records alone: read
with zlib and JSON.parse, addresses compared as 32-bit numbers, times as
Date.parse milliseconds. The numbers are pinned too, so that a change in
the loader or the filter that moves them is seen.
*/

const folder = fixture('invictus', 'CloudTrail');

interface Raw {
	sourceIPAddress?: unknown;
	eventTime?: unknown;
}

function rawRecords(): Raw[] {
	const records: Raw[] = [];
	for (const name of fs.readdirSync(folder).sort()) {
		let bytes = fs.readFileSync(path.join(folder, name));
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
			bytes = zlib.gunzipSync(bytes);
		}

		const parsed = JSON.parse(bytes.toString('utf8')) as {Records: Raw[]};
		records.push(...parsed.Records);
	}

	return records;
}

/** A dotted IPv4 address as a number, or undefined for anything else. */
function ipv4(text: unknown): number | undefined {
	if (typeof text !== 'string') {
		return undefined;
	}

	const parts = text.split('.');
	if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) {
		return undefined;
	}

	return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

function inRange(text: unknown, cidr: string): boolean {
	const [base, bits] = cidr.split('/');
	const address = ipv4(text);
	const start = ipv4(base)!;
	const size = 2 ** (32 - Number(bits));
	return (
		address !== undefined &&
		Math.floor(address / size) === Math.floor(start / size)
	);
}

const records = rawRecords();
const time = (record: Raw): number => Date.parse(String(record.eventTime));
const newest = Math.max(...records.map((record) => time(record)));
const at = (text: string): number => Date.parse(text);
const count = (keep: (record: Raw) => boolean): number =>
	records.filter((record) => keep(record)).length;

let dataset: Promise<Dataset> | undefined;
async function kept(text: string): Promise<number> {
	dataset ??= openDataset([folder]);
	const {events} = await dataset;
	const parsed = parseFilter(text, {latest: latestTime(events)});
	assert.ok(parsed.ok, parsed.ok ? '' : `${text}: ${parsed.error}`);
	return events.filter((event) => parsed.filter.test(event)).length;
}

/** [filter, the count from the raw records, the pinned count]. */
const rangeCases: Array<[string, number, number]> = [
	[
		'ip=192.168.10.0/24',
		count((r) => inRange(r.sourceIPAddress, '192.168.10.0/24')),
		2154,
	],
	[
		'ip:10.0.0.0/8',
		count((r) => inRange(r.sourceIPAddress, '10.0.0.0/8')),
		372,
	],
	[
		'ip=10.248.0.0/13',
		count((r) => inRange(r.sourceIPAddress, '10.248.0.0/13')),
		89,
	],
	['ip=10.8.8.10/32', count((r) => r.sourceIPAddress === '10.8.8.10'), 281],
	[
		'ip!=10.0.0.0/8',
		count((r) => !inRange(r.sourceIPAddress, '10.0.0.0/8')),
		2528,
	],
	[
		'ip in (3.225.16.0/24, 52.45.0.0/16)',
		count(
			(r) =>
				inRange(r.sourceIPAddress, '3.225.16.0/24') ||
				inRange(r.sourceIPAddress, '52.45.0.0/16'),
		),
		21,
	],
	['ip=0.0.0.0/0', count((r) => ipv4(r.sourceIPAddress) !== undefined), 2547],
	// The hour holds no IPv6 address: an IPv6 range matches none.
	['ip=::/0', count((r) => String(r.sourceIPAddress).includes(':')), 0],
];

const timeCases: Array<[string, number, number]> = [
	[
		'time>=2023-07-10T12:00',
		count((r) => time(r) >= at('2023-07-10T12:00:00Z')),
		2102,
	],
	[
		'time<2023-07-10T11:50Z',
		count((r) => time(r) < at('2023-07-10T11:50:00Z')),
		82,
	],
	[
		'time:2023-07-10T12:10..2023-07-10T12:20',
		count(
			(r) =>
				time(r) >= at('2023-07-10T12:10:00Z') &&
				time(r) < at('2023-07-10T12:21:00Z'),
		),
		371,
	],
	[
		'time=2023-07-10T12',
		count(
			(r) =>
				time(r) >= at('2023-07-10T12:00:00Z') &&
				time(r) < at('2023-07-10T13:00:00Z'),
		),
		2102,
	],
	['last 30m', count((r) => time(r) >= newest - 30 * 60_000), 1760],
	['last 90s', count((r) => time(r) >= newest - 90_000), 1],
	['time<=newest-45m', count((r) => time(r) <= newest - 45 * 60_000), 84],
	[
		'ip:10.0.0.0/8 and last 30m',
		count(
			(r) =>
				inRange(r.sourceIPAddress, '10.0.0.0/8') &&
				time(r) >= newest - 30 * 60_000,
		),
		290,
	],
];

test('the Invictus hour loads every raw record once', async () => {
	assert.equal(records.length, 2900);
	assert.equal(await kept(''), records.length);
});

test('address ranges keep exactly the records whose address is in them', async () => {
	for (const [text, independent, pinned] of rangeCases) {
		assert.equal(independent, pinned, `${text}: raw count`);
		assert.equal(await kept(text), independent, text);
	}
});

test('time filters keep exactly the records in their span', async () => {
	for (const [text, independent, pinned] of timeCases) {
		assert.equal(independent, pinned, `${text}: raw count`);
		assert.equal(await kept(text), independent, text);
	}
});
