import type {Flag, Severity, TrailEvent} from '../core/types.js';
import type {RuleContext} from './rule-context.js';

/**
One red flag. Adding a flag to trailtui is one module that exports a
`FlagRule`, its tests, and one line in `catalog.ts`; nothing else changes.

A rule sees one event at a time, plus the context that `detect()` builds once
for all events: the per-identity baselines and what is known about each role's
trust. That keeps every rule a pure function, testable with hand-made events.
*/
export interface FlagRule {
	/** Stable id, part of the `--json` contract: never rename one. */
	readonly id: string;
	readonly title: string;
	/** The usual severity; `check` may raise or lower it for one event. */
	readonly severity: Severity;
	/** MITRE ATT&CK technique ids that the flag points at. */
	readonly attack: readonly string[];
	/** The flag this event earns, or undefined when it earns none. */
	check(event: TrailEvent, context: RuleContext): Flag | undefined;
}
