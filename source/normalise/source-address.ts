import ipaddr from 'ipaddr.js';
import type {RawRecord, SourceInfo} from '../core/types.js';
import {visible} from '../core/safe-text.js';
import {parseAddress, type AwsRanges} from '../enrich/aws-ranges.js';

/**
`sourceIPAddress` is not always an address: AWS writes the calling service's
host name (`cloudformation.amazonaws.com`), `AWS Internal`, or nothing. A
host name must never be taken for a public, non-AWS address, or every
service call would look like a stolen credential used from outside AWS.
*/

/** Ranges that no caller on the internet can come from. */
const nonRoutable = new Set<string>([
	'unspecified',
	'broadcast',
	'multicast',
	'linkLocal',
	'loopback',
	'carrierGradeNat',
	'private',
	'reserved',
	'uniqueLocal',
	'deprecatedSiteLocal',
	'discard',
	'benchmarking',
	'deprecatedOrchid',
	'orchid2',
	'segmentRouting',
]);

/**
The documentation ranges (RFC 5737, RFC 3849) sit inside ipaddr.js's
`reserved` ranges. Anonymised logs and this project's test cases use them in
place of real public addresses, so they count as public.
*/
const documentation: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [
	ipaddr.parseCIDR('192.0.2.0/24'),
	ipaddr.parseCIDR('198.51.100.0/24'),
	ipaddr.parseCIDR('203.0.113.0/24'),
	ipaddr.parseCIDR('2001:db8::/32'),
];

function isDocumentation(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
	return documentation.some(
		([net, bits]) => net.kind() === address.kind() && address.match(net, bits),
	);
}

function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
	return !nonRoutable.has(address.range()) || isDocumentation(address);
}

const serviceHost = /^[a-z\d][a-z\d.-]*\.amazonaws\.com(?:\.cn)?$/i;

/** Services whose calls log the service's name instead of the caller's address. */
const serviceNotes: Record<string, string> = {
	'appstream.amazonaws.com': 'caller IP not recorded (AppStream proxy)',
};

/** The address part of a classification, shared by every record with the same text. */
type AddressPart = Omit<SourceInfo, 'vpcEndpointId'>;

const cache = new Map<string, AddressPart>();
const cacheLimit = 50_000;

function classifyText(raw: string, ranges: AwsRanges): AddressPart {
	const text = raw.trim();
	if (text === '') {
		return {kind: 'missing', raw};
	}

	if (text.toLowerCase() === 'aws internal') {
		return {kind: 'aws-internal', raw};
	}

	if (serviceHost.test(text)) {
		const service = text.toLowerCase();
		const note = serviceNotes[service];
		return {kind: 'aws-service', raw, service, ...(note ? {note} : {})};
	}

	const address = parseAddress(text);
	if (address === undefined) {
		return {kind: 'other', raw};
	}

	const ipVersion = address.kind() === 'ipv4' ? 4 : 6;
	const ip = address.toString();
	if (!isPublic(address)) {
		return {kind: 'private', raw, ipVersion, ip};
	}

	const aws = ranges.lookupAddress
		? ranges.lookupAddress(address)
		: ranges.lookup(ip);
	return {kind: 'public', raw, ipVersion, ip, ...(aws ? {aws} : {})};
}

const missing: AddressPart = {kind: 'missing', raw: undefined};

/** Caches per ranges object: `--ip-ranges` may swap them between runs in one process. */
let cacheOwner: AwsRanges | undefined;

function cachedPart(value: string, ranges: AwsRanges): AddressPart {
	if (cacheOwner !== ranges) {
		cache.clear();
		cacheOwner = ranges;
	}

	let hit = cache.get(value);
	if (hit === undefined) {
		hit = classifyText(value, ranges);
		if (cache.size >= cacheLimit) {
			cache.clear();
		}

		cache.set(value, hit);
	}

	return hit;
}

/** What `sourceIPAddress` holds, and where a public address sits. */
export function classifySource(
	record: RawRecord,
	ranges: AwsRanges,
): SourceInfo {
	const value = record['sourceIPAddress'];
	const endpoint = record['vpcEndpointId'];
	let part: AddressPart;
	if (value === undefined || value === null) {
		part = missing;
	} else if (typeof value === 'string') {
		part = cachedPart(value, ranges);
	} else {
		part = {kind: 'other', raw: JSON.stringify(value).slice(0, 200)};
	}

	// Every key present, so that all events share one object shape.
	return {
		kind: part.kind,
		raw: part.raw,
		ipVersion: part.ipVersion,
		ip: part.ip,
		vpcEndpointId:
			typeof endpoint === 'string' && endpoint !== '' ? endpoint : undefined,
		aws: part.aws,
		service: part.service,
		note: part.note,
	};
}

function awsText(info: SourceInfo): string {
	const aws = info.aws;
	if (aws === undefined) {
		return 'outside AWS';
	}

	const service = aws.service === 'AMAZON' ? '' : ` ${aws.service}`;
	return `AWS${service} ${aws.region}`;
}

/** The source as a person reads it, e.g. `34.234.236.212 (AWS EC2 us-east-1)`. Safe for the terminal. */
export function sourceLabel(info: SourceInfo): string {
	const vpce = info.vpcEndpointId ? `, ${visible(info.vpcEndpointId)}` : '';
	const raw = visible(info.raw ?? '');
	switch (info.kind) {
		case 'public': {
			return `${info.ip ?? raw} (${awsText(info)}${vpce})`;
		}

		case 'private': {
			return `${info.ip ?? raw} (private${vpce})`;
		}

		case 'aws-service': {
			const note = info.note ? ` — ${info.note}` : '';
			return `${raw} (AWS service)${note}`;
		}

		case 'aws-internal': {
			return 'AWS internal';
		}

		case 'missing': {
			return '—';
		}

		default: {
			return `${raw} (not an address)`;
		}
	}
}

const hints: Record<SourceInfo['kind'], string> = {
	public: 'ext',
	private: 'priv',
	'aws-service': 'svc',
	'aws-internal': 'int',
	missing: '—',
	other: '?',
};

/** A short tag for the table's source column: `AWS`, `ext`, `priv`, `svc`, `int`, `—`, `?`. */
export function sourceHint(info: SourceInfo): string {
	return info.kind === 'public' && info.aws ? 'AWS' : hints[info.kind];
}
