import type {
	Dataset,
	Finding,
	Flag,
	Severity,
	TrailEvent,
} from '../core/types.js';
import {severityOrder, severityRank} from '../core/types.js';
import {distinct, summaryOf, whoOf} from './finding-summary.js';
import {severityWeight} from './rank.js';
import {listSome} from './rules/event-groups.js';

export {spanOf, whoOf} from './finding-summary.js';

/**
Findings: flagged events grouped so that a person triages what happened, not
each call. Twenty listings by one stolen key in four minutes are one finding
with twenty events; the CloudTrail deletion the same key made is another.

Every flagged event belongs to exactly one finding, the one of its lead
flag: its most severe flag, and among equally severe ones the flag the fewest
events in the load carry. The rarer flag says more about what this call did;
a flag on nearly every call of an actor (an attack tool's user agent, a new
address) describes the actor, and would otherwise fold each technique the
actor tried into one finding. The other flags of the events are listed with
the finding.

Two events with the same lead flag join when
- they share a credential (the access key; without one the principal; for
  an anonymous caller the address) and the later call comes at most
  `findingGap` after the one before it (a chain, so a long session stays
  whole while its pauses are short); or
- the lead flag's first evidence line is the same, word for word: the flags
  that judge a group of events (bursts, sprays, one key at many addresses)
  give every event of the group that line, so the group stays one finding
  even across several users or keys, as a password spray does.
*/

/**
The longest pause within one finding: 30 minutes. A person working through
stolen keys pauses for minutes between commands (reading output, looking
something up; flaws2's attacker takes up to three), and a burst rule's
window is a few minutes, so one sitting stays one finding. It is half the
default one-hour life of an STS session, so the same key used again next
hour, or a long-term key used on another day, opens a new finding.
*/
export const findingGap = 30 * 60 * 1000;

/** The credential two calls must share to be one actor's. */
export function credentialKey(event: TrailEvent): string {
	const {accessKeyId, baselineKey} = event.principal;
	if (accessKeyId) {
		return `key:${accessKeyId}`;
	}

	if (baselineKey) {
		return `who:${baselineKey}`;
	}

	const source = event.source;
	return `from:${source.ip ?? source.raw ?? '—'}:${event.principal.label}`;
}

/** The flag that decides which finding an event joins. */
export function leadFlag(
	event: TrailEvent,
	carriers: ReadonlyMap<string, number>,
): Flag | undefined {
	let lead: Flag | undefined;
	for (const flag of event.flags) {
		if (lead === undefined) {
			lead = flag;
			continue;
		}

		const bySeverity =
			severityRank(flag.severity) - severityRank(lead.severity);
		const byRarity =
			(carriers.get(lead.id) ?? 0) - (carriers.get(flag.id) ?? 0);
		if (bySeverity > 0 || (bySeverity === 0 && byRarity > 0)) {
			lead = flag;
		}
	}

	return lead;
}

/** How many events carry each flag id. */
function countCarriers(events: readonly TrailEvent[]): Map<string, number> {
	const carriers = new Map<string, number>();
	for (const event of events) {
		for (const id of new Set(event.flags.map((flag) => flag.id))) {
			carriers.set(id, (carriers.get(id) ?? 0) + 1);
		}
	}

	return carriers;
}

/** Disjoint sets over 0…n-1, for joining events into findings. */
class Groups {
	private readonly parent: number[];

	constructor(size: number) {
		this.parent = Array.from({length: size}, (_, index) => index);
	}

	root(index: number): number {
		let at = index;
		while (this.parent[at] !== at) {
			const up = this.parent[at]!;
			this.parent[at] = this.parent[up]!;
			at = up;
		}

		return at;
	}

	join(a: number, b: number): void {
		const ra = this.root(a);
		const rb = this.root(b);
		if (ra !== rb) {
			this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) {
		list.push(value);
	} else {
		map.set(key, [value]);
	}
}

/** The flags of a group, most severe first, each from its first carrier. */
function flagsOf(events: readonly TrailEvent[]): {
	flags: Flag[];
	severity: Severity;
	weight: number;
} {
	const first = new Map<string, Flag>();
	const worst = new Map<string, number>();
	for (const event of events) {
		for (const flag of event.flags) {
			if (!first.has(flag.id)) {
				first.set(flag.id, flag);
			}

			const rank = severityRank(flag.severity);
			worst.set(flag.id, Math.max(worst.get(flag.id) ?? -1, rank));
		}
	}

	const flags = [...first.values()].sort(
		(a, b) => worst.get(b.id)! - worst.get(a.id)!,
	);
	const top = Math.max(...worst.values());
	let weight = 0;
	for (const rank of worst.values()) {
		weight += severityWeight(severityRankName(rank));
	}

	return {flags, severity: severityRankName(top), weight};
}

function severityRankName(rank: number): Severity {
	return severityOrder[Math.max(rank, 0)]!;
}

interface Draft {
	finding: Omit<Finding, 'id'>;
	weight: number;
}

function draftOf(events: readonly TrailEvent[], lead: Flag): Draft {
	const whos = distinct(events.map(whoOf));
	const identity = listSome(whos, 1);
	const keys = distinct(events.map((event) => event.principal.accessKeyId));
	const {flags, severity, weight} = flagsOf(events);
	const finding: Omit<Finding, 'id'> = {
		flagId: lead.id,
		flagIds: flags.map((flag) => flag.id),
		severity,
		title: lead.title,
		identity,
		summary: summaryOf(events, identity),
		seqs: events.map((event) => event.seq),
		first: events[0]!.time,
		last: events.at(-1)!.time,
		flags,
	};
	if (keys.length === 1 && events.every((e) => e.principal.accessKeyId)) {
		finding.accessKeyId = keys[0]!;
	}

	return {finding, weight};
}

/**
Ranks findings as rank.ts ranks events: the worst severity first; then the
weight of the distinct flags (three high flags outrank two high and a
medium: more independent reasons to worry); then more events; then the
earlier one. Volume alone comes after the evidence, since a burst of
refused calls is cheap to make and one call can be the whole compromise.
*/
function compareDrafts(a: Draft, b: Draft): number {
	return (
		severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
		b.weight - a.weight ||
		b.finding.seqs.length - a.finding.seqs.length ||
		a.finding.seqs[0]! - b.finding.seqs[0]!
	);
}

/** Orders by time, unreadable times last, then by seq. */
function byTime(a: TrailEvent, b: TrailEvent): number {
	const aBad = !Number.isFinite(a.time);
	const bBad = !Number.isFinite(b.time);
	if (aBad || bBad) {
		return Number(aBad) - Number(bBad) || a.seq - b.seq;
	}

	return a.time - b.time || a.seq - b.seq;
}

/**
Groups the flagged events of a load into findings, most pressing first and
numbered in that order (`f1`…). The events must carry their flags and seqs,
as `detect()` leaves them.
*/
export function buildFindings(events: readonly TrailEvent[]): Finding[] {
	const flagged = events.filter((event) => event.flags.length > 0);
	flagged.sort(byTime);
	const carriers = countCarriers(flagged);
	const leads = flagged.map((event) => leadFlag(event, carriers)!);
	const groups = new Groups(flagged.length);

	const byCredential = new Map<string, number[]>();
	const byEvidence = new Map<string, number[]>();
	for (const [index, event] of flagged.entries()) {
		const lead = leads[index]!;
		pushTo(byCredential, `${lead.id}\n${credentialKey(event)}`, index);
		const line = lead.evidence[0];
		if (line !== undefined && line !== '') {
			pushTo(byEvidence, `${lead.id}\n${line}`, index);
		}
	}

	for (const chain of byCredential.values()) {
		for (let at = 1; at < chain.length; at++) {
			const gap = flagged[chain[at]!]!.time - flagged[chain[at - 1]!]!.time;
			if (gap <= findingGap) {
				groups.join(chain[at - 1]!, chain[at]!);
			}
		}
	}

	for (const group of byEvidence.values()) {
		for (const index of group) {
			groups.join(group[0]!, index);
		}
	}

	const members = new Map<number, number[]>();
	for (let index = 0; index < flagged.length; index++) {
		pushTo(members, groups.root(index), index);
	}

	const drafts = [...members.values()].map((indexes) =>
		draftOf(
			indexes.map((index) => flagged[index]!),
			leads[indexes[0]!]!,
		),
	);
	drafts.sort(compareDrafts);
	return drafts.map(({finding}, index) => ({id: `f${index + 1}`, ...finding}));
}

/** The dataset's findings: those built at load, else built now. */
export function findingsOf(dataset: Dataset): readonly Finding[] {
	return dataset.findings ?? buildFindings(dataset.events);
}

/** Each flagged event's finding, by seq. */
export function findingBySeq(
	findings: readonly Finding[],
): Map<number, Finding> {
	const bySeq = new Map<number, Finding>();
	for (const finding of findings) {
		for (const seq of finding.seqs) {
			bySeq.set(seq, finding);
		}
	}

	return bySeq;
}
