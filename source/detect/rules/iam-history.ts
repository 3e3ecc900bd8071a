import type {TrailEvent} from '../../core/types.js';
import {clock} from '../describe.js';
import {field, requestOf, responseOf, textField} from './request-fields.js';
import {adminGrant, readPolicy} from './policy-document.js';

/**
What the loaded logs show happening to IAM identities, gathered once so that
the identity flags can link their events: the user created at 12:24:49, given
AdministratorAccess a second later, and handed an access key the second after
that is one story, and the panel should tell it as one.
*/

export type EntityKind = 'user' | 'role' | 'group';

export interface AdminGrant {
	kind: EntityKind;
	name: string;
	/** The policy's name or ARN. */
	policy: string;
	level: 'full' | 'iam';
	/** How the grant was made: attached managed policy, or inline policy. */
	inline: boolean;
}

export interface IamHistory {
	/** `user:alice` → the successful CreateUser (CreateRole, CreateGroup). */
	created: ReadonlyMap<string, TrailEvent>;
	/** Customer-managed policies whose document grants admin, by ARN. */
	adminPolicies: ReadonlyMap<string, {name: string; level: 'full' | 'iam'}>;
	/** `user:alice` → the successful events that granted it admin. */
	grants: ReadonlyMap<string, TrailEvent[]>;
	/** User name → successful CreateAccessKey and CreateLoginProfile for it. */
	credentials: ReadonlyMap<string, TrailEvent[]>;
}

/** AWS-managed policies that amount to administrator access. */
const managedAdmin = new Map<string, 'full' | 'iam'>([
	['AdministratorAccess', 'full'],
	['IAMFullAccess', 'iam'],
]);

const entityOf: Record<string, EntityKind> = {
	User: 'user',
	Role: 'role',
	Group: 'group',
};

/** `AttachUserPolicy` → `user`; `PutRolePolicy` → `role`. */
function grantee(
	event: TrailEvent,
): {kind: EntityKind; name: string} | undefined {
	const match = /^(?:Attach|Put)(User|Role|Group)Policy$/.exec(event.eventName);
	const kind = match?.[1] ? entityOf[match[1]] : undefined;
	const name = kind ? textField(requestOf(event), `${kind}Name`) : undefined;
	return kind && name ? {kind, name} : undefined;
}

function managedLevel(
	arn: string,
	custom: ReadonlyMap<string, {name: string; level: 'full' | 'iam'}>,
): {name: string; level: 'full' | 'iam'} | undefined {
	const aws = /^arn:[\w-]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
	const level = aws?.[1] ? managedAdmin.get(aws[1]) : undefined;
	if (aws?.[1] && level) {
		return {name: aws[1], level};
	}

	return custom.get(arn);
}

/** The grant an event makes, when it grants administrator access. */
export function adminGrantOf(
	event: TrailEvent,
	custom: ReadonlyMap<string, {name: string; level: 'full' | 'iam'}>,
): AdminGrant | undefined {
	if (event.eventSource !== 'iam.amazonaws.com') {
		return undefined;
	}

	const target = grantee(event);
	if (!target) {
		return undefined;
	}

	const request = requestOf(event);
	if (event.eventName.startsWith('Attach')) {
		const arn = textField(request, 'policyArn');
		const known = arn ? managedLevel(arn, custom) : undefined;
		return known
			? {...target, policy: known.name, level: known.level, inline: false}
			: undefined;
	}

	const statements = readPolicy(field(request, 'policyDocument')) ?? [];
	const levels = statements.map(adminGrant);
	const level = levels.includes('full')
		? 'full'
		: levels.includes('iam')
			? 'iam'
			: undefined;
	return level
		? {
				...target,
				policy: textField(request, 'policyName') ?? '(inline)',
				level,
				inline: true,
			}
		: undefined;
}

function customPolicy(
	event: TrailEvent,
	custom: Map<string, {name: string; level: 'full' | 'iam'}>,
): void {
	const request = requestOf(event);
	const statements = readPolicy(field(request, 'policyDocument')) ?? [];
	const levels = statements.map(adminGrant);
	const level = levels.includes('full')
		? 'full'
		: levels.includes('iam')
			? 'iam'
			: undefined;
	const arn =
		textField(request, 'policyArn') ??
		textField(field(responseOf(event), 'policy'), 'arn');
	if (level && arn) {
		custom.set(arn, {
			name: textField(request, 'policyName') ?? arn,
			level,
		});
	}
}

const cache = new WeakMap<readonly TrailEvent[], IamHistory>();

/** Gathers the history once per event list. */
export function iamHistory(events: readonly TrailEvent[]): IamHistory {
	let history = cache.get(events);
	if (history) {
		return history;
	}

	const created = new Map<string, TrailEvent>();
	const adminPolicies = new Map<
		string,
		{name: string; level: 'full' | 'iam'}
	>();
	const grants = new Map<string, TrailEvent[]>();
	const credentials = new Map<string, TrailEvent[]>();
	const iam = events.filter(
		(e) => e.eventSource === 'iam.amazonaws.com' && e.outcome === 'success',
	);
	for (const event of iam) {
		const made = /^Create(User|Role|Group)$/.exec(event.eventName);
		const kind = made?.[1] ? entityOf[made[1]] : undefined;
		const name = kind ? textField(requestOf(event), `${kind}Name`) : undefined;
		if (kind && name && !created.has(`${kind}:${name}`)) {
			created.set(`${kind}:${name}`, event);
		}

		const holder = /^(?:CreateAccessKey|CreateLoginProfile)$/.test(
			event.eventName,
		)
			? textField(requestOf(event), 'userName')
			: undefined;
		if (holder) {
			credentials.set(holder, [...(credentials.get(holder) ?? []), event]);
		}

		const setsDefault =
			event.eventName === 'CreatePolicyVersion' &&
			String(field(requestOf(event), 'setAsDefault')) === 'true';
		if (event.eventName === 'CreatePolicy' || setsDefault) {
			customPolicy(event, adminPolicies);
		}
	}

	for (const event of iam) {
		const grant = adminGrantOf(event, adminPolicies);
		if (grant) {
			const key = `${grant.kind}:${grant.name}`;
			grants.set(key, [...(grants.get(key) ?? []), event]);
		}
	}

	history = {created, adminPolicies, grants, credentials};
	cache.set(events, history);
	return history;
}

/** `created at 12:24:49 by bert-jan`, or undefined when not in the logs. */
export function createdText(
	history: IamHistory,
	kind: EntityKind,
	name: string,
	event: TrailEvent,
): string | undefined {
	const made = history.created.get(`${kind}:${name}`);
	if (!made || made.seq > event.seq) {
		return undefined;
	}

	return `The ${kind} ${name} was created at ${clock(made.time, event.time)} by ${made.principal.label} (${made.eventName}).`;
}
