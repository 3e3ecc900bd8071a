import type {RawRecord} from '../core/types.js';

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is RawRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `an array`, `a string`, `null`: what a value is, for messages. */
export function describeValue(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function has(object: RawRecord, key: string): boolean {
	return Object.hasOwn(object, key);
}

/**
A CloudTrail digest: it lists log files and signs them but holds no events
(`CloudTrail-Digest/` objects, also when renamed or moved).
*/
export function isDigest(object: RawRecord): boolean {
	return (
		!has(object, 'Records') &&
		(has(object, 'digestPublicKeyFingerprint') || has(object, 'logFiles'))
	);
}

const eventKeys = [
	'eventVersion',
	'eventTime',
	'eventName',
	'eventSource',
	'eventID',
];

/** A lone object that carries at least one of CloudTrail's event fields. */
export function looksLikeEvent(object: RawRecord): boolean {
	return eventKeys.some((key) => has(object, key));
}

/**
JSON that often sits next to CloudTrail logs but is something else, named
so the note says what it is. Undefined for JSON of an unknown kind.
*/
export function describeOtherJson(object: RawRecord): string | undefined {
	const role = object['Role'];
	if (isObject(role) && has(role, 'AssumeRolePolicyDocument')) {
		return 'an IAM role (aws iam get-role output)';
	}

	if (has(object, 'Statement') && has(object, 'Version')) {
		return 'an IAM policy document';
	}

	if (has(object, 'policyText') || has(object, 'PolicyDocument')) {
		return 'a resource policy';
	}

	if (Array.isArray(object['prefixes']) && has(object, 'syncToken')) {
		return "AWS's IP address ranges (ip-ranges.json)";
	}

	return undefined;
}
