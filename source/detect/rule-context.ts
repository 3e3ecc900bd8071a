import type {TrailEvent} from '../core/types.js';
import {agentInfo, type AgentInfo} from './agent.js';
import {buildBaselines, type Baselines} from './baselines.js';
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
	const baselines = buildBaselines(events, agent);
	const lambdaSessions = findLambdaSessions(events, trust);
	const workloads = new Map<TrailEvent, WorkloadAssessment | undefined>();

	return {
		events,
		baselines,
		trust,
		lambdaSessions,
		agent(event) {
			const ua = event.userAgent;
			return ua === undefined || ua === '' ? undefined : agent(ua);
		},
		workload(event) {
			if (!workloads.has(event)) {
				workloads.set(
					event,
					assessWorkload(event, {baselines, trust, lambdaSessions}),
				);
			}

			return workloads.get(event);
		},
	};
}
