import type {Flag, Severity, TrailEvent} from '../core/types.js';
import {severityRank} from '../core/types.js';

/**
How flagged events are ranked for triage: by their worst flag first, then by
the weight of all their flags together (so three high flags outrank two high
and one medium), then by time. Each step up in severity outweighs any number
of flags below it that a single rule set can raise.
*/

/** The weight of one severity: 1, 10, 100… from info to critical. */
export function severityWeight(severity: Severity): number {
	return 10 ** severityRank(severity);
}

function weight(flag: Flag): number {
	return severityWeight(flag.severity);
}

/** The ranking score of an event: 0 for an unflagged one. */
export function flagScore(event: TrailEvent): number {
	return event.flags.reduce((sum, flag) => sum + weight(flag), 0);
}

/** The highest severity rank among the event's flags; -1 for none. */
export function topSeverityRank(event: TrailEvent): number {
	return event.flags.reduce(
		(top, flag) => Math.max(top, severityRank(flag.severity)),
		-1,
	);
}

/** Sort comparator: most severe first, then heavier evidence, then earlier. */
export function compareBySeverity(a: TrailEvent, b: TrailEvent): number {
	return (
		topSeverityRank(b) - topSeverityRank(a) ||
		flagScore(b) - flagScore(a) ||
		a.seq - b.seq
	);
}

/** Flags of one event, most severe first; ties keep catalog order. */
export function sortFlags(flags: Flag[]): Flag[] {
	return flags.sort(
		(a, b) => severityRank(b.severity) - severityRank(a.severity),
	);
}
