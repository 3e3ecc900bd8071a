import type {Principal} from '../core/types.js';

/**
Defensive readers for `userIdentity`: every field may be missing, empty or
of the wrong type, and none of that may throw.
*/

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string field, or undefined. */
export function text(
	fields: Fields | undefined,
	key: string,
): string | undefined {
	const value = fields?.[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `arn:partition:service:region:account:resource`, resource may hold `:`. */
export function arnParts(arn: string | undefined): {
	account?: string;
	resource?: string;
} {
	if (arn === undefined || !arn.startsWith('arn:')) {
		return {};
	}

	// Only the account and the resource are needed: find the fifth colon.
	let at = -1;
	for (let n = 0; n < 5; n++) {
		at = arn.indexOf(':', at + 1);
		if (at < 0) {
			return {};
		}
	}

	const accountStart = arn.lastIndexOf(':', at - 1) + 1;
	return {
		account: arn.slice(accountStart, at) || undefined,
		resource: arn.slice(at + 1) || undefined,
	};
}

/** The part of a resource after `kind/`, e.g. `user/dev/alice` → `dev/alice`. */
export function after(
	resource: string | undefined,
	kind: string,
): string | undefined {
	if (resource === undefined || !resource.startsWith(`${kind}/`)) {
		return undefined;
	}

	return resource.slice(kind.length + 1) || undefined;
}

export function lastSegment(path: string | undefined): string | undefined {
	return path === undefined ? undefined : path.split('/').pop() || undefined;
}

/** `sessionContext.sessionIssuer`, when it is an object. */
export function issuerOf(id: Fields): Fields | undefined {
	const context = id['sessionContext'];
	if (!isObject(context)) {
		return undefined;
	}

	const issuer = context['sessionIssuer'];
	return isObject(issuer) ? issuer : undefined;
}

/** What every shape's reader gets: the identity and the fields all shapes share. */
export interface Common {
	id: Fields;
	type: string | undefined;
	account: string | undefined;
	arn: string | undefined;
	resource: string | undefined;
	invokedBy: string | undefined;
}

/**
A principal with every key present, filled in by the reader of its shape.
One object shape for all events keeps a million of them cheap to build;
absent values are undefined.
*/
export function blankPrincipal(c: Common): Principal {
	return {
		type: c.type ?? 'None',
		label: '(unknown principal)',
		baselineKey: undefined,
		accountId: c.account,
		arn: c.arn,
		userName: undefined,
		roleName: undefined,
		sessionName: undefined,
		accessKeyId: text(c.id, 'accessKeyId'),
		invokedBy: c.invokedBy,
	};
}
