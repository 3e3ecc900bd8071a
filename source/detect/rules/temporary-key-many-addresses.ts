import type {Severity, TrailEvent} from '../../core/types.js';
import {networkOf} from '../baselines.js';
import {
	addressWithPlace,
	count,
	isOutsideAws,
	lookupByKeyCommand,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {groupFlag, groupClock, groupOf, listSome} from './event-groups.js';
import {revokePolicy} from './workload-credential-outside-aws.js';

/**
One temporary key (ASIA…) used from several public places. A temporary key
belongs to one session: one sign-in, one instance, one task. Places are
networks as the baselines compare them (the /24 or /48 around an address
outside AWS; AWS's service and region for an AWS address, so a Lambda
fleet or a NAT pool in one region is one place).

Two places are `new-source-address`'s business (a key first seen at home,
then elsewhere: it flags each call from the second place). This flag
counts, and is raised on every public call of the key, when the key reached
3 places or more, or when it went back and forth between 2 places outside
AWS (A, then B, then A again, within one IP version): copies in use at the
same time, not one person moving. Back and forth makes it high, as does a
workload's key. A dual-stack computer's IPv4 and IPv6 networks count as one
place. Private addresses (VPC endpoints) are not counted: a machine reaches
AWS both ways. Nor are missing addresses, `AWS Internal` and AWS service
names.
*/

const id = 'temporary-key-many-addresses';

const why =
	'One temporary key (an ASIA… key that lives for hours) was used from several networks. It belongs to one session: one sign-in, one instance or one task, which calls from one place. Several networks mean copies of the key are in use: someone took it and uses it alongside its owner. Common false alarms: a laptop moving between networks, or a VPN changing its exit address.';

interface Place {
	address: string;
	line: string;
	place: string;
}

interface KeyGroup {
	severity: Severity;
	lines: string[];
}

/** True when the key returned to a place after leaving it (per IP version). */
function backAndForth(events: readonly TrailEvent[]): boolean {
	for (const version of [4, 6]) {
		const order: string[] = [];
		for (const event of events) {
			if (event.source.ipVersion !== version) {
				continue;
			}

			const place = networkOf(event.source);
			if (order.at(-1) !== place) {
				if (order.includes(place)) {
					return true;
				}

				order.push(place);
			}
		}
	}

	return false;
}

/**
Networks outside AWS, counted per IP version and the larger count kept: a
dual-stack computer calls from one IPv4 and one IPv6 network, which is one
place, not two.
*/
function outsidePlaces(events: readonly TrailEvent[]): number {
	const byVersion = new Map<number, Set<string>>();
	for (const event of events) {
		if (isOutsideAws(event.source)) {
			const version = event.source.ipVersion ?? 4;
			const set = byVersion.get(version) ?? new Set();
			set.add(networkOf(event.source));
			byVersion.set(version, set);
		}
	}

	return Math.max(0, ...[...byVersion.values()].map((set) => set.size));
}

/** Places: AWS's service and region networks plus the places outside AWS. */
function placeCount(events: readonly TrailEvent[]): number {
	const aws = new Set(
		events.filter((e) => e.source.aws).map((e) => networkOf(e.source)),
	);
	return aws.size + outsidePlaces(events);
}

function describeGroup(
	key: string,
	events: TrailEvent[],
	context: RuleContext,
): KeyGroup | undefined {
	const places = new Map<string, Place>();
	for (const event of events) {
		const address = event.source.ip ?? '';
		if (!places.has(address)) {
			places.set(address, {
				address,
				place: networkOf(event.source),
				line: `${addressWithPlace(event.source)} from ${groupClock(event.time, events)}`,
			});
		}
	}

	const networks = new Set([...places.values()].map((p) => p.place));
	const mixed = backAndForth(events);
	if (placeCount(events) < 3 && !(mixed && outsidePlaces(events) >= 2)) {
		return undefined;
	}

	const first = events[0]!;
	const lines = [
		`The temporary key ${key} (a session of ${identityName(first)}) was used ` +
			`from ${count(places.size, 'address', 'addresses')} in ` +
			`${count(networks.size, 'network')}: ` +
			`${listSome(
				[...places.values()].map((p) => p.line),
				5,
			)}.`,
	];
	if (mixed) {
		lines.push(
			'It went back and forth between them: two copies of the key in use at the same time, not one person moving.',
		);
	}

	const workload = context.workload(first);
	if (workload && outsidePlaces(events) > 0) {
		lines.push(
			`${identityName(first)} belongs to ${workload.runsOn}, inside AWS.`,
		);
	}

	return {severity: mixed || workload ? 'high' : 'medium', lines};
}

function findAll(
	events: readonly TrailEvent[],
	context: RuleContext,
): Map<TrailEvent, KeyGroup> {
	const byKey = new Map<string, TrailEvent[]>();
	for (const event of events) {
		const key = event.principal.accessKeyId;
		if (
			key?.startsWith('ASIA') !== true ||
			event.source.kind !== 'public' ||
			event.principal.invokedBy !== undefined
		) {
			continue;
		}

		const list = byKey.get(key) ?? [];
		list.push(event);
		byKey.set(key, list);
	}

	const found = new Map<TrailEvent, KeyGroup>();
	for (const [key, list] of byKey) {
		const group = describeGroup(key, list, context);
		if (group) {
			for (const event of list) {
				found.set(event, group);
			}
		}
	}

	return found;
}

export const temporaryKeyManyAddresses: FlagRule = {
	id,
	title: 'One temporary key used from several networks',
	severity: 'medium',
	attack: ['T1078.004', 'T1550.001'],
	check(event, context) {
		const key = event.principal.accessKeyId;
		if (key?.startsWith('ASIA') !== true || event.source.kind !== 'public') {
			return undefined;
		}

		const group = groupOf(id, context.events, event, (events) =>
			findAll(events, context),
		);
		if (!group) {
			return undefined;
		}

		const next = [
			`Compare every call of the key, address by address: ${lookupByKeyCommand(key, event)}`,
			'Find which address is the owner: ask them where they work from, or which machine runs the software.',
		];
		const role = event.principal.roleName;
		if (role) {
			next.push(
				"Revoke the role's sessions issued before this call: aws iam put-role-policy " +
					`--role-name ${shellWord(role)} --policy-name AWSRevokeOlderSessions ` +
					`--policy-document ${revokePolicy(event)}`,
			);
		} else if (event.principal.userName) {
			next.push(
				'A session of a user lasts until it expires; switch off the long-term key that issued it: ' +
					`aws iam list-access-keys --user-name ${shellWord(event.principal.userName)}`,
			);
		}

		return groupFlag(this, event, context, {why, group: group, next: next});
	},
};
