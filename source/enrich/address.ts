import ipaddr from 'ipaddr.js';

/** An address parsed by ipaddr.js. */
export type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** `::ffff:a.b.c.d`, read from the parts: ipaddr.js's own test walks every special range. */
function isMapped(address: ipaddr.IPv6): boolean {
	const p = address.parts;
	return (
		p[0] === 0 &&
		p[1] === 0 &&
		p[2] === 0 &&
		p[3] === 0 &&
		p[4] === 0 &&
		p[5] === 0xffff
	);
}

/**
Parses an address strictly with ipaddr.js: a dotted-quad IPv4 written the
canonical way, or any IPv6 form (IPv4-mapped ones become IPv4). The family
is chosen by the presence of `:` first because ipaddr.js is slow to reject a
string of the other family. Forms such as `0x7f.1` or `010.0.0.1`, which
ipaddr.js would read as hex or octal, are refused as ambiguous.
*/
export function parseAddress(text: string): Address | undefined {
	try {
		if (text.includes(':')) {
			const v6 = ipaddr.IPv6.parse(text);
			return isMapped(v6) ? v6.toIPv4Address() : v6;
		}

		const v4 = ipaddr.IPv4.parse(text);
		return v4.toString() === text ? v4 : undefined;
	} catch {
		return undefined;
	}
}

/** The 32-bit value of an IPv4 address. */
export function ipv4Number(address: ipaddr.IPv4): number {
	const [a = 0, b = 0, c = 0, d = 0] = address.octets;
	return a * 0x1000000 + (b << 16) + (c << 8) + d;
}

const byteHex = Array.from({length: 256}, (_, i) =>
	i.toString(16).padStart(2, '0'),
);

/** The 128-bit value of an IPv6 address as 32 hex digits, which sort like the numbers. */
export function ipv6Hex(address: ipaddr.IPv6): string {
	let out = '';
	for (const part of address.parts) {
		out += (byteHex[part >> 8] ?? '00') + (byteHex[part & 0xff] ?? '00');
	}

	return out;
}

/** The key an address is looked up by: a number for IPv4, hex for IPv6. */
export function addressKey(address: Address): number | string {
	return address instanceof ipaddr.IPv4
		? ipv4Number(address)
		: ipv6Hex(address);
}

/** The unsigned integer of an address, for building tables. */
export function addressValue(address: Address): bigint {
	let value = 0n;
	for (const byte of address.toByteArray()) {
		value = (value << 8n) | BigInt(byte);
	}

	return value;
}
