import type {Principal, RawRecord} from '../core/types.js';
import {federated, identityCenter, webOrSaml} from './principal-federated.js';
import {
	after,
	arnParts,
	blankPrincipal,
	isObject,
	issuerOf,
	lastSegment,
	text,
	type Common,
} from './principal-fields.js';

/**
`userIdentity` takes many shapes: roles without `sessionIssuer`, users
without `arn`, AWS accounts without either, Identity Center users known only
by `onBehalfOf.userId`, service events without `type`, and records without
it at all. Every field is read defensively, and each shape gets the label a
person would use and the key that per-identity baselines group by.
*/

const hiddenName = 'HIDDEN_DUE_TO_SECURITY_REASONS';
const anonymous = 'ANONYMOUS_PRINCIPAL';

/** AssumedRole: the role from `sessionIssuer`, else from the ARN; the session from the ARN. */
function role(p: Principal, c: Common): void {
	const issuer = issuerOf(c.id);
	const fromArn = after(c.resource, 'assumed-role')?.split('/');
	const roleName =
		text(issuer, 'userName') ??
		lastSegment(after(arnParts(text(issuer, 'arn')).resource, 'role')) ??
		fromArn?.[0];
	const principalId = text(c.id, 'principalId');
	const sessionName =
		(fromArn && fromArn.length > 1 ? fromArn.slice(1).join('/') : undefined) ??
		(principalId?.includes(':')
			? principalId.slice(principalId.indexOf(':') + 1)
			: undefined);
	const account = c.account ?? text(issuer, 'accountId');
	p.type = c.type ?? 'AssumedRole';
	if (roleName === undefined) {
		p.label = `AssumedRole ${principalId ?? c.arn ?? '(no name)'}`;
		return;
	}

	const session = sessionName === undefined ? '' : ` (session ${sessionName})`;
	p.label = `role ${roleName}${session}`;
	p.accountId = account;
	p.baselineKey = `role:${account ?? '?'}:${roleName}`;
	p.roleName = roleName;
	p.sessionName = sessionName;
}

function iamUser(p: Principal, c: Common): void {
	const named = text(c.id, 'userName');
	if (named === hiddenName) {
		p.label = 'unknown user (name hidden by AWS)';
		return;
	}

	const userName = named ?? lastSegment(after(c.resource, 'user'));
	if (userName === undefined) {
		const id = text(c.id, 'principalId');
		p.label = id ? `IAMUser ${id}` : '(unknown principal)';
		return;
	}

	p.label = c.arn === undefined ? `${userName} (no ARN in record)` : userName;
	p.baselineKey = `user:${c.account ?? '?'}:${userName}`;
	p.userName = userName;
}

function root(p: Principal, c: Common): void {
	const account = c.account ?? text(c.id, 'principalId');
	const via = c.invokedBy ? ` invoked by ${c.invokedBy}` : '';
	p.accountId = account;
	p.label = `root${account ? ` (${account})` : ''}${via}`;
	p.baselineKey = `root:${account ?? '?'}`;
}

function awsAccount(p: Principal, c: Common): void {
	const principalId = text(c.id, 'principalId');
	if (c.account === anonymous || principalId === anonymous) {
		p.label = 'anonymous';
		return;
	}

	const who = c.account ?? principalId;
	if (who !== undefined) {
		p.label = `account ${who} (cross-account)`;
		p.baselineKey = `account:${who}`;
	}
}

/** The legacy Identity Center shape: `type: Unknown` with a `userName`. */
function unknown(p: Principal, c: Common): void {
	const userName = text(c.id, 'userName');
	if (userName !== undefined) {
		p.label = `${userName} (Unknown)`;
		p.baselineKey = `unknown:${c.account ?? '?'}:${userName}`;
		p.userName = userName;
	}
}

/** No `type`: a service event (`invokedBy: AWS Internal`) or a shape of its own. */
function untyped(p: Principal, c: Common, record: RawRecord): void {
	const serviceEvent = record['eventType'] === 'AwsServiceEvent';
	if (serviceEvent && (c.invokedBy ?? 'AWS Internal') === 'AWS Internal') {
		p.type = 'ServiceEvent';
		p.label = 'AWS internal (service event)';
	} else if (c.invokedBy !== undefined) {
		p.type = serviceEvent ? 'ServiceEvent' : 'AWSService';
		p.label = `${c.invokedBy} (${serviceEvent ? 'service event' : 'AWS service'})`;
	} else {
		other(p, c);
	}
}

/** A type this code does not know: show what there is, keep no baseline. */
function other(p: Principal, c: Common): void {
	const name = text(c.id, 'userName') ?? c.arn ?? text(c.id, 'principalId');
	if (name !== undefined) {
		p.label = c.type ? `${c.type} ${name}` : name;
	}
}

function fill(p: Principal, c: Common, record: RawRecord): void {
	switch (c.type) {
		case 'AssumedRole':
		case 'Role': {
			role(p, c);
			break;
		}

		case 'IAMUser': {
			iamUser(p, c);
			break;
		}

		case 'Root': {
			root(p, c);
			break;
		}

		case 'AWSService': {
			const service = c.invokedBy ?? text(c.id, 'principalId') ?? 'unknown';
			p.label = `${service} (AWS service)`;
			break;
		}

		case 'AWSAccount': {
			awsAccount(p, c);
			break;
		}

		case 'FederatedUser': {
			federated(p, c);
			break;
		}

		case 'SAMLUser':
		case 'WebIdentityUser': {
			webOrSaml(p, c, c.type);
			break;
		}

		case 'IdentityCenterUser': {
			identityCenter(p, c);
			break;
		}

		case 'Unknown': {
			unknown(p, c);
			break;
		}

		case undefined: {
			untyped(p, c, record);
			break;
		}

		default: {
			other(p, c);
		}
	}
}

/**
Who made the call, as a person would name them. The label keeps the log's
characters as they are, like every other field: filters, pivots and
`--json` compare or escape the raw text, and each view makes it visible
when it draws it (`visible()`, `shown()`, `fit()`). Never throws, whatever
`userIdentity` holds.
*/
export function describePrincipal(record: RawRecord): Principal {
	const value = record['userIdentity'];
	const id = isObject(value) ? value : {};
	const arn = text(id, 'arn');
	const {account: arnAccount, resource} = arnParts(arn);
	const c: Common = {
		id,
		type: text(id, 'type'),
		account: text(id, 'accountId') ?? arnAccount,
		arn,
		resource,
		invokedBy: text(id, 'invokedBy'),
	};
	const p = blankPrincipal(c);
	fill(p, c, record);
	return p;
}
