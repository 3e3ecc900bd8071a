import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import type {AwsRange} from '../../source/core/types.js';
import {
	bundledRanges,
	parseIpRangesJson,
	type AwsRanges,
} from '../../source/enrich/aws-ranges.js';
import {fixture, projectRoot, sharedData} from '../helpers/paths.js';

const snapshot2018File = fixture('aws-ip-ranges', 'ip-ranges-2018-11-27.json');
const snapshot2018 = () =>
	parseIpRangesJson(
		readFileSync(snapshot2018File, 'utf8'),
		'ip-ranges-2018.json',
	);

function rangesOf(prefixes: object[], ipv6: object[] = []): AwsRanges {
	return parseIpRangesJson(
		JSON.stringify({
			createDate: '2024-01-01-00-00-00',
			prefixes,
			ipv6_prefixes: ipv6,
		}),
		'test.json',
	);
}

test('the bundled ranges are the 2026-08-22 snapshot with all its prefixes', () => {
	const ranges = bundledRanges();
	assert.equal(ranges.createDate, '2026-08-22-15-17-05');
	assert.equal(ranges.syncToken, '1787411825');
	assert.equal(ranges.prefixCount, 10_668 + 6160);
	assert.equal(bundledRanges(), ranges);
});

test('the generated module names its source, date and token in its header', () => {
	const text = readFileSync(
		path.join(projectRoot, 'source', 'enrich', 'aws-ip-ranges-data.ts'),
		'utf8',
	);
	const header = text.slice(0, text.indexOf('*/'));
	assert.match(header, /Source file: ip-ranges\.json/);
	assert.match(header, /createDate: 2026-08-22-15-17-05/);
	assert.match(header, /syncToken: 1787411825/);
	assert.match(header, /AWS's published IP address ranges/);
});

test('flaws2: the Lambda address is AWS EC2 us-east-1, the attacker is outside AWS', () => {
	for (const ranges of [bundledRanges(), snapshot2018()]) {
		assert.deepEqual(ranges.lookup('34.234.236.212'), {
			prefix: '34.224.0.0/12',
			service: 'EC2',
			region: 'us-east-1',
		});
		assert.equal(ranges.lookup('104.102.221.250'), undefined);
	}
});

test('the 2018 snapshot has its own date and prefix count', () => {
	const ranges = snapshot2018();
	assert.equal(ranges.createDate, '2018-11-27-02-33-25');
	assert.equal(ranges.prefixCount, 1306 + 469);
	assert.equal(ranges.file, 'ip-ranges-2018.json');
});

test('a prefix listed for several services answers with the most specific one', () => {
	const ranges = rangesOf([
		{ip_prefix: '3.5.140.0/22', region: 'ap-northeast-2', service: 'AMAZON'},
		{ip_prefix: '3.5.140.0/22', region: 'ap-northeast-2', service: 'EC2'},
		{ip_prefix: '3.5.144.0/22', region: 'ap-northeast-2', service: 'AMAZON'},
		{ip_prefix: '3.5.144.0/22', region: 'ap-northeast-2', service: 'EC2'},
		{ip_prefix: '3.5.144.0/22', region: 'ap-northeast-2', service: 'S3'},
	]);
	assert.equal(ranges.lookup('3.5.141.1')?.service, 'EC2');
	assert.equal(ranges.lookup('3.5.145.1')?.service, 'S3');
	assert.equal(bundledRanges().lookup('3.5.141.1')?.service, 'S3');
});

test('nested prefixes answer with the innermost named service', () => {
	const ranges = rangesOf([
		{ip_prefix: '10.0.0.0/8', region: 'us-east-1', service: 'AMAZON'},
		{ip_prefix: '10.1.0.0/16', region: 'us-east-1', service: 'EC2'},
		{ip_prefix: '10.1.2.0/24', region: 'us-east-1', service: 'AMAZON'},
		{
			ip_prefix: '10.1.3.0/29',
			region: 'us-east-1',
			service: 'EC2_INSTANCE_CONNECT',
		},
	]);
	const at = (ip: string) => {
		const range = ranges.lookup(ip);
		return range && `${range.service} ${range.prefix}`;
	};

	assert.equal(at('10.9.9.9'), 'AMAZON 10.0.0.0/8');
	assert.equal(at('10.1.9.9'), 'EC2 10.1.0.0/16');
	assert.equal(at('10.1.2.9'), 'EC2 10.1.0.0/16');
	assert.equal(at('10.1.3.7'), 'EC2_INSTANCE_CONNECT 10.1.3.0/29');
	assert.equal(at('10.1.3.8'), 'EC2 10.1.0.0/16');
	assert.equal(at('10.255.255.255'), 'AMAZON 10.0.0.0/8');
	assert.equal(at('11.0.0.0'), undefined);
	assert.equal(at('9.255.255.255'), undefined);
});

test('IPv6 and IPv4-mapped addresses are looked up', () => {
	const ranges = rangesOf(
		[{ip_prefix: '34.224.0.0/12', region: 'us-east-1', service: 'EC2'}],
		[
			{ipv6_prefix: '2600:1f18::/33', region: 'us-east-1', service: 'AMAZON'},
			{ipv6_prefix: '2600:1f18::/33', region: 'us-east-1', service: 'EC2'},
			{ipv6_prefix: '2600:1f18:4000::/36', region: 'us-east-1', service: 'S3'},
		],
	);
	assert.equal(ranges.lookup('2600:1f18:1234::1')?.service, 'EC2');
	assert.equal(ranges.lookup('2600:1f18:4abc::1')?.service, 'S3');
	assert.equal(ranges.lookup('2600:1f18:8000::1'), undefined);
	assert.equal(ranges.lookup('::ffff:34.234.236.212')?.service, 'EC2');
	assert.equal(bundledRanges().lookup('2600:f0f0:2::1')?.region, 'us-east-1');
});

test('text that is not a plain address finds nothing', () => {
	const ranges = bundledRanges();
	for (const text of [
		'',
		'support.amazonaws.com',
		'AWS Internal',
		'34.234.236',
		'034.234.236.212',
		'0x22.0xea.0xec.0xd4',
		'584379604',
		'34.234.236.212/32',
		' 34.234.236.212',
		'2600:1f18::zz',
	]) {
		assert.equal(ranges.lookup(text), undefined, text);
	}
});

/** The answer a plain scan of every prefix gives, by the rule the tables encode. */
function scan(
	entries: Array<{net: [ipaddr.IPv4 | ipaddr.IPv6, number]; range: AwsRange}>,
	ip: string,
): AwsRange | undefined {
	const address = ipaddr.parse(ip);
	const rank = (s: string) => (s === 'AMAZON' ? 0 : s === 'EC2' ? 1 : 2);
	const holding = entries
		.filter(({net}) => net[0].kind() === address.kind() && address.match(net))
		.sort((a, b) => b.net[1] - a.net[1]);
	const best = (length: number) =>
		holding
			.filter(({net}) => net[1] === length)
			.reduce((a, b) =>
				rank(b.range.service) > rank(a.range.service) ? b : a,
			);
	const lengths = [...new Set(holding.map(({net}) => net[1]))];
	const named = lengths.map(best).find((e) => rank(e.range.service) > 0);
	return (named ?? (lengths[0] === undefined ? undefined : best(lengths[0])))
		?.range;
}

test('lookups agree with a plain scan of the 2018 snapshot', () => {
	const json = JSON.parse(readFileSync(snapshot2018File, 'utf8')) as {
		prefixes: Array<{ip_prefix: string; service: string; region: string}>;
		ipv6_prefixes: Array<{
			ipv6_prefix: string;
			service: string;
			region: string;
		}>;
	};
	const entries = [
		...json.prefixes.map((p) => ({cidr: p.ip_prefix, ...p})),
		...json.ipv6_prefixes.map((p) => ({cidr: p.ipv6_prefix, ...p})),
	].map((p) => ({
		net: ipaddr.parseCIDR(p.cidr),
		range: {prefix: p.cidr, service: p.service, region: p.region},
	}));
	const ranges = snapshot2018();
	let seed = 7;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	let hits = 0;
	for (let i = 0; i < 400; i++) {
		const {net} = entries[Math.floor(random() * entries.length)]!;
		const bytes = net[0].toByteArray();
		// Keep the network bits, randomise a few host bytes, and sometimes step outside.
		for (let b = bytes.length - 1; b >= bytes.length - 2; b--) {
			bytes[b] = Math.floor(random() * 256);
		}

		if (random() < 0.2) {
			bytes[0] = Math.floor(random() * 224) + 1;
		}

		const ip = ipaddr.fromByteArray(bytes).toString();
		const expected = scan(entries, ip);
		assert.deepEqual(ranges.lookup(ip), expected, ip);
		hits += expected === undefined ? 0 : 1;
	}

	// Both answers and misses were compared.
	assert.ok(hits > 100 && hits < 400, `${hits} hits`);
});

test('the bundled tables answer like the JSON they were made from', (t) => {
	const file = path.join(sharedData, 'aws-ip-ranges', 'ip-ranges.json');
	if (!existsSync(file)) {
		t.skip('the shared data tree is not beside this clone');
		return;
	}

	const fromJson = parseIpRangesJson(
		readFileSync(file, 'utf8'),
		'ip-ranges.json',
	);
	const bundled = bundledRanges();
	assert.equal(fromJson.prefixCount, bundled.prefixCount);
	const json = JSON.parse(readFileSync(file, 'utf8')) as {
		prefixes: Array<{ip_prefix: string}>;
		ipv6_prefixes: Array<{ipv6_prefix: string}>;
	};
	const cidrs = [
		...json.prefixes.map((p) => p.ip_prefix),
		...json.ipv6_prefixes.map((p) => p.ipv6_prefix),
	];
	for (const [i, cidr] of cidrs.entries()) {
		if (i % 7 !== 0) {
			continue;
		}

		const [net, length] = ipaddr.parseCIDR(cidr);
		const first = net.toString();
		const bytes = net.toByteArray();
		const hostBytes = Math.floor((bytes.length * 8 - length) / 8);
		for (let b = bytes.length - hostBytes; b < bytes.length; b++) {
			bytes[b] = 255;
		}

		const last = ipaddr.fromByteArray(bytes).toString();
		assert.deepEqual(bundled.lookup(first), fromJson.lookup(first), first);
		assert.deepEqual(bundled.lookup(last), fromJson.lookup(last), last);
	}
});

test('a bad ip-ranges file gives an error naming the file and the fault', () => {
	const bad = (text: string) => () => parseIpRangesJson(text, 'newer.json');
	assert.throws(bad('{"prefixes": ['), /^Error: newer\.json: not valid JSON/);
	assert.throws(
		bad('{"syncToken": "1"}'),
		/newer\.json: not an AWS ip-ranges\.json/,
	);
	assert.throws(bad('[]'), /newer\.json: not an AWS ip-ranges\.json/);
	assert.throws(
		bad('{"prefixes": [{"ip_prefix": "300.0.0.0/8"}]}'),
		/newer\.json: prefixes\[0\]\.ip_prefix: "300\.0\.0\.0\/8" is not an IPv4 CIDR prefix/,
	);
	assert.throws(
		bad('{"prefixes": [{"ip_prefix": "2600::/32"}]}'),
		/newer\.json: prefixes\[0\]\.ip_prefix/,
	);
	assert.throws(
		bad('{"prefixes": [], "ipv6_prefixes": [{"service": "EC2"}]}'),
		/newer\.json: ipv6_prefixes\[0\]\.ipv6_prefix: missing/,
	);
	assert.throws(
		bad('{"prefixes": [], "ipv6_prefixes": {}}'),
		/newer\.json: "ipv6_prefixes" is not a list/,
	);
});

test('a byte-order mark before the JSON is accepted', () => {
	const ranges = parseIpRangesJson(
		'\uFEFF{"createDate":"x","prefixes":[{"ip_prefix":"1.2.3.0/24","service":"EC2","region":"r"}]}',
		'bom.json',
	);
	assert.equal(ranges.lookup('1.2.3.4')?.service, 'EC2');
});
