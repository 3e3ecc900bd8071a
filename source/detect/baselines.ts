import ipaddr from 'ipaddr.js';
import type {SourceInfo, TrailEvent} from '../core/types.js';
import {baselineFamily} from './agent.js';

/**
What is normal for each identity, learned from the logs themselves: where it
calls from, with which clients, which APIs in which regions, and when. Flags
compare one event against this ("level1 was seen from 34.234.236.212 at
23:03:12; this call comes from 104.102.221.250").

Two kinds of identity get a baseline: the principal (`principal.baselineKey`:
a role, a user, an Identity Center user) and the access key. A temporary key
belongs to one session on one machine, so a second address for the same key
means more than a second address for a role that many machines share.

Values that say nothing about the caller's place never enter the address
baseline: a missing address, `AWS Internal`, AWS service names (the service
called for the principal) and unparseable text. They can never be "new".
*/

/** When and how often one value was seen for one identity. */
export interface Sighting {
	/** The first event (by seq) that showed the value. */
	firstSeq: number;
	firstTime: number;
	lastSeq: number;
	lastTime: number;
	count: number;
}

/** An address seen for an identity, with the place it was first seen. */
export interface AddressSighting extends Sighting {
	address: string;
	/** The source of the first event from this address. */
	source: SourceInfo;
	/** See `networkOf`. */
	network: string;
}

/** The client of a user agent, as the baselines compare it. */
export interface AgentKind {
	/** e.g. `aws-cli`, `boto3`, `lambda`: never the raw string. */
	family: string;
	/** e.g. `macOS`, `Linux`, when the agent names it. */
	os?: string;
}

export interface IdentityBaseline {
	/** `principal.baselineKey`, or the access key id. */
	key: string;
	firstSeq: number;
	firstTime: number;
	lastSeq: number;
	lastTime: number;
	events: number;
	/** By canonical address, in the order first seen. */
	addresses: Map<string, AddressSighting>;
	/** User-agent families (`aws-cli`, `boto3`), never raw strings. */
	agents: Map<string, Sighting>;
	oses: Map<string, Sighting>;
	/** `s3:ListBuckets`: service short name and event name. */
	apis: Map<string, Sighting>;
	regions: Map<string, Sighting>;
}

export interface Baselines {
	/** By `principal.baselineKey`. */
	principals: Map<string, IdentityBaseline>;
	/** By `principal.accessKeyId`. */
	accessKeys: Map<string, IdentityBaseline>;
}

/**
The address an event counts for in a baseline: a parsed public or private IP
in canonical form. Undefined for everything that is not a caller's address.
*/
export function countedAddress(source: SourceInfo): string | undefined {
	if (source.kind !== 'public' && source.kind !== 'private') {
		return undefined;
	}

	return source.ip ?? undefined;
}

/**
A coarse network for an address, for comparing places rather than single
addresses: `aws:EC2:us-east-1`, `vpce:vpce-0abc`, `private`, or the /24 (IPv4)
or /48 (IPv6) around a public address outside AWS.
*/
export function networkOf(source: SourceInfo): string {
	// Loaded events share one address object per distinct address.
	let network = networks.get(source);
	if (network === undefined) {
		network = computeNetwork(source);
		networks.set(source, network);
	}

	return network;
}

const networks = new WeakMap<SourceInfo, string>();

function computeNetwork(source: SourceInfo): string {
	if (source.kind === 'private') {
		return source.vpcEndpointId ? `vpce:${source.vpcEndpointId}` : 'private';
	}

	if (source.aws) {
		return `aws:${source.aws.service}:${source.aws.region}`;
	}

	const ip = source.ip;
	if (!ip || !ipaddr.isValid(ip)) {
		return `other:${source.raw ?? ''}`;
	}

	const parsed = ipaddr.parse(ip);
	const bits = parsed.kind() === 'ipv4' ? 24 : 48;
	const bytes = parsed.toByteArray();
	const keep = bits / 8;
	const masked = bytes.map((b, i) => (i < keep ? b : 0));
	return `${ipaddr.fromByteArray(masked).toString()}/${bits}`;
}

/** The API key for baselines: `s3:ListBuckets`. */
export function apiOf(event: TrailEvent): string {
	// Asked for every event by several rules: one string per distinct pair.
	let byName = apis.get(event.eventSource);
	if (byName === undefined) {
		// Hostile logs may invent endless sources: keep the cache bounded.
		if (apis.size > 10_000) {
			apis.clear();
		}

		byName = new Map();
		apis.set(event.eventSource, byName);
	}

	let api = byName.get(event.eventName);
	if (api === undefined) {
		const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
		api = `${service}:${event.eventName}`;
		byName.set(event.eventName, api);
	}

	return api;
}

const apis = new Map<string, Map<string, string>>();

function newBaseline(key: string, event: TrailEvent): IdentityBaseline {
	return {
		key,
		firstSeq: event.seq,
		firstTime: event.time,
		lastSeq: event.seq,
		lastTime: event.time,
		events: 0,
		addresses: new Map(),
		agents: new Map(),
		oses: new Map(),
		apis: new Map(),
		regions: new Map(),
	};
}

function see<T extends Sighting>(
	map: Map<string, T>,
	value: string,
	event: TrailEvent,
	create: () => Omit<T, keyof Sighting>,
): void {
	const known = map.get(value);
	if (known) {
		known.lastSeq = event.seq;
		known.lastTime = event.time;
		known.count++;
		return;
	}

	map.set(value, {
		...create(),
		firstSeq: event.seq,
		firstTime: event.time,
		lastSeq: event.seq,
		lastTime: event.time,
		count: 1,
	} as T);
}

function record(
	baseline: IdentityBaseline,
	event: TrailEvent,
	agent: AgentKind | undefined,
): void {
	baseline.events++;
	baseline.lastSeq = event.seq;
	baseline.lastTime = event.time;

	const address = countedAddress(event.source);
	if (address !== undefined) {
		see(baseline.addresses, address, event, () => ({
			address,
			source: event.source,
			network: networkOf(event.source),
		}));
	}

	const family = agent ? baselineFamily(agent) : undefined;
	if (agent && family !== undefined) {
		see(baseline.agents, family, event, () => ({}));
		if (agent.os) {
			see(baseline.oses, agent.os, event, () => ({}));
		}
	}

	see(baseline.apis, apiOf(event), event, () => ({}));
	if (event.region) {
		see(baseline.regions, event.region, event, () => ({}));
	}
}

/**
Builds every baseline in one pass over the events, which must be in time
order (their `seq` order). `agentOf` classifies a user agent; its results are
cached per distinct string, because a log holds few distinct agents.
*/
export function buildBaselines(
	events: readonly TrailEvent[],
	agentOf: (userAgent: string) => AgentKind,
): Baselines {
	const principals = new Map<string, IdentityBaseline>();
	const accessKeys = new Map<string, IdentityBaseline>();
	const agents = new Map<string, AgentKind | undefined>();

	for (const event of events) {
		const ua = event.userAgent;
		let agent: AgentKind | undefined;
		if (ua !== undefined && ua !== '' && ua !== 'AWS Internal') {
			agent = agents.get(ua);
			if (agent === undefined && !agents.has(ua)) {
				agent = agentOf(ua);
				agents.set(ua, agent);
			}
		}

		for (const [map, key] of [
			[principals, event.principal.baselineKey],
			[accessKeys, event.principal.accessKeyId],
		] as const) {
			if (!key) {
				continue;
			}

			let baseline = map.get(key);
			if (!baseline) {
				baseline = newBaseline(key, event);
				map.set(key, baseline);
			}

			record(baseline, event, agent);
		}
	}

	return {principals, accessKeys};
}

/**
The learning window's test: true for an event before `until` (epoch ms),
whose values teach the baselines what is normal. Without a window nothing is
"learning": every event both teaches and is judged. An event whose time
could not be read is judged, never learned from.
*/
export function learningBefore(
	until: number | undefined,
): (event: TrailEvent) => boolean {
	if (until === undefined) {
		return () => false;
	}

	return (event) => event.time < until;
}

/**
The sightings of a map in the order they were first seen. Baselines are
built in seq order, so a map's insertion order already is that order. In a
learning window's view of one event (baseline-view.ts) the expected sighting
comes first instead.
*/
export function inOrder<T extends Sighting>(map: Map<string, T>): T[] {
	return [...map.values()];
}

/**
The first sighting of a map, without copying it: the place an identity is
expected to be. Without a learning window it is the first use in the logs;
with one, the event's own learned place when it has one.
*/
export function firstOf<T extends Sighting>(
	map: Map<string, T>,
): T | undefined {
	return map.values().next().value;
}
