import type {TrailEvent} from '../core/types.js';
import {isObject, text, type Fields} from '../normalise/principal-fields.js';
import {recordField} from '../core/record-field.js';

/**
Readers for the parts of a record that say how someone signed in, shared by
the root and MFA flags. Sign-in facts live in odd places: whether MFA was
used is `additionalEventData.MFAUsed` on a ConsoleLogin, but
`sessionContext.attributes.mfaAuthenticated` on every later call of the
session, and both are strings ("Yes", "true"), not booleans.
*/

function additionalData(event: TrailEvent): Fields | undefined {
	const data = recordField(event, 'additionalEventData');
	return isObject(data) ? data : undefined;
}

/** True for a console sign-in (`ConsoleLogin`), whatever its outcome. */
export function isConsoleLogin(event: TrailEvent): boolean {
	return event.eventName === 'ConsoleLogin';
}

/** `additionalEventData.MFAUsed` as `yes` or `no`, or undefined when absent. */
export function mfaUsedAtSignIn(event: TrailEvent): 'yes' | 'no' | undefined {
	const value = text(additionalData(event), 'MFAUsed')?.toLowerCase();
	return value === 'yes' || value === 'no' ? value : undefined;
}

/**
The SAML provider a federated sign-in went through, when the record names
it. Its presence means the password and MFA were checked by the company's
identity provider, not by AWS.
*/
export function samlProviderOf(event: TrailEvent): string | undefined {
	return text(additionalData(event), 'SamlProviderArn');
}

/**
Whether the session that made a call had passed MFA:
`sessionContext.attributes.mfaAuthenticated`, or undefined when not logged.
*/
export function sessionMfa(event: TrailEvent): boolean | undefined {
	const identity = recordField(event, 'userIdentity');
	const context = isObject(identity) ? identity['sessionContext'] : undefined;
	const attributes = isObject(context) ? context['attributes'] : undefined;
	const value = isObject(attributes)
		? attributes['mfaAuthenticated']
		: undefined;
	if (value === true || value === 'true') {
		return true;
	}

	return value === false || value === 'false' ? false : undefined;
}

/**
Identities that sign in to the console with a password AWS checks itself:
IAM users and the root user. Everyone else (roles reached through SAML,
Identity Center or a federation broker) proved who they were elsewhere, and
their ConsoleLogin says `MFAUsed: No` even when the identity provider asked
for a second factor.
*/
export function signsInWithAwsPassword(event: TrailEvent): boolean {
	const type = event.principal.type;
	return (
		(type === 'IAMUser' || type === 'Root') &&
		samlProviderOf(event) === undefined
	);
}

/** MFA device removals: what an intruder does to keep a stolen password usable. */
const mfaRemovals = new Set(['DeactivateMFADevice', 'DeleteVirtualMFADevice']);

export interface SignInHistory {
	/** ConsoleLogin events in time order. */
	logins: TrailEvent[];
	/** MFA device deactivations and deletions, in time order. */
	mfaRemovals: TrailEvent[];
}

const histories = new WeakMap<readonly TrailEvent[], SignInHistory>();

/**
The sign-ins and MFA removals of the loaded logs, gathered once per event
list: a rule asks for them on every flagged sign-in, and a log can hold
thousands of sign-ins among millions of calls.
*/
export function signInHistory(events: readonly TrailEvent[]): SignInHistory {
	let history = histories.get(events);
	if (!history) {
		history = {logins: [], mfaRemovals: []};
		for (const event of events) {
			if (isConsoleLogin(event)) {
				history.logins.push(event);
			} else if (mfaRemovals.has(event.eventName)) {
				history.mfaRemovals.push(event);
			}
		}

		histories.set(events, history);
	}

	return history;
}

/**
The user whose MFA device a removal concerns: `requestParameters.userName`,
else the caller itself (IAM fills in the signer when the name is left out);
`root` for the root user.
*/
export function mfaRemovalTarget(event: TrailEvent): string | undefined {
	const parameters = recordField(event, 'requestParameters');
	const named = isObject(parameters) ? text(parameters, 'userName') : undefined;
	if (named) {
		return named;
	}

	return event.principal.type === 'Root' ? 'root' : event.principal.userName;
}
