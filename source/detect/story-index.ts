import type {TrailEvent} from '../core/types.js';
import {isObject, text} from '../normalise/principal-fields.js';
import {recordField} from '../core/record-field.js';

/**
The lookups behind the story view, built in one pass when the first story
is asked for: calls by access key, session and principal, the call whose
response handed out each key, and the AssumeRole calls and console
sign-ins that start sessions.
*/

/** The lookups a story needs, built in one pass over the events. */
export interface StoryIndex {
	readonly events: readonly TrailEvent[];
	/** Calls made with each access key. */
	byKey: Map<string, number[]>;
	/** The first call whose response holds each access key. */
	issuedKey: Map<string, number>;
	/** Calls of each assumed-role session (its ARN) without an access key. */
	bySession: Map<string, number[]>;
	/** Calls of each principal without an access key or a session. */
	byPrincipal: Map<string, number[]>;
	/** AssumeRole calls by `roleArn` and session name, and sign-ins by ARN. */
	issuers: Map<string, number[]>;
}

function push(map: Map<string, number[]>, key: string, seq: number): void {
	const list = map.get(key);
	if (list) {
		list.push(seq);
	} else {
		map.set(key, [seq]);
	}
}

/** The access key a call's response hands out, if it hands one out. */
export function issuedKeyOf(event: TrailEvent): string | undefined {
	if (event.errorCode) {
		return undefined;
	}

	const response = recordField(event, 'responseElements');
	if (!isObject(response)) {
		return undefined;
	}

	// STS (AssumeRole*, GetSessionToken, GetFederationToken), then IAM.
	for (const name of ['credentials', 'accessKey']) {
		const credentials = response[name];
		const key = isObject(credentials)
			? text(credentials, 'accessKeyId')
			: undefined;
		if (key) {
			return key;
		}
	}

	return undefined;
}

/** `roleArn` + session of an AssumeRole* request, the key issuers use. */
export function assumeKey(roleArn: string, session: string): string {
	return `assume\n${roleArn}\n${session}`;
}

export function createStoryIndex(events: readonly TrailEvent[]): StoryIndex {
	const index: StoryIndex = {
		events,
		byKey: new Map(),
		issuedKey: new Map(),
		bySession: new Map(),
		byPrincipal: new Map(),
		issuers: new Map(),
	};
	for (const event of events) {
		const {accessKeyId, arn, sessionName, baselineKey} = event.principal;
		if (accessKeyId) {
			push(index.byKey, accessKeyId, event.seq);
		} else if (arn && sessionName) {
			push(index.bySession, arn, event.seq);
		} else if (baselineKey) {
			push(index.byPrincipal, baselineKey, event.seq);
		}

		const issued = issuedKeyOf(event);
		if (issued && !index.issuedKey.has(issued)) {
			index.issuedKey.set(issued, event.seq);
		}

		if (event.errorCode || event.outcome !== 'success') {
			continue;
		}

		const request = recordField(event, 'requestParameters');
		const roleArn = isObject(request) ? text(request, 'roleArn') : undefined;
		const session = isObject(request)
			? text(request, 'roleSessionName')
			: undefined;
		if (event.eventName.startsWith('AssumeRole') && roleArn && session) {
			push(index.issuers, assumeKey(roleArn, session), event.seq);
		}

		if (event.eventName === 'ConsoleLogin' && arn) {
			push(index.issuers, `sign-in\n${arn}`, event.seq);
		}
	}

	return index;
}
