/**
What a person investigating the planted theft would type. Filters run on
Enter in the `f` prompt, searches on Enter in the `/` prompt; both are
timed per query.
*/

export const filterQueries: readonly string[] = [
	'eventName=ListBuckets',
	'principal~level3',
	'ip:203.0.113.0/24',
	'flagged',
	'error',
	'eventName=GetObject role=web-app-ec2-role',
	'!ip:10.0.0.0/8 service=s3',
	'severity>=high',
	'time:2024-05-13T19:00Z..2024-05-13T20:00Z',
	'ua~aws-cli/1.16',
	'key=ASIA',
	'requestParameters.bucketName=acme-level3-reports',
];

export const searchQueries: readonly string[] = [
	'ListBuckets',
	'level3',
	'203.0.113.77',
	'AccessDenied',
	'acme-level3-reports',
	'GetCallerIdentity level3',
	'aws-cli/1.16',
	'i-0',
];

/** How many times each query is timed by the function-level measure. */
export const queryRepeats = 3;

/** Cursor moves timed on the screen. */
export const cursorMoves = 40;
