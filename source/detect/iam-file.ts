import path from 'node:path';

/**
Reading `--iam` files: the output of `aws iam get-role` (`{"Role": …}`),
`aws iam list-roles` (`{"Roles": […]}`) and
`aws iam get-account-authorization-details` (`{"RoleDetailList": […]}`),
whose trust documents may be objects, JSON text or URL-encoded JSON text.
Only each role's name, ARN and trusted principals are kept.
*/

/** One principal named in a trust policy's Allow statements. */
export interface TrustedPrincipal {
	kind: 'Service' | 'AWS' | 'Federated' | 'CanonicalUser';
	/** e.g. `ecs-tasks.amazonaws.com`, an account ARN, or `*`. */
	value: string;
}

/** A role's trust policy as read from an `--iam` file. */
export interface RoleTrustPolicy {
	roleName: string;
	roleArn?: string;
	accountId?: string;
	principals: TrustedPrincipal[];
	/** True when every trusted principal is an AWS service. */
	serviceOnly: boolean;
	/** The file, as the user named it. */
	file: string;
	/** Where the knowledge came from: `trust policy from level3.json`. */
	source: string;
}

/** An `--iam` file that could not be understood; the message names it. */
export class IamFileError extends Error {
	constructor(
		readonly file: string,
		detail: string,
	) {
		super(`${file}: ${detail}`);
		this.name = 'IamFileError';
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `arn:aws:iam::123:role/service-role/level1` → name and account. */
export function parseRoleArn(
	arn: string,
): {roleName: string; accountId?: string} | undefined {
	const match = /^arn:[\w-]+:iam::(\d*):role\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (!match?.[2]) {
		return undefined;
	}

	return {roleName: match[2], accountId: match[1] || undefined};
}

/** The document may be an object, JSON text, or URL-encoded JSON text. */
function policyDocument(value: unknown): Record<string, unknown> | undefined {
	if (isObject(value)) {
		return value;
	}

	if (typeof value !== 'string') {
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

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function asList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const principalKinds = ['Service', 'AWS', 'Federated', 'CanonicalUser'];

function trustedPrincipals(document: Record<string, unknown>) {
	const found: TrustedPrincipal[] = [];
	for (const statement of asList(document['Statement'])) {
		if (!isObject(statement) || statement['Effect'] !== 'Allow') {
			continue;
		}

		const principal = statement['Principal'];
		if (principal === '*') {
			found.push({kind: 'AWS', value: '*'});
			continue;
		}

		if (!isObject(principal)) {
			continue;
		}

		for (const kind of principalKinds) {
			for (const value of asList(principal[kind])) {
				if (typeof value === 'string') {
					found.push({kind: kind as TrustedPrincipal['kind'], value});
				}
			}
		}
	}

	return found;
}

function readRole(
	role: unknown,
	position: string,
	file: string,
): RoleTrustPolicy {
	if (!isObject(role)) {
		throw new IamFileError(file, `${position} is not an object`);
	}

	const arn = typeof role['Arn'] === 'string' ? role['Arn'] : undefined;
	const fromArn = arn ? parseRoleArn(arn) : undefined;
	const roleName =
		typeof role['RoleName'] === 'string' ? role['RoleName'] : fromArn?.roleName;
	if (!roleName) {
		throw new IamFileError(file, `${position} has no RoleName`);
	}

	const document = policyDocument(role['AssumeRolePolicyDocument']);
	if (!document) {
		throw new IamFileError(
			file,
			`role ${roleName} has no readable AssumeRolePolicyDocument`,
		);
	}

	const principals = trustedPrincipals(document);
	return {
		roleName,
		roleArn: arn,
		accountId: fromArn?.accountId,
		principals,
		serviceOnly:
			principals.length > 0 && principals.every((p) => p.kind === 'Service'),
		file,
		source: `trust policy from ${path.basename(file)}`,
	};
}

/**
Reads the trust policies from one `--iam` file. Throws an `IamFileError`
naming the file when the text is not JSON or holds no role.
*/
export function parseIamFile(text: string, file: string): RoleTrustPolicy[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new IamFileError(file, `not valid JSON (${reason})`);
	}

	if (isObject(parsed) && parsed['Role'] !== undefined) {
		return [readRole(parsed['Role'], 'Role', file)];
	}

	for (const listName of ['Roles', 'RoleDetailList']) {
		const list = isObject(parsed) ? parsed[listName] : undefined;
		if (Array.isArray(list)) {
			return list.map((role, index) =>
				readRole(role, `${listName}[${index}]`, file),
			);
		}
	}

	throw new IamFileError(
		file,
		'no IAM role found: expected the output of `aws iam get-role` ' +
			'({"Role": …}), `aws iam list-roles` ({"Roles": […]}) or ' +
			'`aws iam get-account-authorization-details` ({"RoleDetailList": […]})',
	);
}
