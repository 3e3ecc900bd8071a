import type {Flag, TrailEvent} from '../core/types.js';
import {debugLog} from '../core/debug-log.js';
import {catalog} from './catalog.js';
import type {FlagRule} from './flag-rule.js';
import {sortFlags} from './rank.js';
import {createRuleContext, type DetectContext} from './rule-context.js';

export type {DetectContext} from './rule-context.js';

/**
Judges every event: fills `event.flags`, most severe first. The events must be
in time order with their `seq` set, because baselines treat the first use of
an identity as the expected one (or, with `baselineUntil`, what was learned
before it: each rule gets the context as that event sees it).

A rule that throws on a malformed record must not cost the other events
their flags, so each failure is caught, written to the debug log, and the
rule is skipped for that event.
*/
export function detect(
	events: TrailEvent[],
	context: DetectContext = {},
	rules: readonly FlagRule[] = catalog,
): void {
	const ruleContext = createRuleContext(events, context);
	for (const event of events) {
		const flags: Flag[] = [];
		const judged = ruleContext.forEvent(event);
		for (const rule of rules) {
			let flag: Flag | undefined;
			try {
				flag = rule.check(event, judged);
			} catch (error) {
				debugLog('flag rule failed', {
					rule: rule.id,
					seq: event.seq,
					error: String(error),
				});
				flag = undefined;
			}

			if (flag) {
				flags.push(flag);
			}
		}

		event.flags = sortFlags(flags);
	}
}
