import type {TrailEvent} from '../../core/types.js';

/**
Bursts: many calls of one kind by one identity in a short time, such as
twenty secrets read in a second. One call of the kind is everyday work (an
application reads its secret); many distinct targets at once is someone
harvesting. A burst is a chain of matching calls by one identity, each
within `gapMs` of the previous one; it counts when it touches at least
`minItems` distinct targets (secrets, instances).

Every event of a burst gets the same `Burst` object, so a flag can write the
same evidence on each of them and the triage view can group them into one
finding.
*/

export interface BurstSpec {
	/** A cache key: one burst search per spec and event list. */
	id: string;
	/** Whether the event takes part. */
	matches(event: TrailEvent): boolean;
	/** The identity the burst belongs to, or undefined to leave it out. */
	identity(event: TrailEvent): string | undefined;
	/** The distinct targets the event touched (secret names, instance ids). */
	targets(event: TrailEvent): string[];
	gapMs: number;
	minItems: number;
	/** A call that is a bulk read by itself (a filter over every secret). */
	bulk?(event: TrailEvent): boolean;
}

export interface Burst {
	events: TrailEvent[];
	/** Distinct targets in the order first touched. */
	targets: string[];
	/** Calls AWS refused or that failed. */
	failed: number;
	first: TrailEvent;
	last: TrailEvent;
}

const cache = new WeakMap<
	readonly TrailEvent[],
	Map<string, Map<TrailEvent, Burst>>
>();

function close(
	chain: TrailEvent[],
	spec: BurstSpec,
	out: Map<TrailEvent, Burst>,
) {
	const targets = new Set<string>();
	for (const event of chain) {
		for (const target of spec.targets(event)) {
			targets.add(target);
		}
	}

	const first = chain[0];
	const last = chain.at(-1);
	const bulk = spec.bulk !== undefined && chain.some((e) => spec.bulk?.(e));
	if ((targets.size < spec.minItems && !bulk) || !first || !last) {
		return;
	}

	const burst: Burst = {
		events: chain,
		targets: [...targets],
		failed: chain.filter((e) => e.outcome !== 'success').length,
		first,
		last,
	};
	for (const event of chain) {
		out.set(event, burst);
	}
}

/** The bursts of a spec, by member event; found once per event list. */
export function burstsOf(
	events: readonly TrailEvent[],
	spec: BurstSpec,
): Map<TrailEvent, Burst> {
	let bySpec = cache.get(events);
	if (!bySpec) {
		bySpec = new Map();
		cache.set(events, bySpec);
	}

	const known = bySpec.get(spec.id);
	if (known) {
		return known;
	}

	const chains = new Map<string, TrailEvent[]>();
	const out = new Map<TrailEvent, Burst>();
	for (const event of events) {
		if (!spec.matches(event)) {
			continue;
		}

		const identity = spec.identity(event);
		if (identity === undefined) {
			continue;
		}

		const chain = chains.get(identity);
		const previous = chain?.at(-1);
		if (chain && previous && event.time - previous.time <= spec.gapMs) {
			chain.push(event);
			continue;
		}

		if (chain) {
			close(chain, spec, out);
		}

		chains.set(identity, [event]);
	}

	for (const chain of chains.values()) {
		close(chain, spec, out);
	}

	bySpec.set(spec.id, out);
	return out;
}

/** `between 11:57:46 and 11:57:48` or `at 11:57:46`, for the evidence. */
export function spanText(
	burst: Burst,
	clockOf: (time: number, reference?: number) => string,
): string {
	const from = clockOf(burst.first.time);
	const to = clockOf(burst.last.time, burst.first.time);
	return burst.first.time === burst.last.time || from === to
		? `at ${from}`
		: `between ${from} and ${to}`;
}
