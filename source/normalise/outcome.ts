import {boundedJson} from '../core/bounded-json.js';
import type {Outcome, RawRecord} from '../core/types.js';

/**
Error codes that mean "the caller was not allowed", as opposed to a missing
resource, a throttle or a service fault. Services spell it many ways
(`AccessDenied`, `AccessDeniedException`, `Client.UnauthorizedOperation`,
`NotAuthorizedException`, `Forbidden`), so the match is by pattern after the
EC2-style `Client.`/`Server.` prefix is dropped. `NoSuch…` codes are never
denials, even when a service answers "not found" to hide a resource.
*/
const deniedPatterns: readonly RegExp[] = [
	/^AccessDenied/i,
	/Unauthori[sz]ed/i,
	/NotAuthori[sz]ed/i,
	/^Forbidden/i,
	/^AuthorizationError/i,
	/^InsufficientPermissions?/i,
];

/** True when an error code says that the call was refused for lack of rights. */
export function isDeniedCode(code: string): boolean {
	const bare = code.replace(/^(?:Client|Server)\./, '');
	if (/^NoSuch/i.test(bare)) {
		return false;
	}

	return deniedPatterns.some((pattern) => pattern.test(bare));
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
A console sign-in that failed: AWS writes no `errorCode`, only
`responseElements.ConsoleLogin: "Failure"` (or the same on `CheckMfa` and
other sign-in steps).
*/
export function isSignInFailure(record: RawRecord): boolean {
	const response = record['responseElements'];
	if (!isObject(response)) {
		return false;
	}

	if (response['ConsoleLogin'] === 'Failure') {
		return true;
	}

	return (
		record['eventType'] === 'AwsConsoleSignIn' &&
		Object.values(response).some((value) => value === 'Failure')
	);
}

/** Longest error code text kept from an odd (object or array) errorCode. */
const maxCodeText = 200;

/**
The error code as text, or undefined when the call succeeded. Any present,
non-empty code counts, whatever its type: a log that writes an object or an
array there still says the call failed, and calling it a success would hide
it from the `error` filter and the detectors.
*/
export function errorCodeOf(record: RawRecord): string | undefined {
	const code = record['errorCode'];
	if (code === undefined || code === null) {
		return undefined;
	}

	if (typeof code === 'object') {
		const empty = Array.isArray(code)
			? code.length === 0
			: Object.keys(code).length === 0;
		return empty ? undefined : boundedJson(code, maxCodeText);
	}

	const text = String(code);
	return text === '' ? undefined : text;
}

/** The strings inside an object or array code's JSON text. */
function quotedTexts(code: string): string[] {
	if (!code.startsWith('{') && !code.startsWith('[')) {
		return [];
	}

	return [...code.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

/** Whether the call succeeded, was refused, or failed for another reason. */
export function outcomeOf(record: RawRecord): Outcome {
	const code = errorCodeOf(record);
	if (code !== undefined) {
		return isDeniedCode(code) || quotedTexts(code).some(isDeniedCode)
			? 'denied'
			: 'error';
	}

	return isSignInFailure(record) ? 'error' : 'success';
}
