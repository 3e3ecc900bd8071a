import type {TrailEvent} from '../core/types.js';
import {
	apiOf,
	countedAddress,
	networkOf,
	type AddressSighting,
	type AgentKind,
	type Baselines,
	type IdentityBaseline,
	type Sighting,
} from './baselines.js';
import {baselineFamily} from './agent.js';

/**
The baselines as one event sees them when a learning window is set
(`--baseline-until TIME`). Without a window, every rule compares an event
with the baselines learned from all loaded events and treats the first use as
the expected one. With a window:

- An event before TIME is learning. Its own address, network and client are
  the expected ones: it is never a deviation.
- An event at or after TIME is judged against what was learned before TIME.
  An address, network, client, API or region seen in the window is normal,
  even when it was not the first one; a value first seen after TIME is new,
  every time it is used (judged events do not extend what is normal).
- An identity or key with no event before TIME has nothing learned: it is
  judged as without a window (its first use is the expected one), so a
  temporary key issued after TIME is still compared with itself.

The rules compare an event with the first sighting of an address map
(`firstOf`). A view therefore lists the expected sighting first: the
event's own address when it was learned, else (for a principal, which is
compared by network) a learned address in the event's network, else the
first address learned. Values the window never saw are added from the whole
log, after the learned ones, so that a rule finds the event's own value with
its real first sighting ("first seen there at 23:05, 4 calls").
*/

/**
A read-only map over a base map: `extra` entries replace or follow the
base's, and one key can be moved to the front. It costs O(1) to make, so
every event can have its own.
*/
class SightingView<T> extends Map<string, T> {
	constructor(
		private readonly base: ReadonlyMap<string, T>,
		private readonly extra: ReadonlyMap<string, T>,
		private readonly front: string | undefined,
	) {
		super();
	}

	override get(key: string): T | undefined {
		return this.extra.has(key) ? this.extra.get(key) : this.base.get(key);
	}

	override has(key: string): boolean {
		return this.extra.has(key) || this.base.has(key);
	}

	override get size(): number {
		let size = this.base.size;
		for (const key of this.extra.keys()) {
			size += this.base.has(key) ? 0 : 1;
		}

		return size;
	}

	override *entries(): MapIterator<[string, T]> {
		const front = this.front;
		const first = front === undefined ? undefined : this.get(front);
		if (front !== undefined && first !== undefined) {
			yield [front, first];
		}

		for (const [key, value] of this.base) {
			if (key !== front) {
				yield [key, this.extra.has(key) ? this.get(key)! : value];
			}
		}

		for (const entry of this.extra) {
			if (entry[0] !== front && !this.base.has(entry[0])) {
				yield entry;
			}
		}
	}

	override *keys(): MapIterator<string> {
		for (const [key] of this.entries()) {
			yield key;
		}
	}

	override *values(): MapIterator<T> {
		for (const [, value] of this.entries()) {
			yield value;
		}
	}

	override [Symbol.iterator](): MapIterator<[string, T]> {
		return this.entries();
	}

	override forEach(
		callback: (value: T, key: string, map: Map<string, T>) => void,
		thisArg?: unknown,
	): void {
		for (const [key, value] of this.entries()) {
			callback.call(thisArg, value, key, this);
		}
	}

	override set(): this {
		throw new TypeError('a baseline view is read-only');
	}

	override delete(): boolean {
		throw new TypeError('a baseline view is read-only');
	}

	override clear(): void {
		throw new TypeError('a baseline view is read-only');
	}
}

const none: ReadonlyMap<string, never> = new Map<string, never>();

/** The event's own value, from the whole log, when the window never saw it. */
function own<T extends Sighting>(
	learned: Map<string, T>,
	all: Map<string, T> | undefined,
	value: string | undefined,
): ReadonlyMap<string, T> {
	if (value === undefined || learned.has(value)) {
		return none;
	}

	const sighting = all?.get(value);
	return sighting ? new Map([[value, sighting]]) : none;
}

/** The learned address to list first for this event; see the file comment. */
function expectedAddress(
	learned: Map<string, AddressSighting>,
	event: TrailEvent,
	byNetwork: boolean,
): string | undefined {
	const address = countedAddress(event.source);
	if (address === undefined || learned.has(address)) {
		return address;
	}

	if (!byNetwork) {
		return undefined;
	}

	const network = networkOf(event.source);
	for (const sighting of learned.values()) {
		if (sighting.network === network) {
			return sighting.address;
		}
	}

	return undefined;
}

/** One identity's baseline as the event sees it. */
export function identityView(
	learned: IdentityBaseline,
	all: IdentityBaseline | undefined,
	event: TrailEvent,
	agent: AgentKind | undefined,
	byNetwork: boolean,
): IdentityBaseline {
	const family = agent ? baselineFamily(agent) : undefined;
	const os = family === undefined ? undefined : agent?.os;
	return {
		...learned,
		addresses: new SightingView(
			learned.addresses,
			own(learned.addresses, all?.addresses, countedAddress(event.source)),
			expectedAddress(learned.addresses, event, byNetwork),
		),
		agents: new SightingView(
			learned.agents,
			own(learned.agents, all?.agents, family),
			undefined,
		),
		oses: new SightingView(
			learned.oses,
			own(learned.oses, all?.oses, os),
			undefined,
		),
		apis: new SightingView(
			learned.apis,
			own(learned.apis, all?.apis, apiOf(event)),
			undefined,
		),
		regions: new SightingView(
			learned.regions,
			own(learned.regions, all?.regions, event.region || undefined),
			undefined,
		),
	};
}

/**
The baselines as of the window, for callers that judge no single event: the
learned baseline of each identity, or the whole log's for an identity the
window never saw.
*/
export function asOfWindow(learned: Baselines, all: Baselines): Baselines {
	const merge = (
		window: Map<string, IdentityBaseline>,
		whole: Map<string, IdentityBaseline>,
	): Map<string, IdentityBaseline> => {
		const merged = new Map(whole);
		for (const [key, baseline] of window) {
			merged.set(key, baseline);
		}

		return merged;
	};

	return {
		principals: merge(learned.principals, all.principals),
		accessKeys: merge(learned.accessKeys, all.accessKeys),
	};
}

/**
The baselines one event sees: the window's, with the event's own principal
and key replaced by their views. Identities the window never saw keep the
whole log's baseline.
*/
export function eventView(
	windowed: Baselines,
	learned: Baselines,
	all: Baselines,
	event: TrailEvent,
	agent: AgentKind | undefined,
): Baselines {
	const replace = (
		map: Map<string, IdentityBaseline>,
		window: Map<string, IdentityBaseline>,
		whole: Map<string, IdentityBaseline>,
		key: string | undefined,
		byNetwork: boolean,
	): Map<string, IdentityBaseline> => {
		const baseline = key === undefined ? undefined : window.get(key);
		if (key === undefined || baseline === undefined) {
			return map;
		}

		const view = identityView(
			baseline,
			whole.get(key),
			event,
			agent,
			byNetwork,
		);
		return new SightingView(map, new Map([[key, view]]), undefined);
	};

	const {baselineKey, accessKeyId} = event.principal;
	return {
		principals: replace(
			windowed.principals,
			learned.principals,
			all.principals,
			baselineKey,
			true,
		),
		accessKeys: replace(
			windowed.accessKeys,
			learned.accessKeys,
			all.accessKeys,
			accessKeyId || undefined,
			false,
		),
	};
}
