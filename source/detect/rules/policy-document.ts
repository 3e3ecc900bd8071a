import {isObject} from '../../normalise/principal-fields.js';

/**
Reading the policy documents that requests carry: IAM permission policies,
role trust policies, bucket and other resource policies. CloudTrail logs
them as objects, as JSON text, or as URL-encoded JSON text (IAM), and every
part of them may be a single value or a list.

Only what the flags ask is kept: who a statement lets in (its principals),
what it allows (actions and resources), and which conditions narrow it.
*/

export interface PolicyPrincipal {
	kind: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
	/** An ARN, an account id, a service host, or `*` for everyone. */
	value: string;
}

export interface PolicyStatement {
	effect: string;
	principals: PolicyPrincipal[];
	actions: string[];
	/** `NotAction`: an Allow with it allows everything but these. */
	notActions: string[];
	resources: string[];
	/** The condition keys as written, e.g. `aws:SourceVpce`. */
	conditionKeys: string[];
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The document as an object, from an object, JSON text or URL-encoded text. */
export function policyObject(
	value: unknown,
): Record<string, unknown> | undefined {
	if (isObject(value)) {
		return value;
	}

	if (typeof value !== 'string' || value.trim() === '') {
		return undefined;
	}

	for (const text of [value, safeDecode(value)]) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (isObject(parsed)) {
				return parsed;
			}
		} catch {
			// Try the next form.
		}
	}

	return undefined;
}

function strings(value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	return list.filter((v): v is string => typeof v === 'string');
}

const principalKinds = [
	'AWS',
	'Service',
	'Federated',
	'CanonicalUser',
] as const;

function principalsOf(value: unknown): PolicyPrincipal[] {
	if (value === '*') {
		return [{kind: 'AWS', value: '*'}];
	}

	if (!isObject(value)) {
		return [];
	}

	return principalKinds.flatMap((kind) =>
		strings(value[kind]).map((v) => ({kind, value: v})),
	);
}

function conditionKeysOf(value: unknown): string[] {
	if (!isObject(value)) {
		return [];
	}

	return Object.values(value).flatMap((operands) =>
		isObject(operands) ? Object.keys(operands) : [],
	);
}

/** The statements of a policy document, or undefined when it is unreadable. */
export function readPolicy(value: unknown): PolicyStatement[] | undefined {
	const document = policyObject(value);
	if (!document) {
		return undefined;
	}

	const raw = document['Statement'];
	const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
	return list.filter(isObject).map((statement) => ({
		effect: typeof statement['Effect'] === 'string' ? statement['Effect'] : '',
		principals: principalsOf(statement['Principal']),
		actions: strings(statement['Action']),
		notActions: strings(statement['NotAction']),
		resources: strings(statement['Resource']),
		conditionKeys: conditionKeysOf(statement['Condition']),
	}));
}

/** `*`, and account-wide wildcards such as `arn:aws:iam::*:root`. */
export function isEveryone(principal: PolicyPrincipal): boolean {
	return (
		principal.kind === 'AWS' &&
		(principal.value === '*' || /^arn:[\w-]+:iam::\*:/.test(principal.value))
	);
}

/** The account of `123456789012` or `arn:aws:iam::123456789012:…`. */
export function accountOfPrincipal(value: string): string | undefined {
	if (/^\d{12}$/.test(value)) {
		return value;
	}

	return /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
}

/**
Conditions that pin a statement to known callers or networks: an
organisation, an account, a VPC or VPC endpoint, an address range, a source
resource. A statement for everyone with one of these is not public.
*/
const pinningKeys = new Set(
	[
		'aws:SourceVpce',
		'aws:SourceVpc',
		'aws:SourceIp',
		'aws:VpcSourceIp',
		'aws:PrincipalOrgID',
		'aws:PrincipalOrgPaths',
		'aws:PrincipalAccount',
		'aws:PrincipalArn',
		'aws:SourceAccount',
		'aws:SourceArn',
		'aws:SourceOrgID',
		'aws:SourceOrgPaths',
		'aws:userid',
		'aws:username',
	].map((k) => k.toLowerCase()),
);

/** The statement's conditions that pin it to known callers. */
export function pinningConditions(statement: PolicyStatement): string[] {
	return statement.conditionKeys.filter((key) =>
		pinningKeys.has(key.toLowerCase()),
	);
}

function actionMatches(action: string, pattern: RegExp): boolean {
	return pattern.test(action);
}

/**
How much an Allow statement grants: `full` for every action on every
resource (`"Action":"*","Resource":"*"`), `iam` for every IAM action (enough
to grant itself anything), undefined otherwise. `NotAction` statements
("everything but …") are left out: they are how PowerUserAccess-style
policies keep IAM out, the opposite of a grab for it.
*/
export function adminGrant(
	statement: PolicyStatement,
): 'full' | 'iam' | undefined {
	if (statement.effect !== 'Allow') {
		return undefined;
	}

	const everywhere =
		statement.resources.includes('*') || statement.resources.length === 0;
	if (!everywhere) {
		return undefined;
	}

	if (statement.actions.some((a) => actionMatches(a, /^\*(?::\*)?$/))) {
		return 'full';
	}

	return statement.actions.some((a) => actionMatches(a, /^iam:\*$/i))
		? 'iam'
		: undefined;
}
