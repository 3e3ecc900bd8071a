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

/** The error code as text, or undefined when the call succeeded. */
export function errorCodeOf(record: RawRecord): string | undefined {
	const code = record['errorCode'];
	if (typeof code === 'string') {
		return code === '' ? undefined : code;
	}

	if (typeof code === 'number' || typeof code === 'boolean') {
		return String(code);
	}

	return undefined;
}

/** Whether the call succeeded, was refused, or failed for another reason. */
export function outcomeOf(record: RawRecord): Outcome {
	const code = errorCodeOf(record);
	if (code !== undefined) {
		return isDeniedCode(code) ? 'denied' : 'error';
	}

	return isSignInFailure(record) ? 'error' : 'success';
}
