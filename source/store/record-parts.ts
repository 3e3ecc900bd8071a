/**
How a record is split for the compact store (see ARCHITECTURE.md):

- `scalarKeys`: top-level values the event's own fields already hold, or
  that are unique to each call. Nothing judges them through the record, so
  they are read again from the stored file when someone asks.
- `bulkKeys`: the request, response and other detail. Kept in memory for
  the events the detectors read them on (writes, failures, sign-ins, the
  calls that hand out credentials); for the rest only whether each is
  absent, null or present is kept, and a present one is read again from
  the stored file.
- Everything else (the identity, `readOnly`, `recipientAccountId`,
  `tlsDetails`, …) is the record's "head": few distinct heads per file, so
  one object is shared by every event that has the same head.
*/

export const scalarKeys: ReadonlySet<string> = new Set([
	'eventID',
	'requestID',
	'eventTime',
	'sharedEventID',
	'eventName',
	'eventSource',
	'awsRegion',
	'sourceIPAddress',
	'userAgent',
	'errorCode',
	'eventType',
]);

export const bulkKeys = [
	// Search reads it; it is kept with the rest of a failed call.
	'errorMessage',
	'requestParameters',
	'responseElements',
	'additionalEventData',
	'resources',
	'serviceEventDetails',
] as const;

export const bulkIndex: ReadonlyMap<string, number> = new Map(
	bulkKeys.map((key, index) => [key, index]),
);

/** Two bits per bulk key. */
export const bulkAbsent = 0;
export const bulkNull = 1;
export const bulkKept = 2;
export const bulkStored = 3;

/**
Read calls whose request or response the detectors read on every call:
the ones that hand out or reveal credentials and identities.
*/
export const keepNames: ReadonlySet<string> = new Set([
	'AssumeRole',
	'AssumeRoleWithSAML',
	'AssumeRoleWithWebIdentity',
	'GetSessionToken',
	'GetFederationToken',
	'GetCallerIdentity',
	'ConsoleLogin',
	'CreateAccessKey',
	'GetSecretValue',
	'GetPasswordData',
	'GetParameter',
	'GetParameters',
	'GetParametersByPath',
	'BatchGetSecretValue',
	'DescribeInstanceAttribute',
	'GetRoleCredentials',
	'CreateToken',
	'Federate',
]);
