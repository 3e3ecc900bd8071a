import type {TrailEvent} from '../core/types.js';
import {agentInfo, type AgentInfo} from './agent.js';
import {asOfWindow, eventView} from './baseline-view.js';
import {
	buildBaselines,
	learningBefore,
	type AgentKind,
	type Baselines,
} from './baselines.js';
import {
	inferTrust,
	type RoleTrustPolicy,
	type TrustKnowledge,
} from './trust.js';
import {
	assessWorkload,
	findLambdaSessions,
	type LambdaSession,
	type WorkloadAssessment,
} from './workload.js';

/** What the caller of `detect()` knows beyond the events themselves. */
export interface DetectContext {
	/** Trust policies read from `--iam` files with `parseIamFile`. */
	trustPolicies?: readonly RoleTrustPolicy[];
	/**
	`--baseline-until`, epoch milliseconds: events before it build the
	baselines and are not judged as deviations; events at or after it are
	judged against what was learned before it. Without it, baselines learn
	from every event and the first use is the expected one.
	*/
	baselineUntil?: number;
}

/**
What every rule may consult, built once per `detect()` call: the events, the
baselines, the trust knowledge and a few cached judgements that several rules
share (is this a workload? what client is this?).
*/
export interface RuleContext {
	readonly events: readonly TrailEvent[];
	readonly baselines: Baselines;
	readonly trust: TrustKnowledge;
	readonly lambdaSessions: Map<string, LambdaSession>;
	/** The user agent classified, or undefined when the event has none. */
	agent(event: TrailEvent): AgentInfo | undefined;
	/** Why the event's role is a workload's, or undefined when it is not. */
	workload(event: TrailEvent): WorkloadAssessment | undefined;
	/** `DetectContext.baselineUntil`, when a learning window is set. */
	readonly baselineUntil?: number;
	/**
	True for an event inside the learning window (before `baselineUntil`);
	always false without one. The baseline view already keeps a learning
	event's own place and client expected; a rule that flags "the first use
	of something" (an API, a region) should also leave learning events alone,
	since their first uses are what is being learned.
	*/
	learning(event: TrailEvent): boolean;
	/**
	The context a rule gets for one event: without a learning window, this
	context itself; with one, `baselines` (and the workload judgement built
	on them) show what was learned before the window ends, as that event
	sees it (see baseline-view.ts). `detect()` hands every rule this, so the
	rules compare with `baselines` and need not know about the window.
	*/
	forEvent(event: TrailEvent): RuleContext;
}

export function createRuleContext(
	events: readonly TrailEvent[],
	context: DetectContext = {},
): RuleContext {
	const agents = new Map<string, AgentInfo>();
	const agent = (ua: string): AgentInfo => {
		let info = agents.get(ua);
		if (!info) {
			info = agentInfo(ua);
			agents.set(ua, info);
		}

		return info;
	};

	const trust: TrustKnowledge = {
		policies: context.trustPolicies ?? [],
		assumptions: inferTrust(events),
	};
	const all = buildBaselines(events, agent);
	const until = context.baselineUntil;
	const learning = learningBefore(until);
	const learned =
		until === undefined
			? undefined
			: buildBaselines(events.filter(learning), agent);
	const baselines = learned ? asOfWindow(learned, all) : all;
	const lambdaSessions = findLambdaSessions(events, trust);
	const agentOf = (event: TrailEvent): AgentInfo | undefined => {
		const ua = event.userAgent;
		return ua === undefined || ua === '' ? undefined : agent(ua);
	};

	/** The baselines one event sees; see baseline-view.ts. */
	const viewOf = (event: TrailEvent): Baselines => {
		if (!learned) {
			return all;
		}

		const ua = event.userAgent;
		const kind: AgentKind | undefined =
			ua === undefined || ua === '' || ua === 'AWS Internal'
				? undefined
				: agent(ua);
		return eventView(baselines, learned, all, event, kind);
	};

	const workloads = new Map<TrailEvent, WorkloadAssessment | undefined>();
	const workload = (event: TrailEvent): WorkloadAssessment | undefined => {
		if (!workloads.has(event)) {
			workloads.set(
				event,
				assessWorkload(event, {
					baselines: viewOf(event),
					trust,
					lambdaSessions,
				}),
			);
		}

		return workloads.get(event);
	};

	const shared: RuleContext = {
		events,
		baselines,
		trust,
		lambdaSessions,
		agent: agentOf,
		workload,
		...(until === undefined ? {} : {baselineUntil: until}),
		learning,
		forEvent(event) {
			return learned ? {...shared, baselines: viewOf(event)} : shared;
		},
	};
	return shared;
}
