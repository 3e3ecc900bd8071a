import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {severityRank} from '../../source/core/types.js';
import {findingsOf} from '../../source/detect/findings.js';
import {openDataset} from '../../source/pipeline.js';
import fs from 'node:fs';
import {fixture, projectRoot} from '../helpers/paths.js';

/**
The Invictus hour (test/fixtures/invictus/README.md): one real hour of an
AWS account while Stratus Red Team ran its attack techniques, mixed with
the Terraform runs that prepare and clean up their targets. Each technique
must be flagged; the Terraform warm-up must stay mostly quiet; and the
counts below are recorded so that a rule change that moves them is seen.
*/

let dataset: Promise<Dataset> | undefined;
function load(): Promise<Dataset> {
	dataset ??= openDataset([fixture('invictus', 'CloudTrail')]);
	return dataset;
}

const flagged = (events: readonly TrailEvent[]) =>
	events.filter((e) => e.flags.length > 0);

const has = (event: TrailEvent, id: string) =>
	event.flags.some((flag) => flag.id === id);

/** Terraform's own runs: its agent without Stratus Red Team's run mark. */
function isTerraform(event: TrailEvent): boolean {
	const ua = event.userAgent ?? '';
	return /HashiCorp|Terraform/.test(ua) && !/stratus/i.test(ua);
}

/**
Each technique of the hour: the calls that carry it, and the flag that must
be on at least one of them.
*/
const techniques: ReadonlyArray<[string, readonly string[], string]> = [
	[
		'Secrets Manager secrets read in bulk',
		['GetSecretValue'],
		'mass-secret-retrieval',
	],
	[
		'SecureString parameters read with decryption',
		['GetParameters'],
		'mass-secret-retrieval',
	],
	[
		'EC2 user data asked for many instances',
		['DescribeInstanceAttribute'],
		'user-data-bulk-read',
	],
	[
		"Windows instances' passwords asked for",
		['GetPasswordData'],
		'instance-password-burst',
	],
	[
		'an access key made for another user',
		['CreateAccessKey'],
		'credentials-for-another-user',
	],
	[
		'a console password made for another user',
		['CreateLoginProfile'],
		'credentials-for-another-user',
	],
	[
		'an administrator policy attached',
		['AttachUserPolicy', 'AttachRolePolicy'],
		'admin-policy-granted',
	],
	[
		"a role's trust opened to an outside account",
		['UpdateAssumeRolePolicy'],
		'role-trust-opened',
	],
	['an attempt to stop CloudTrail', ['StopLogging'], 'cloudtrail-tampering'],
	['an attempt to delete a trail', ['DeleteTrail'], 'cloudtrail-tampering'],
	[
		"a trail's event selectors cut down",
		['PutEventSelectors'],
		'cloudtrail-tampering',
	],
	[
		"the trail bucket's lifecycle shortened",
		['PutBucketLifecycle'],
		'trail-bucket-lifecycle-shortened',
	],
	['VPC flow logs deleted', ['DeleteFlowLogs'], 'security-control-disabled'],
	[
		'an EBS snapshot shared',
		['ModifySnapshotAttribute'],
		'snapshot-or-image-shared',
	],
	['an AMI shared', ['ModifyImageAttribute'], 'snapshot-or-image-shared'],
	[
		'an RDS snapshot shared',
		['ModifyDBSnapshotAttribute'],
		'snapshot-or-image-shared',
	],
	[
		'an S3 bucket policy opened to another account',
		['PutBucketPolicy'],
		's3-bucket-shared',
	],
	[
		'a security group opened to the world on SSH',
		['AuthorizeSecurityGroupIngress'],
		'security-group-open-to-world',
	],
	['GPU instances asked for', ['RunInstances'], 'unusual-instance-launch'],
	[
		'the account tried to leave its organisation',
		['LeaveOrganization'],
		'leave-organization',
	],
	[
		'a Lambda function opened to everyone',
		['AddPermission20150331v2'],
		'resource-policy-public',
	],
	[
		'a console sign-in without MFA',
		['ConsoleLogin'],
		'console-login-without-mfa',
	],
	[
		"an instance's credentials used off the instance",
		['GetCallerIdentity', 'DescribeInstances'],
		'instance-credential-off-instance',
	],
	[
		'a stolen key checked with GetCallerIdentity',
		['GetCallerIdentity'],
		'caller-identity-probe',
	],
	[
		'the account mapped (secrets, keys, trails, instances)',
		['ListSecrets', 'ListAccessKeys', 'DescribeTrails', 'DescribeInstances'],
		'reconnaissance-call',
	],
];

/**
Techniques no flag of their own describes yet: the hour shows them only
through Stratus Red Team's user agent on their calls.
*/
const byAgentOnly: ReadonlyArray<[string, readonly string[]]> = [
	["a Lambda function's code overwritten", ['UpdateFunctionCode20150331v2']],
	['commands sent to instances through SSM', ['SendCommand']],
	['an IAM Roles Anywhere trust anchor created', ['CreateTrustAnchor']],
];

/** Events per flag (an event with two flags counts for each). */
const perFlag: Readonly<Record<string, number>> = {
	'access-denied-burst': 44,
	'admin-policy-granted': 2,
	'attack-tool-user-agent': 214,
	'caller-identity-probe': 2,
	'cloudtrail-tampering': 7,
	'console-login-without-mfa': 1,
	'credentials-for-another-user': 4,
	'instance-credential-off-instance': 2,
	'instance-password-burst': 29,
	'leave-organization': 1,
	'mass-secret-retrieval': 25,
	'new-source-address': 1,
	'reconnaissance-call': 11,
	'resource-policy-public': 1,
	'role-trust-opened': 1,
	's3-bucket-shared': 1,
	'security-control-disabled': 2,
	'security-group-open-to-world': 1,
	'snapshot-or-image-shared': 3,
	'trail-bucket-lifecycle-shortened': 1,
	'unusual-instance-launch': 2,
	'user-data-bulk-read': 15,
};

/** Flagged events by their worst flag. */
const perSeverity: Readonly<Record<string, number>> = {
	high: 84,
	medium: 140,
	low: 7,
};

test('the Invictus hour loads whole: 2,900 events from 55 files', async () => {
	const {events, summary} = await load();
	assert.equal(events.length, 2900);
	assert.equal(summary.filesRead, 55);
	assert.equal(summary.filesWithErrors, 0);
});

for (const [technique, names, id] of techniques) {
	test(`the Invictus hour: ${technique} is flagged ${id}`, async () => {
		const {events} = await load();
		const calls = events.filter((e) => names.includes(e.eventName));
		assert.ok(calls.length > 0, `no ${names.join('/')} in the hour`);
		assert.ok(
			calls.some((e) => has(e, id)),
			`none of ${calls.length} ${names.join('/')} calls has ${id}`,
		);
	});
}

for (const [technique, names] of byAgentOnly) {
	test(`the Invictus hour: ${technique} is flagged through the attack tool's agent`, async () => {
		const {events} = await load();
		const calls = events.filter((e) => names.includes(e.eventName));
		assert.ok(calls.length > 0, `no ${names.join('/')} in the hour`);
		assert.ok(calls.every((e) => has(e, 'attack-tool-user-agent')));
	});
}

test('the Invictus hour keeps its recorded flags: 231 flagged events, per flag and severity', async () => {
	const {events} = await load();
	const marked = flagged(events);
	assert.equal(marked.length, 231);

	const counts: Record<string, number> = {};
	for (const event of marked) {
		for (const id of new Set(event.flags.map((flag) => flag.id))) {
			counts[id] = (counts[id] ?? 0) + 1;
		}
	}

	assert.deepEqual(counts, perFlag);

	const worst: Record<string, number> = {};
	for (const event of marked) {
		const severity = event.flags[0]!.severity;
		worst[severity] = (worst[severity] ?? 0) + 1;
	}

	assert.deepEqual(worst, perSeverity);
});

test('the Terraform warm-up stays quiet: at most 3 of its calls flagged, none above low', async () => {
	const {events} = await load();
	const terraform = events.filter(isTerraform);
	assert.ok(terraform.length > 1000, `${terraform.length} Terraform calls`);
	const noisy = flagged(terraform);
	assert.ok(
		noisy.length <= 3,
		noisy.map((e) => `${e.eventName} ${e.flags[0]?.id}`).join('\n'),
	);
	for (const event of noisy) {
		assert.ok(
			severityRank(event.flags[0]!.severity) <= severityRank('low'),
			`${event.eventName} is ${event.flags[0]!.severity}`,
		);
	}
});

test("Stratus Red Team's Terraform setup is not an attack tool's call", async () => {
	const {events} = await load();
	const setup = events.filter((e) =>
		/Terraform.*stratus|stratus.*Terraform/i.test(e.userAgent ?? ''),
	);
	assert.ok(setup.length > 0);
	assert.ok(setup.every((e) => !has(e, 'attack-tool-user-agent')));
});

/**
The findings of the hour, most pressing first: the lead flag, who, and how
many events each holds. README.md reports the same table.
*/
const findingTable: ReadonlyArray<[string, string, string, number]> = [
	[
		'high',
		'access-denied-burst',
		'role stratus-red-team-ec2-get-password-data-role',
		29,
	],
	[
		'high',
		'access-denied-burst',
		'role stratus-red-team-get-usr-data-role',
		15,
	],
	['high', 'mass-secret-retrieval', 'bert-jan', 25],
	['high', 'cloudtrail-tampering', 'bert-jan', 7],
	['high', 'credentials-for-another-user', 'bert-jan', 4],
	['high', 'snapshot-or-image-shared', 'bert-jan', 3],
	['high', 'security-control-disabled', 'bert-jan', 2],
	['high', 'admin-policy-granted', 'bert-jan', 2],
	[
		'high',
		'caller-identity-probe',
		'role stratus-red-team-ec2-steal-credentials-role',
		1,
	],
	['high', 'trail-bucket-lifecycle-shortened', 'bert-jan', 1],
	['high', 'security-group-open-to-world', 'bert-jan', 1],
	['high', 's3-bucket-shared', 'bert-jan', 1],
	['high', 'role-trust-opened', 'bert-jan', 1],
	['high', 'resource-policy-public', 'bert-jan', 1],
	['medium', 'reconnaissance-call', 'bert-jan', 9],
	['medium', 'leave-organization', 'role stratus-red-team-leave-org-role', 1],
	[
		'medium',
		'unusual-instance-launch',
		'role stratus-red-team-ec2lui-role-pcccexdthk',
		1,
	],
	[
		'medium',
		'unusual-instance-launch',
		'role stratus-red-team-ec2lui-role-wuzemnoeqa',
		1,
	],
	[
		'medium',
		'console-login-without-mfa',
		'stratus-red-team-nmfalu-gfjyeaypjt',
		1,
	],
	['medium', 'caller-identity-probe', 'bert-jan', 1],
	['medium', 'attack-tool-user-agent', 'bert-jan', 120],
	[
		'medium',
		'instance-credential-off-instance',
		'role stratus-red-team-ec2-steal-credentials-role',
		1,
	],
	['medium', 'new-source-address', 'bert-jan', 1],
	['low', 'reconnaissance-call', 'benjamin', 1],
	['low', 'reconnaissance-call', 'bert-jan', 1],
];

test('the Invictus hour reads as 25 findings holding the 231 flagged events', async () => {
	const dataset = await load();
	const findings = findingsOf(dataset);
	assert.deepEqual(
		findings.map((f) => [f.severity, f.flagId, f.identity, f.seqs.length]),
		findingTable,
	);
	const held = findings.flatMap((f) => f.seqs);
	assert.equal(held.length, 231);
	assert.equal(new Set(held).size, 231, 'each flagged event in one finding');
});

test("README.md's Invictus table is the recorded one, row for row", () => {
	const readme = fs.readFileSync(`${projectRoot}/README.md`, 'utf8');
	const section = readme.slice(readme.indexOf('## The Invictus hour'));
	assert.match(section, /trailtui reports 25 findings holding 231 events:/);
	const rows = [
		...section.matchAll(
			/^\| (high|medium|low)\s*\| `([\w-]+)`\s*\| (.+?)\s*\|\s*(\d+) \|$/gm,
		),
	].map((m) => [m[1], m[2], m[3], Number(m[4])]);
	assert.deepEqual(rows, findingTable);
});
