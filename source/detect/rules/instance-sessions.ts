import type {SourceInfo, TrailEvent} from '../../core/types.js';
import {isObject, text} from '../../normalise/principal-fields.js';
import {countedAddress} from '../baselines.js';
import {isInsideAws} from '../describe.js';
import {memo} from './event-groups.js';
import {recordField} from '../../core/record-field.js';

/**
What the logs show about the role sessions of EC2 instances: EC2 names the
session of an instance profile's role after the instance (`i-…`), and the
software on the instance calls from the instance's own place, its public
address in AWS's ranges (or its NAT gateway's) or a VPC endpoint. The first
such place seen for an instance is taken as its home, as the baselines take
an identity's first use as the expected one.
*/

/** EC2 instance ids: `i-` and 8 or 17 hexadecimal digits. */
export const instanceIdPattern = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/** The instance an event's role session belongs to, or undefined. */
export function instanceOf(event: TrailEvent): string | undefined {
	const session = event.principal.sessionName;
	return event.principal.roleName !== undefined &&
		session !== undefined &&
		instanceIdPattern.test(session)
		? session
		: undefined;
}

/** `sessionContext.ec2RoleDelivery`: `1.0` for IMDSv1, `2.0` for IMDSv2. */
export function roleDelivery(event: TrailEvent): string | undefined {
	const identity = recordField(event, 'userIdentity');
	const context = isObject(identity) ? identity['sessionContext'] : undefined;
	return isObject(context) ? text(context, 'ec2RoleDelivery') : undefined;
}

/** `vpcEndpointAccountId`: the account that owns the VPC endpoint used. */
export function endpointAccount(event: TrailEvent): string | undefined {
	const value = recordField(event, 'vpcEndpointAccountId');
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Where one instance session was seen calling from. */
export interface InstancePlace {
	address: string;
	source: SourceInfo;
	firstSeq: number;
	firstTime: number;
	calls: number;
	/** Access keys used from this address. */
	keys: Set<string>;
}

export interface InstanceSession {
	instanceId: string;
	roleName: string;
	/** By address, in the order first seen. */
	places: Map<string, InstancePlace>;
}

function sessionKey(event: TrailEvent, instanceId: string): string {
	const {accountId, roleName} = event.principal;
	return `${accountId ?? ''}\u0000${roleName ?? ''}\u0000${instanceId}`;
}

/** Every instance session of the loaded logs with its places. */
function allSessions(
	events: readonly TrailEvent[],
): Map<string, InstanceSession> {
	return memo('instance-sessions', events, () => {
		const sessions = new Map<string, InstanceSession>();
		for (const event of events) {
			const instanceId = instanceOf(event);
			const address = countedAddress(event.source);
			if (
				instanceId === undefined ||
				address === undefined ||
				event.principal.invokedBy !== undefined
			) {
				continue;
			}

			const key = sessionKey(event, instanceId);
			let session = sessions.get(key);
			if (!session) {
				session = {
					instanceId,
					roleName: event.principal.roleName ?? '',
					places: new Map(),
				};
				sessions.set(key, session);
			}

			let place = session.places.get(address);
			if (!place) {
				place = {
					address,
					source: event.source,
					firstSeq: event.seq,
					firstTime: event.time,
					calls: 0,
					keys: new Set(),
				};
				session.places.set(address, place);
			}

			place.calls++;
			if (event.principal.accessKeyId) {
				place.keys.add(event.principal.accessKeyId);
			}
		}

		return sessions;
	});
}

/** The instance session of an event, when it has one. */
export function instanceSession(
	events: readonly TrailEvent[],
	event: TrailEvent,
): InstanceSession | undefined {
	const instanceId = instanceOf(event);
	return instanceId === undefined
		? undefined
		: allSessions(events).get(sessionKey(event, instanceId));
}

/**
The instance's home: the first place inside AWS (an AWS address or a
private one) from which the session called.
*/
export function homeOf(session: InstanceSession): InstancePlace | undefined {
	for (const place of session.places.values()) {
		if (isInsideAws(place.source)) {
			return place;
		}
	}

	return undefined;
}
