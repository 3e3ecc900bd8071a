import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type {RawRecord, TrailEvent} from '../../source/core/types.js';
import {catalog} from '../../source/detect/catalog.js';
import {detect} from '../../source/detect/detect.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {fixture, projectRoot} from '../helpers/paths.js';

/**
Panther's CloudTrail rule fixtures as a labelled corpus (see
test/fixtures/panther/README.md). Each fixture is one event that Panther's
rule must or must not fire on. For every Panther rule that looks for what a
trailtui flag looks for, the table below maps the rule to the flag (or
flags: the fixture counts as flagged when any of them is raised) and records
how the two agree:

- caught: Panther expects an alert and trailtui raises the flag;
- missed: Panther expects an alert and trailtui does not;
- extra: Panther expects none and trailtui raises the flag;
- quiet: neither.

Every count is recorded on purpose; README.md ("Agreement with Panther's
rule fixtures") explains each difference. A change of any count fails the
test: a rule change that moves one must update the table and the README.

Each line is judged alone, as a dataset of one event. The corpus reuses
event ids and example keys across unrelated rules, so read as one dataset
its events would be merged and would build baselines for each other. The
flags that need several events (bursts, sprays) therefore never fire here.
*/

type Counts = readonly [
	caught: number,
	missed: number,
	extra: number,
	quiet: number,
];

interface Family {
	/** Panther's `rule_id`. */
	rule: string;
	/** The trailtui flags that look for the same thing. */
	flags: readonly string[];
	agreement: Counts;
}

const families: readonly Family[] = [
	// Stolen credentials
	{
		rule: 'AWS.CloudTrail.IMDSCredentialExfiltration',
		flags: [
			'instance-credential-off-instance',
			'workload-credential-outside-aws',
		],
		agreement: [1, 1, 1, 7],
	},
	// Sign-in and root
	{
		rule: 'AWS.Console.LoginWithoutMFA',
		flags: ['console-login-without-mfa'],
		agreement: [3, 0, 1, 7],
	},
	{
		rule: 'AWS.Console.RootLogin',
		flags: ['root-activity'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.Console.RootLoginFailed',
		flags: ['root-activity'],
		agreement: [1, 0, 1, 1],
	},
	{
		rule: 'AWS.Root.Activity',
		flags: ['root-activity'],
		agreement: [2, 0, 3, 1],
	},
	{
		rule: 'AWS.CloudTrail.RootPasswordChanged',
		flags: ['root-activity'],
		agreement: [1, 0, 1, 0],
	},
	{
		rule: 'AWS.CloudTrail.RootAccessKeyCreated',
		flags: ['root-access-key-created'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.CloudTrail.PasswordSpraying',
		flags: ['console-login-failures'],
		agreement: [0, 2, 0, 2],
	},
	{
		rule: 'Standard.BruteForceByUser',
		flags: ['console-login-failures'],
		agreement: [0, 1, 0, 1],
	},
	{
		rule: 'Standard.BruteForceByIP',
		flags: ['console-login-failures'],
		agreement: [0, 1, 0, 1],
	},
	// Discovery
	{
		rule: 'AWS.STS.GetCallerIdentity.TruffleHog',
		flags: ['attack-tool-user-agent', 'caller-identity-probe'],
		agreement: [2, 0, 1, 1],
	},
	{
		rule: 'AWS.IAMUser.ReconAccessDenied',
		flags: ['access-denied-burst'],
		agreement: [0, 1, 0, 3],
	},
	{
		rule: 'AWS.Software.Discovery',
		flags: ['reconnaissance-call', 'reconnaissance-burst'],
		agreement: [0, 1, 0, 1],
	},
	{
		rule: 'AWS.CloudTrail.Account.Discovery',
		flags: ['reconnaissance-call', 'reconnaissance-burst'],
		agreement: [0, 3, 0, 0],
	},
	// Logging and defences
	{
		rule: 'AWS.CloudTrail.Stopped',
		flags: ['cloudtrail-tampering'],
		agreement: [1, 0, 1, 1],
	},
	{
		rule: 'AWS.CloudTrail.EventSelectorsDisabled',
		flags: ['cloudtrail-tampering'],
		agreement: [1, 0, 0, 2],
	},
	{
		rule: 'AWS.CloudTrail.SecurityConfigurationChange',
		flags: ['cloudtrail-tampering'],
		agreement: [1, 0, 1, 3],
	},
	{
		rule: 'AWS.CloudTrail.ShortLifecycle',
		flags: ['trail-bucket-lifecycle-shortened'],
		agreement: [2, 0, 0, 3],
	},
	{
		rule: 'AWS.VPCFlow.LogsDeleted',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 0, 0],
	},
	{
		rule: 'AWS.CloudTrail.DNSLogsDeleted',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 0, 0],
	},
	{
		rule: 'AWS.ConfigService.DisabledDeleted',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 1, 1],
	},
	{
		rule: 'AWS.EC2.EBS.Encryption.Disabled',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.WAF.Disassociation',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.Bedrock.DeleteModelInvocationLoggingConfiguration',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.RDS.ActivityStreamStopped',
		flags: ['security-control-disabled'],
		agreement: [1, 0, 1, 1],
	},
	{
		rule: 'AWS.Macie.Evasion',
		flags: ['security-control-disabled'],
		agreement: [0, 2, 0, 1],
	},
	{
		rule: 'AWS.SecurityHub.Finding.Evasion',
		flags: ['security-control-disabled'],
		agreement: [0, 2, 0, 1],
	},
	{
		rule: 'AWS.S3.SecurityControlDisabling',
		flags: ['s3-bucket-protection-removed'],
		agreement: [5, 0, 1, 4],
	},
	{
		rule: 'AWS.S3.SuspendVersioning',
		flags: ['s3-bucket-protection-removed'],
		agreement: [2, 0, 2, 2],
	},
	{
		rule: 'AWS.S3.DisableMfaDelete',
		flags: ['s3-bucket-protection-removed'],
		agreement: [1, 0, 2, 3],
	},
	{
		rule: 'AWS.S3.DisableBucketLogging',
		flags: ['s3-bucket-protection-removed'],
		agreement: [1, 0, 1, 2],
	},
	{
		rule: 'AWS.S3.DeleteBucketEncryption',
		flags: ['s3-bucket-protection-removed'],
		agreement: [1, 0, 1, 2],
	},
	{
		rule: 'AWS.S3.DeleteBucketReplication',
		flags: ['s3-bucket-protection-removed'],
		agreement: [1, 0, 1, 2],
	},
	// Identities and backdoors
	{
		rule: 'AWS.IAM.Backdoor.User.Keys',
		flags: ['credentials-for-another-user'],
		agreement: [3, 0, 0, 2],
	},
	{
		rule: 'AWS.User.Login.Profile.Modified',
		flags: ['credentials-for-another-user'],
		agreement: [1, 0, 1, 1],
	},
	{
		rule: 'AWS.CloudTrail.LoginProfileCreatedOrModified',
		flags: ['credentials-for-another-user'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.IAM.AttachAdminUserPolicy',
		flags: ['admin-policy-granted'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.IAM.AttachAdminRolePolicy',
		flags: ['admin-policy-granted'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.IAM.BackdoorRole',
		flags: ['role-trust-opened'],
		agreement: [1, 0, 0, 2],
	},
	{
		rule: 'AWS.CloudTrail.AttemptToLeaveOrg',
		flags: ['leave-organization'],
		agreement: [1, 0, 0, 0],
	},
	// Exposure and sharing
	{
		rule: 'AWS.CloudTrail.ResourceMadePublic',
		flags: ['s3-bucket-public', 'resource-policy-public'],
		agreement: [5, 0, 1, 8],
	},
	{
		rule: 'AWS.S3.DeletePublicAccessBlock',
		flags: ['s3-bucket-public'],
		agreement: [1, 0, 1, 2],
	},
	{
		rule: 'AWS.Potential.Backdoor.Lambda',
		flags: ['resource-policy-public'],
		agreement: [0, 2, 0, 1],
	},
	{
		rule: 'AWS.CloudTrail.AMIModifiedForPublicAccess',
		flags: ['snapshot-or-image-shared'],
		agreement: [2, 0, 1, 3],
	},
	{
		rule: 'AWS.CloudTrail.SnapshotMadePublic',
		flags: ['snapshot-or-image-shared'],
		agreement: [2, 0, 1, 1],
	},
	{
		rule: 'AWS.RDS.SnapshotShared',
		flags: ['snapshot-or-image-shared'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.RDS.SecurityGroupIngressAuthorized',
		flags: ['security-group-open-to-world'],
		agreement: [1, 2, 1, 1],
	},
	{
		rule: 'AWS.CloudTrail.EnableRegion',
		flags: ['unused-region-activity'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.UnusedRegion',
		flags: ['unused-region-activity'],
		agreement: [0, 1, 0, 2],
	},
	// Compute and secrets
	{
		rule: 'AWS.EC2.DownloadInstanceUserData',
		flags: ['user-data-bulk-read'],
		agreement: [0, 2, 0, 1],
	},
	{
		rule: 'AWS.EC2.Startup.Script.Change',
		flags: ['user-data-modified'],
		agreement: [1, 0, 0, 0],
	},
	{
		rule: 'AWS.EC2.ManyPasswordReadAttempts',
		flags: ['instance-password-burst'],
		agreement: [0, 2, 0, 1],
	},
	{
		rule: 'AWS.SecretsManager.RetrieveSecrets',
		flags: ['mass-secret-retrieval'],
		agreement: [0, 1, 0, 0],
	},
	{
		rule: 'AWS.SecretsManager.BatchRetrieveSecrets',
		flags: ['mass-secret-retrieval'],
		agreement: [1, 0, 0, 0],
	},
	{
		rule: 'AWS.SecretsManager.BatchRetrieveSecretsCatchAll',
		flags: ['mass-secret-retrieval'],
		agreement: [1, 0, 1, 0],
	},
	{
		rule: 'AWS.SecretsManager.RetrieveSecretsMultiRegion',
		flags: ['mass-secret-retrieval'],
		agreement: [1, 0, 0, 1],
	},
	{
		rule: 'AWS.SSM.DecryptSSMParams',
		flags: ['mass-secret-retrieval'],
		agreement: [2, 1, 0, 2],
	},
	{
		rule: 'AWS.EC2.LaunchUnusualEC2Instances',
		flags: ['unusual-instance-launch'],
		agreement: [3, 0, 0, 0],
	},
];

/** The sum over every family, as README.md reports it. */
const total: Counts = [66, 25, 27, 91];

interface Fixture {
	line: number;
	rule: string;
	name: string;
	expected: boolean;
	event: TrailEvent;
}

/** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
function csvRows(text: string): string[][] {
	const rows: string[][] = [];
	for (const line of text.split(/\r?\n/)) {
		if (line === '') {
			continue;
		}

		const fields: string[] = [];
		const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
		for (const match of line.matchAll(pattern)) {
			const raw = match[1] ?? '';
			fields.push(
				raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw,
			);
			if (match[2] === '') {
				break;
			}
		}

		rows.push(fields);
	}

	return rows;
}

function loadFixtures(): Fixture[] {
	const folder = fixture('panther');
	const lines = fs
		.readFileSync(`${folder}/panther_cloudtrail_test_events.jsonl`, 'utf8')
		.split('\n');
	const [header, ...rows] = csvRows(
		fs.readFileSync(
			`${folder}/panther_cloudtrail_test_events.index.csv`,
			'utf8',
		),
	);
	assert.deepEqual(header, [
		'line',
		'source_path',
		'rule_id',
		'test_name',
		'expected_result',
	]);
	const ranges = bundledRanges();
	return rows.map(([line, , rule, name, expected]) => {
		const number = Number(line);
		const record = JSON.parse(lines[number - 1] ?? '') as RawRecord;
		const event = normaliseRecord(
			{record, file: 'panther_cloudtrail_test_events.jsonl', index: number - 1},
			ranges,
		);
		// A dataset of one event: its own baselines, nothing else's.
		event.seq = 0;
		detect([event]);
		return {
			line: number,
			rule: rule ?? '',
			name: name ?? '',
			expected: expected === 'True',
			event,
		};
	});
}

let loaded: Fixture[] | undefined;
function fixtures(): Fixture[] {
	loaded ??= loadFixtures();
	return loaded;
}

function agreementOf(family: Family): {counts: Counts; differences: string[]} {
	const counts = [0, 0, 0, 0];
	const differences: string[] = [];
	for (const item of fixtures().filter((f) => f.rule === family.rule)) {
		const raised = item.event.flags
			.filter((flag) => family.flags.includes(flag.id))
			.map((flag) => `${flag.id} ${flag.severity}`);
		const flagged = raised.length > 0;
		const cell = item.expected ? (flagged ? 0 : 1) : flagged ? 2 : 3;
		counts[cell]! += 1;
		if (flagged !== item.expected) {
			differences.push(
				`line ${item.line} "${item.name}": Panther ${item.expected ? 'alerts' : 'stays quiet'}, ` +
					`trailtui ${flagged ? raised.join(', ') : 'raises none'}`,
			);
		}
	}

	return {counts: counts as unknown as Counts, differences};
}

test('the corpus has 464 fixtures, each with a rule and an expected result', () => {
	const all = fixtures();
	assert.equal(all.length, 464);
	assert.ok(all.every((f) => f.rule !== '' && f.event.eventName !== ''));
	assert.equal(all.filter((f) => f.expected).length, 214);
});

test('every mapped Panther rule has fixtures, once, and maps to catalog flags', () => {
	const ids = new Set(catalog.map((rule) => rule.id));
	const rules = new Set(fixtures().map((f) => f.rule));
	const seen = new Set<string>();
	for (const family of families) {
		assert.ok(rules.has(family.rule), `${family.rule} has no fixture`);
		assert.ok(!seen.has(family.rule), `${family.rule} is mapped twice`);
		seen.add(family.rule);
		for (const flag of family.flags) {
			assert.ok(ids.has(flag), `${flag} is not in the catalog`);
		}
	}
});

for (const family of families) {
	const [caught, missed, extra, quiet] = family.agreement;
	test(
		`${family.rule} fixtures: ${family.flags.join(' or ')} catches ${caught}, ` +
			`misses ${missed}, adds ${extra}, stays quiet on ${quiet}`,
		() => {
			const {counts, differences} = agreementOf(family);
			assert.deepEqual(
				counts,
				family.agreement,
				`recorded [caught, missed, extra, quiet]; the differences now:\n` +
					differences.join('\n'),
			);
		},
	);
}

test('the mapped families agree on 157 of 209 fixtures, as README.md reports', () => {
	const sum = [0, 0, 0, 0];
	for (const family of families) {
		for (const [cell, value] of agreementOf(family).counts.entries()) {
			sum[cell]! += value;
		}
	}

	assert.deepEqual(sum, [...total]);
	assert.equal(total[0] + total[3], 157);
	assert.equal(
		total.reduce((a, b) => a + b, 0),
		209,
	);
});

test('a fixture is judged alone: each event is its own first and only use', () => {
	// The first use of an identity is the expected one, so no fixture can be
	// a new address for its principal; if lines leaked into each other's
	// baselines, this flag would appear.
	const leaked = fixtures().filter((f) =>
		f.event.flags.some((flag) => flag.id === 'new-source-address'),
	);
	assert.deepEqual(
		leaked.map((f) => f.line),
		[],
	);
});

test("README.md's agreement table is the recorded one, row for row", () => {
	const readme = fs.readFileSync(`${projectRoot}/README.md`, 'utf8');
	const section = readme.slice(
		readme.indexOf("## Agreement with Panther's rule fixtures"),
	);
	const rows = [
		...section.matchAll(
			/^\| ([A-Za-z][\w.-]+)\s*\| (.+?)\s*\|\s*(\d+) \|\s*(\d+) \|\s*(\d+) \|\s*(\d+) \|$/gm,
		),
	].map((m) => ({
		rule: m[1],
		flags: [...m[2]!.matchAll(/`([\w-]+)`/g)].map((f) => f[1]),
		agreement: [m[3], m[4], m[5], m[6]].map(Number),
	}));
	assert.deepEqual(
		rows,
		families.map((f) => ({
			rule: f.rule,
			flags: [...f.flags],
			agreement: [...f.agreement],
		})),
	);
});
