import ipaddr from 'ipaddr.js';

/**
The address values of the `ip` filter field: what a person may write after
`ip=` or `ip:`, read strictly so that a typo is an error, not a silent miss.
*/

/**
An address as people write it: four-part decimal IPv4, or IPv6. ipaddr.js
also reads `10` or `1.2.3` as IPv4 (old inet_aton forms), which in a filter
would only surprise. A mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4.
*/
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
	const valid = text.includes(':')
		? ipaddr.IPv6.isValid(text)
		: ipaddr.IPv4.isValidFourPartDecimal(text);
	return valid ? ipaddr.process(text) : undefined;
}

export function parseRange(
	text: string,
): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
	const slash = text.lastIndexOf('/');
	const bits = text.slice(slash + 1);
	const address = parseIp(text.slice(0, slash));
	if (!address || !/^\d{1,3}$/.test(bits)) {
		return undefined;
	}

	// A mapped IPv6 prefix became IPv4: shorten the prefix to match.
	const mapped = address.kind() === 'ipv4' && text.includes(':');
	const length = mapped ? Number(bits) - 96 : Number(bits);
	const max = address.kind() === 'ipv4' ? 32 : 128;
	return length < 0 || length > max ? undefined : [address, length];
}

/**
What `sourceIPAddress` holds when it is not an address: `AWS Internal` or a
host name (`ec2.amazonaws.com`). A dotted name of digits only is a mistyped
address, not a host.
*/
export function isLoggedSourceName(text: string): boolean {
	return (
		text.toLowerCase() === 'aws internal' ||
		(/^[a-z\d-]+(?:\.[a-z\d-]+)+$/i.test(text) && /[a-z]/i.test(text))
	);
}

/**
An event's logged address, parsed once per distinct text: a filter on
addresses tests every event, and a trail holds few distinct addresses.
Bounded, so a trail of millions of distinct addresses cannot grow it
without end.
*/
const parsedSources = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | null>();
const maxParsedSources = 100_000;

export function parseSourceIp(
	text: string | undefined,
): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
	if (!text) {
		return undefined;
	}

	let parsed = parsedSources.get(text);
	if (parsed === undefined) {
		if (parsedSources.size >= maxParsedSources) {
			parsedSources.clear();
		}

		parsed = parseIp(text) ?? null;
		parsedSources.set(text, parsed);
	}

	return parsed ?? undefined;
}
