import {severityOrder, type TrailEvent} from '../core/types.js';
import {flagIds} from './filter-choices.js';
import {isShortField, resolveField} from './filter-fields.js';
import {countValues, type ValueCount} from './field-values.js';

/**
What Tab offers in the filter prompt besides field names: paths into the
record, and each field's values, counted once per field (never per key).
*/

/** A field's values for completion, or undefined when it offers none. */
export type ValueSource = (field: string) => readonly ValueCount[] | undefined;

/**
Paths into a CloudTrail record worth offering beside the short fields (any
other path works too, typed in full).
*/
export const recordPaths: readonly string[] = [
	'requestParameters',
	'responseElements',
	'additionalEventData',
	'resources.ARN',
	'resources.type',
	'userIdentity.type',
	'userIdentity.arn',
	'userIdentity.accountId',
	'userIdentity.principalId',
	'userIdentity.invokedBy',
	'userIdentity.sessionContext.sessionIssuer.userName',
	'userIdentity.sessionContext.attributes.mfaAuthenticated',
	'eventType',
	'eventCategory',
	'readOnly',
	'managementEvent',
	'recipientAccountId',
	'vpcEndpointId',
	'tlsDetails.clientProvidedHostHeader',
	'sessionCredentialFromConsole',
	'sharedEventID',
	'requestID',
];

/** Fixed lists of values, for fields whose values are few and known. */
function knownValues(field: string): readonly string[] {
	switch (resolveField(field).kind) {
		case 'severity':
			return [...severityOrder].reverse();
		case 'outcome':
			return ['success', 'denied', 'error'];
		case 'bool':
			return ['true', 'false'];
		case 'flag':
			return flagIds;
		default:
			return [];
	}
}

/**
The values to offer for a field: those in the events, most frequent first,
then the known ones no event has. None for times and event ids (each event
has its own) and for record paths (a path may need every file read again).
*/
export function completionValues(
	events: readonly TrailEvent[],
	field: string,
): ValueCount[] | undefined {
	const lower = field.toLowerCase();
	const kind = resolveField(field).kind;
	if (kind === 'time' || lower === 'id' || lower === 'eventid') {
		return undefined;
	}

	if (!isShortField(field)) {
		return undefined;
	}

	const counted = countValues(events, field).values;
	const seen = new Set(counted.map((value) => value.value.toLowerCase()));
	const known = knownValues(field)
		.filter((value) => !seen.has(value))
		.map((value) => ({value, count: 0}));
	return [...counted, ...known];
}

/** completionValues, worked out once per field of a list of events. */
export function createValueCache(events: readonly TrailEvent[]): ValueSource {
	const cache = new Map<string, ValueCount[] | undefined>();
	return (field) => {
		const key = field.toLowerCase();
		if (!cache.has(key)) {
			cache.set(key, completionValues(events, field));
		}

		return cache.get(key);
	};
}
