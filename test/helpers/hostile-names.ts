import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
A small CloudTrail file whose user names and user agents hold what an
attacker can put there: real escape sequences, bidi overrides, zero-width
characters, tabs, and the same texts spelled with literal backslashes, so
that a test can tell a real ESC from the four characters `\x1b`.
*/

export const hostileNames = {
	realEscape: 'new\u001B]0;owned\u0007title',
	writtenEscape: String.raw`new\x1b]0;owned\x07title`,
	realBidi: 'bidi\u202Eevil.exe',
	writtenBidi: String.raw`bidi\u202eevil.exe`,
	backslash: String.raw`back\slash`,
	lone: '\\',
	tab: 'tab\there',
	zeroWidth: 'zw\u200Bsp',
	plain: 'plain',
} as const;

export const hostileAgents = {
	realBidi: 'curl/8 \u202Egnp.exe',
	writtenBidi: String.raw`curl/8 \u202egnp.exe`,
	plain: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 botocore/2.4.5',
} as const;

function record(index: number, user: string, agent: string) {
	const id = String(index).padStart(12, '0');
	return {
		eventVersion: '1.08',
		userIdentity: {
			type: 'IAMUser',
			principalId: `AIDA${id}`,
			arn: `arn:aws:iam::111122223333:user/${user}`,
			accountId: '111122223333',
			accessKeyId: `AKIAHOSTILE${id}`,
			userName: user,
		},
		eventTime: new Date(
			Date.parse('2024-05-01T10:00:00Z') + index * 1000,
		).toISOString(),
		eventSource: 's3.amazonaws.com',
		eventName: 'ListBuckets',
		awsRegion: 'us-east-1',
		sourceIPAddress: '203.0.113.10',
		userAgent: agent,
		requestParameters: null,
		responseElements: null,
		eventID: `00000000-0000-4000-8000-${id}`,
		eventType: 'AwsApiCall',
		recipientAccountId: '111122223333',
	};
}

/**
Writes the file into a new temporary folder and returns the file's path:
two events per name (the plain agent), then one per hostile agent.
*/
export function writeHostileTrail(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-hostile-'));
	const records = [];
	let index = 0;
	for (const name of Object.values(hostileNames)) {
		records.push(record(index++, name, hostileAgents.plain));
		records.push(record(index++, name, hostileAgents.plain));
	}

	for (const agent of Object.values(hostileAgents)) {
		records.push(record(index++, 'agent-user', agent));
	}

	const file = path.join(dir, 'hostile.json');
	fs.writeFileSync(file, JSON.stringify({Records: records}));
	return file;
}
