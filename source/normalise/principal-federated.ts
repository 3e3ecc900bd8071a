import type {Principal} from '../core/types.js';
import {
	after,
	isObject,
	issuerOf,
	lastSegment,
	text,
	type Common,
} from './principal-fields.js';

/*
Identities from outside IAM: federation tokens, SAML and web identity
sessions, and Identity Center users. Each reader fills in the principal
prepared by describePrincipal.
*/

/** `federated-user/<name>`, made by GetFederationToken from an IAM user. */
export function federated(p: Principal, c: Common): void {
	const principalId = text(c.id, 'principalId');
	const name =
		after(c.resource, 'federated-user') ??
		(principalId?.includes(':') ? principalId.split(':').pop() : undefined);
	p.type = 'FederatedUser';
	if (!name) {
		p.label = `FederatedUser ${principalId ?? '(no name)'}`;
		return;
	}

	const issuerName = text(issuerOf(c.id), 'userName');
	p.label = `federated ${name}${issuerName ? ` (via ${issuerName})` : ''}`;
	p.baselineKey = `federated:${c.account ?? '?'}:${name}`;
	p.userName = name;
}

/** AssumeRoleWithSAML and AssumeRoleWithWebIdentity callers. */
export function webOrSaml(
	p: Principal,
	c: Common,
	kind: 'SAMLUser' | 'WebIdentityUser',
): void {
	const userName = text(c.id, 'userName');
	const provider = text(c.id, 'identityProvider');
	const what =
		kind === 'SAMLUser'
			? 'SAML user'
			: `web identity${provider ? `, ${provider}` : ''}`;
	const who = userName ?? text(c.id, 'principalId') ?? '(no name)';
	p.type = kind;
	p.label = `${who} (${what})`;
	if (userName !== undefined) {
		const prefix = kind === 'SAMLUser' ? 'saml' : 'web';
		p.baselineKey = `${prefix}:${provider ?? '?'}:${userName}`;
		p.userName = userName;
	}
}

/** Identity Center users since 2025: known only by `onBehalfOf.userId` in an identity store. */
export function identityCenter(p: Principal, c: Common): void {
	const behalf = isObject(c.id['onBehalfOf']) ? c.id['onBehalfOf'] : undefined;
	const userId = text(behalf, 'userId');
	const store = lastSegment(text(behalf, 'identityStoreArn'));
	p.type = 'IdentityCenterUser';
	if (userId === undefined) {
		p.label = 'IdentityCenterUser (no user id)';
		return;
	}

	p.label = `IdentityCenterUser ${userId}${store ? ` (${store})` : ''}`;
	p.baselineKey = `idc:${store ?? '?'}:${userId}`;
	p.userName = userId;
}
