import type {TrailEvent} from '../../core/types.js';
import {
	countedAddress,
	firstOf,
	networkOf,
	type AddressSighting,
	type IdentityBaseline,
} from '../baselines.js';
import {
	addressWithPlace,
	clock,
	count,
	eventClock,
	isOutsideAws,
	lookupByKeyCommand,
	placeOf,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';

/**
Flag 4: an identity seen from somewhere it was not first seen. Following the
credential-compromise work at Netflix, the first use in the logs is taken as
the expected one, and later calls from elsewhere are the deviation.

Two baselines, compared differently because they mean different things:
- A temporary key (ASIA…) lives for hours in one session on one machine, so
  any second public address is news. A private address (through a VPC
  endpoint) and a public AWS address can be the same machine reaching AWS two
  ways, so those two are only compared within their own kind.
- A principal (a role or user) is shared by many sessions and machines, so it
  is compared by network (a /24 or /48), and only for addresses outside AWS:
  a fleet's AWS addresses change all the time.
Missing addresses, `AWS Internal` and service names never count.
*/

function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const why =
	"This identity, or its temporary key, was used from an address it was not first seen at. Credentials are usually used from the same few places. A copy in someone else's hands looks exactly like this: the owner keeps working from the old place while the copy works from a new one. Common false alarms: a person travelling or switching VPN, a new office, a new server.";

/** The first sighting, unless this event's address is (or counts as) it. */
function keyDeviation(
	baseline: IdentityBaseline,
	event: TrailEvent,
	address: string,
): AddressSighting | undefined {
	const first = firstOf(baseline.addresses);
	if (!first || first.address === address) {
		return undefined;
	}

	const here = event.source;
	const firstPrivate = first.source.kind === 'private';
	if (here.kind === 'private' && !firstPrivate) {
		return undefined;
	}

	if (here.kind === 'public' && here.aws && firstPrivate) {
		return undefined;
	}

	return first;
}

function principalDeviation(
	baseline: IdentityBaseline,
	event: TrailEvent,
): AddressSighting | undefined {
	if (!isOutsideAws(event.source)) {
		return undefined;
	}

	const first = firstOf(baseline.addresses);
	if (!first || first.network === networkOf(event.source)) {
		return undefined;
	}

	return first;
}

function sightingLine(
	subject: string,
	first: AddressSighting,
	baseline: IdentityBaseline,
	event: TrailEvent,
	address: string,
): string {
	const place = placeOf(event.source).replace(/^\((.*)\)$/, '$1');
	const now = baseline.addresses.get(address);
	const since = now
		? `first seen there at ${clock(now.firstTime, event.time)}, ${count(now.count, 'call')}`
		: '';
	const detail = [place, since].filter((part) => part !== '').join('; ');
	return (
		`${subject} first seen from ${addressWithPlace(first.source)} at ` +
		`${clock(first.firstTime, event.time)}. This call comes from ` +
		`${address}${detail ? ` (${detail})` : ''}.`
	);
}

export const newSourceAddress: FlagRule = {
	id: 'new-source-address',
	title: 'Seen from a new address',
	severity: 'medium',
	attack: ['T1078.004'],
	check(event, context: RuleContext) {
		const address = countedAddress(event.source);
		const {accessKeyId, baselineKey, invokedBy} = event.principal;
		if (address === undefined || invokedBy) {
			return undefined;
		}

		const evidence: string[] = [];
		const name = identityName(event);
		const keyBaseline =
			accessKeyId?.startsWith('ASIA') === true
				? context.baselines.accessKeys.get(accessKeyId)
				: undefined;
		const keyFirst = keyBaseline
			? keyDeviation(keyBaseline, event, address)
			: undefined;
		const principalBaseline = baselineKey
			? context.baselines.principals.get(baselineKey)
			: undefined;
		const principalFirst = principalBaseline
			? principalDeviation(principalBaseline, event)
			: undefined;
		const key = `the temporary key ${accessKeyId ?? ''}`;
		if (
			keyBaseline &&
			keyFirst &&
			principalFirst?.address === keyFirst.address
		) {
			evidence.push(
				sightingLine(
					`${name} and ${key} were`,
					keyFirst,
					keyBaseline,
					event,
					address,
				),
			);
		} else {
			if (keyBaseline && keyFirst) {
				evidence.push(
					sightingLine(
						`${upperFirst(key)} (one session of ${name}) was`,
						keyFirst,
						keyBaseline,
						event,
						address,
					),
				);
			}

			if (principalBaseline && principalFirst) {
				evidence.push(
					sightingLine(
						`${name} was`,
						principalFirst,
						principalBaseline,
						event,
						address,
					),
				);
			}
		}

		if (evidence.length === 0) {
			return undefined;
		}

		evidence.unshift(
			`This call: ${event.eventName} at ${eventClock(event)} from ${addressWithPlace(event.source)}.`,
		);
		const next = accessKeyId
			? [
					`Compare every call of this key: ${lookupByKeyCommand(accessKeyId, event)}`,
				]
			: [];
		next.push(
			'Ask the owner of the identity whether the new address is theirs (a new office, VPN or server).',
			'Look for the same address on other identities: type f and ip=' +
				address +
				' in trailtui.',
		);

		return {
			id: this.id,
			severity: this.severity,
			title: this.title,
			why,
			evidence,
			normal: normalLines(event, context),
			next,
		};
	},
};
