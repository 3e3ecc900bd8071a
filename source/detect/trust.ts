import type {Principal, TrailEvent} from '../core/types.js';
import {clock} from './describe.js';
import {
	parseRoleArn,
	type RoleTrustPolicy,
	type TrustedPrincipal,
} from './iam-file.js';

export {
	IamFileError,
	parseIamFile,
	parseRoleArn,
	type RoleTrustPolicy,
	type TrustedPrincipal,
} from './iam-file.js';
import {recordField} from '../core/record-field.js';

/**
What is known about who may assume a role. A role that only AWS services may
assume is a workload role: its credentials belong on AWS's machines, so a
call with them from a laptop is the clearest sign of theft there is.

Knowledge comes from two places, and every piece says which, because an
investigator weighs "the trust policy says so" differently from "the logs
suggest so":
- `--iam` files: `aws iam get-role`, `aws iam list-roles` or
  `aws iam get-account-authorization-details` output (`parseIamFile`);
- the logs: an AWS service calling AssumeRole for the role (`inferTrust`).
*/

/** An AWS service seen in the logs assuming a role (issuing a session). */
export interface ServiceAssumption {
	roleName: string;
	roleArn: string;
	accountId?: string;
	/** The service host name, e.g. `ecs-tasks.amazonaws.com`. */
	service: string;
	sessionName?: string;
	/** The temporary key the call issued, when the record shows it. */
	accessKeyId?: string;
	/** The AssumeRole event. */
	seq: number;
	time: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
Finds the AssumeRole calls that AWS services made for roles: ECS for a task,
Lambda for a function, EC2 for an instance profile. Each one shows that the
role belongs to a workload, and which session and key it issued.
*/
export function inferTrust(events: readonly TrailEvent[]): ServiceAssumption[] {
	const found: ServiceAssumption[] = [];
	for (const event of events) {
		if (event.eventName !== 'AssumeRole' || event.errorCode) {
			continue;
		}

		const identity = recordField(event, 'userIdentity');
		if (!isObject(identity) || identity['type'] !== 'AWSService') {
			continue;
		}

		const service = text(identity['invokedBy']) ?? event.source.service;
		const request = recordField(event, 'requestParameters');
		const roleArn = isObject(request) ? text(request['roleArn']) : undefined;
		const role = roleArn ? parseRoleArn(roleArn) : undefined;
		if (!service || !roleArn || !role) {
			continue;
		}

		const response = recordField(event, 'responseElements');
		const credentials = isObject(response)
			? response['credentials']
			: undefined;
		found.push({
			roleName: role.roleName,
			roleArn,
			accountId: role.accountId,
			service,
			sessionName: isObject(request)
				? text(request['roleSessionName'])
				: undefined,
			accessKeyId: isObject(credentials)
				? text(credentials['accessKeyId'])
				: undefined,
			seq: event.seq,
			time: event.time,
		});
	}

	return found;
}

/** Everything known about role trust, looked up by role. */
export interface TrustKnowledge {
	policies: readonly RoleTrustPolicy[];
	assumptions: readonly ServiceAssumption[];
}

function sameRole(
	item: {roleName: string; accountId?: string},
	principal: Principal,
): boolean {
	return (
		item.roleName === principal.roleName &&
		(!item.accountId ||
			!principal.accountId ||
			item.accountId === principal.accountId)
	);
}

/** The trust policies read for the principal's role. */
export function policiesFor(
	knowledge: TrustKnowledge,
	principal: Principal,
): RoleTrustPolicy[] {
	return principal.roleName
		? knowledge.policies.filter((p) => sameRole(p, principal))
		: [];
}

/** The AWS-service AssumeRole calls seen for the principal's role. */
export function assumptionsFor(
	knowledge: TrustKnowledge,
	principal: Principal,
): ServiceAssumption[] {
	if (!principal.roleName) {
		return [];
	}

	// Asked for every event of a role; loaded events share principal objects,
	// so the scan over every assumption runs once per principal.
	let byPrincipal = assumptionCache.get(knowledge);
	if (!byPrincipal) {
		byPrincipal = new WeakMap();
		assumptionCache.set(knowledge, byPrincipal);
	}

	let found = byPrincipal.get(principal);
	if (!found) {
		found = knowledge.assumptions.filter((a) => sameRole(a, principal));
		byPrincipal.set(principal, found);
	}

	return [...found];
}

const assumptionCache = new WeakMap<
	TrustKnowledge,
	WeakMap<Principal, ServiceAssumption[]>
>();

/**
How an inferred piece of trust is cited: `inferred: ecs-tasks.amazonaws.com
issued this session at 22:31:59` when it issued the key the event used,
otherwise `inferred: ecs-tasks.amazonaws.com assumed level3 at 22:31:59`.
*/
export function describeAssumption(
	assumption: ServiceAssumption,
	event: TrailEvent,
): string {
	const when = clock(assumption.time, event.time);
	const key = event.principal.accessKeyId;
	return key !== undefined && assumption.accessKeyId === key
		? `inferred: ${assumption.service} issued this session at ${when}`
		: `inferred: ${assumption.service} assumed ${assumption.roleName} at ${when}`;
}

/** `ecs-tasks.amazonaws.com`, or `a and b` for several. */
export function describePrincipals(principals: TrustedPrincipal[]): string {
	const values = principals.map((p) => p.value);
	if (values.length <= 1) {
		return values[0] ?? 'nobody';
	}

	return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
