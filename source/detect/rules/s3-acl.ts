import {asList, field, textField} from './request-fields.js';

/**
Reading the parts of S3 requests that open a bucket: canned ACLs
(`x-amz-acl: public-read`), grant headers (`x-amz-grant-read:
uri="…/AllUsers"`), ACL documents (`AccessControlPolicy`), and public access
block settings. CloudTrail logs headers as one-item lists and documents as
XML turned into JSON, so every shape is read defensively.
*/

const groups: Record<string, string> = {
	AllUsers: 'everyone on the internet (AllUsers)',
	AuthenticatedUsers: 'anyone with an AWS account (AuthenticatedUsers)',
};

const cannedPublic: Record<string, string> = {
	'public-read': 'everyone on the internet, to read (public-read)',
	'public-read-write':
		'everyone on the internet, to read and write (public-read-write)',
	'authenticated-read':
		'anyone with an AWS account, to read (authenticated-read)',
};

/** Who a request's ACL opens the bucket or object to; empty when nobody. */
export function publicGrantees(request: unknown): string[] {
	const found = new Set<string>();
	const canned = textField(request, 'x-amz-acl');
	if (canned && cannedPublic[canned]) {
		found.add(cannedPublic[canned]);
	}

	for (const header of [
		'x-amz-grant-read',
		'x-amz-grant-write',
		'x-amz-grant-read-acp',
		'x-amz-grant-write-acp',
		'x-amz-grant-full-control',
	]) {
		const value = textField(request, header) ?? '';
		for (const [group, text] of Object.entries(groups)) {
			if (value.includes(`/groups/global/${group}`)) {
				found.add(text);
			}
		}
	}

	const acl = field(field(request, 'AccessControlPolicy'), 'AccessControlList');
	for (const grant of asList(field(acl, 'Grant'))) {
		const uri = textField(field(grant, 'Grantee'), 'URI') ?? '';
		for (const [group, text] of Object.entries(groups)) {
			if (uri.endsWith(`/groups/global/${group}`)) {
				found.add(text);
			}
		}
	}

	return [...found];
}

const blockSettings = [
	['BlockPublicAcls', 'new public ACLs are no longer refused'],
	['IgnorePublicAcls', 'public ACLs are no longer ignored'],
	['BlockPublicPolicy', 'public bucket policies are no longer refused'],
	[
		'RestrictPublicBuckets',
		'public policies are no longer limited to AWS services and the owner',
	],
] as const;

/**
The public access block settings a Put request turns off, as sentences;
undefined when the request has no readable configuration.
*/
export function blocksTurnedOff(request: unknown): string[] | undefined {
	const config = field(request, 'PublicAccessBlockConfiguration');
	if (config === undefined) {
		return undefined;
	}

	return blockSettings
		.filter(([name]) => {
			const value = field(config, name);
			return value === false || value === 'false';
		})
		.map(([name, effect]) => `${name} off: ${effect}`);
}
