import type {Flag, Severity, TrailEvent} from '../../core/types.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {addressWithPlace, clock, count} from '../describe.js';
import type {RuleContext} from '../rule-context.js';
import {burstsOf, type Burst, type BurstSpec} from './bursts.js';
import {spanText} from './bursts.js';
import {offensiveName} from './attack-tools.js';
import {actorOf, listText, lower} from './change-common.js';

/**
What the burst flags share. A burst flag is raised on every event of the
burst with the same words (built from the burst, never from the one event),
so the triage view can fold twenty calls into one finding.

Bursts count only calls a person or a script made: AWS services, console
sessions (the console fetches ahead of the person) and infrastructure code
(Terraform reads back every secret it has just written) are left out.
*/

/** Whether an event may take part in a burst. */
export function burstCandidate(event: TrailEvent): boolean {
	return !event.console && actorOf(event).kind === 'person';
}

/**
The identity a burst belongs to: the principal, else the key, else the label
(records without a usable identity still belong together by their label).
*/
export function burstIdentity(event: TrailEvent): string {
	const {baselineKey, accessKeyId, label} = event.principal;
	return baselineKey ?? accessKeyId ?? `label:${label}`;
}

/**
The burst's severity: `base`, high from `highAt` distinct targets, one step
lower when AWS refused or failed every call.
*/
export function burstSeverity(
	burst: Burst,
	base: Severity,
	highAt: number,
): Severity {
	const severity = burst.targets.length >= highAt ? 'high' : base;
	return burst.failed === burst.events.length ? lower(severity) : severity;
}

/**
The first evidence line: who, how many, when, from where. `targets` says
what was touched when counting `targetsNoun` would not (`every secret
matching a filter`).
*/
export function burstLine(
	burst: Burst,
	what: string,
	targetsNoun: string,
	options: {plural?: string; targets?: string} = {},
): string {
	const who = burst.first.principal.label;
	const sources = [
		...new Set(burst.events.map((e) => addressWithPlace(e.source))),
	];
	const span = spanText(burst, clock);
	const targets =
		options.targets ?? count(burst.targets.length, targetsNoun, options.plural);
	return (
		`${who} ${what} ${targets} in ` +
		`${count(burst.events.length, 'call')} ${span}, from ${listText(sources, 2)}.`
	);
}

/** The sentences on outcome and client, the same for every event. */
export function burstNotes(burst: Burst, context: RuleContext): string[] {
	const notes: string[] = [];
	if (burst.failed === burst.events.length) {
		const codes = [
			...new Set(burst.events.map((e) => e.errorCode ?? 'an error')),
		];
		notes.push(
			`AWS refused or failed every one (${listText(codes, 2)}): nothing was read, but whoever holds these credentials tried.`,
		);
	} else if (burst.failed > 0) {
		notes.push(
			`AWS refused or failed ${count(burst.failed, 'call')} of ${burst.events.length}; the rest succeeded.`,
		);
	}

	const offensive = burst.events
		.map((e) => context.agent(e)?.offensive)
		.find((name) => name !== undefined);
	if (offensive) {
		notes.push(
			`The user agent names ${offensiveName(offensive)}: a test by your own team, or someone else's hands.`,
		);
	}

	return notes;
}

/** `a, b, c, d and 16 more`. */
export function targetsText(burst: Burst, shown = 4): string {
	return listText(burst.targets, shown);
}

/** What distinguishes one burst flag from another. */
export interface BurstRuleDefinition {
	id: string;
	title: string;
	/** The severity below `highAt` distinct targets. */
	severity: Severity;
	attack: readonly string[];
	/** The burst: which calls take part and what they touch. */
	spec: BurstSpec;
	/** Distinct targets from which the flag is high (default 10). */
	highAt?: number;
	why: string;
	/** What normal looks like, before the identity's own baseline. */
	normal: string;
	/** The evidence lines before the shared notes on outcome and client. */
	evidence(burst: Burst): string[];
	next(burst: Burst): string[];
}

/**
A flag raised on every event of a burst, with words built from the burst
alone: the one shape all "many X in minutes" flags share.
*/
export function burstRule(definition: BurstRuleDefinition): FlagRule {
	const {id, title, severity, attack, spec, highAt = 10} = definition;
	// The words depend on the burst alone: written once per burst, not once
	// per event (a burst of thousands of calls would cost its square).
	const written = new WeakMap<Burst, {context: RuleContext; flag: Flag}>();
	return {
		id,
		title,
		severity,
		attack,
		check(event, context) {
			const burst = burstsOf(context.events, spec).get(event);
			if (!burst) {
				return undefined;
			}

			const known = written.get(burst);
			if (known?.context === context) {
				return {...known.flag};
			}

			const flag: Flag = {
				id,
				severity: burstSeverity(burst, severity, highAt),
				title,
				why: definition.why,
				evidence: [
					...definition.evidence(burst),
					...burstNotes(burst, context),
				],
				normal: [definition.normal, ...normalLines(burst.first, context)],
				next: definition.next(burst),
			};
			written.set(burst, {context, flag});
			return {...flag};
		},
	};
}
