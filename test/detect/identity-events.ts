import type {RawRecord, TrailEvent} from '../../source/core/types.js';
import {detect} from '../../source/detect/detect.js';
import {isConsoleEvent} from '../../source/normalise/normalise-event.js';
import {outcomeOf} from '../../source/normalise/outcome.js';
import {describePrincipal} from '../../source/normalise/principal.js';
import {makeEvent, type EventSpec} from '../helpers/make-event.js';

/**
Events whose identity matters in detail (root, console sign-ins, federated
roles). `makeEvent` names IAM users and roles only, so these specs write the
record's own `userIdentity` and the events are read back through the real
normaliser: the principal, the outcome and the console mark are what the
pipeline would derive from the same record.
*/

export const browser =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 ' +
	'(KHTML, like Gecko) Version/17.4 Safari/605.1.15';

export const account = '111122223333';

/** The `userIdentity` of the root user, optionally with a key or a service. */
export function rootIdentity(
	options: {key?: string; invokedBy?: string; mfa?: boolean} = {},
): RawRecord {
	return {
		type: 'Root',
		principalId: account,
		arn: `arn:aws:iam::${account}:root`,
		accountId: account,
		...(options.key ? {accessKeyId: options.key} : {}),
		...(options.invokedBy ? {invokedBy: options.invokedBy} : {}),
		...(options.mfa === undefined
			? {}
			: {
					sessionContext: {
						attributes: {mfaAuthenticated: String(options.mfa)},
					},
				}),
	};
}

/** The `userIdentity` of an IAM user, as a console sign-in logs it. */
export function userIdentity(user: string): RawRecord {
	return {
		type: 'IAMUser',
		principalId: `AIDAEXAMPLE${user.length}`,
		arn: `arn:aws:iam::${account}:user/${user}`,
		accountId: account,
		accessKeyId: '',
		userName: user,
	};
}

/** An Identity Center session role, as its console sign-in logs it. */
export function identityCenterRole(person: string): RawRecord {
	const role = 'AWSReservedSSO_Admin_0123456789abcdef';
	return {
		type: 'AssumedRole',
		principalId: `AROAEXAMPLESSO:${person}`,
		arn: `arn:aws:sts::${account}:assumed-role/${role}/${person}`,
		accountId: account,
		sessionContext: {
			attributes: {mfaAuthenticated: 'false'},
			sessionIssuer: {
				type: 'Role',
				arn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${role}`,
				accountId: account,
				userName: role,
			},
		},
	};
}

export interface LoginSpec {
	identity: RawRecord;
	time?: string;
	ip?: string;
	/** `additionalEventData.MFAUsed`; omitted when undefined. */
	mfa?: 'Yes' | 'No';
	result?: 'Success' | 'Failure';
	/** More `additionalEventData` fields, e.g. `SamlProviderArn`. */
	data?: RawRecord;
}

/** A console sign-in as CloudTrail logs it: failure only in responseElements. */
export function consoleLogin(spec: LoginSpec): EventSpec {
	const result = spec.result ?? 'Success';
	return {
		time: spec.time ?? '2024-05-01T10:00:00Z',
		ip: spec.ip ?? '198.51.100.50',
		ua: browser,
		eventName: 'ConsoleLogin',
		eventSource: 'signin.amazonaws.com',
		responseElements: {ConsoleLogin: result},
		extra: {
			eventType: 'AwsConsoleSignIn',
			userIdentity: spec.identity,
			additionalEventData: {
				LoginTo: 'https://console.aws.amazon.com/console/home',
				MobileVersion: 'No',
				...(spec.mfa ? {MFAUsed: spec.mfa} : {}),
				...spec.data,
			},
			...(result === 'Failure' ? {errorMessage: 'Failed authentication'} : {}),
		},
	};
}

/**
Builds the events through the normaliser's identity readers, numbers them in
time order as the pipeline does, and runs every flag.
*/
export function judgedRecords(specs: EventSpec[]): TrailEvent[] {
	const events = specs.map((spec) => {
		const event = makeEvent(spec);
		event.principal = describePrincipal(event.record);
		event.outcome = outcomeOf(event.record);
		event.console = spec.console ?? isConsoleEvent(event.record);
		event.eventType =
			typeof event.record['eventType'] === 'string'
				? event.record['eventType']
				: undefined;
		return event;
	});
	events.sort((a, b) => a.time - b.time);
	for (const [index, event] of events.entries()) {
		event.seq = index;
		event.recordIndex = index;
	}

	detect(events);
	return events;
}

/** The flag of one id on an event, or undefined. */
export function flagOf(event: TrailEvent | undefined, id: string) {
	return event?.flags.find((f) => f.id === id);
}

/**
A printed command with its quoted parts and backslash escapes removed: what
a POSIX shell would still interpret. A forged log value must leave nothing
there. A quote left open (a forged value's own quote, unescaped) ends the
text with `UNTERMINATED`, so that tests see it.
*/
export function unquoted(command: string): string {
	let out = '';
	let quoted = false;
	for (let i = 0; i < command.length; i++) {
		const c = command[i];
		if (quoted) {
			quoted = c !== "'";
		} else if (c === "'") {
			quoted = true;
		} else if (c === '\\') {
			i++;
		} else {
			out += c;
		}
	}

	return quoted ? `${out} UNTERMINATED` : out;
}
