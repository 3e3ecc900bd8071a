import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type {Flag, RawRecord, TrailEvent} from '../../source/core/types.js';
import {catalog} from '../../source/detect/catalog.js';
import {detect} from '../../source/detect/detect.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {openDataset} from '../../source/pipeline.js';
import type {EventSpec} from '../helpers/make-event.js';
import {fixture, projectRoot, sample} from '../helpers/paths.js';
import {consoleLogin, judgedRecords, userIdentity} from './identity-events.js';
import {judged} from './scenarios.js';

/**
The side panel's text read as prose, over every flag the catalog raises on
real logs (flaws2, the Invictus hour, each Panther fixture on its own) and on
a few hand-made scenarios for the flags those logs never raise.

- Every explanation has the same shape: what happened, why it matters, and
  the common false alarms, in a last sentence that starts "Common false
  alarms:".
- Sentences stay short, and titles fit the panel's heading row at 80
  columns.
- Nothing trailtui writes holds a word longer than 70 characters, so the
  panel (74 columns for a bullet at 80) never cuts one in two. Values from
  the log itself (a long role name, an ARN) are the log's, and commands go
  on rows of their own: a command follows "sentence: " or opens the item.
*/

function perLine(): TrailEvent[] {
	const folder = fixture('panther');
	const ranges = bundledRanges();
	return fs
		.readFileSync(`${folder}/panther_cloudtrail_test_events.jsonl`, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line, index) => {
			const event = normaliseRecord(
				{record: JSON.parse(line) as RawRecord, file: 'panther', index},
				ranges,
			);
			event.seq = 0;
			detect([event]);
			return event;
		});
}

const minute = (m: number) => `2024-05-01T10:${String(m).padStart(2, '0')}:00Z`;

/** The flags no real log above raises, each in its smallest scenario. */
function scenarios(): TrailEvent[] {
	const identityRole: EventSpec = {
		role: 'aws:ec2-instance',
		session: 'i-0784406a8a14355fe',
		key: 'ASIAEXAMPLEIDENTITY',
		ip: '104.102.221.250',
		eventName: 'ListBuckets',
	};
	const key: EventSpec = {
		role: 'app',
		session: 'alice',
		key: 'ASIAEXAMPLEKEY0009',
	};
	const settled = Array.from({length: 12}, (_, i): EventSpec => ({
		user: 'alice',
		eventSource: 'ec2.amazonaws.com',
		eventName: 'DescribeVpcs',
		time: minute(i * 2),
	}));
	const sweep = [
		'iam:ListUsers',
		'iam:ListRoles',
		'iam:ListGroups',
		'iam:ListPolicies',
		'iam:GetAccountSummary',
		's3:ListBuckets',
		's3:GetBucketPolicy',
		's3:GetBucketAcl',
		'ec2:DescribeInstances',
		'ec2:DescribeVpcs',
		'ec2:DescribeSubnets',
		'ec2:DescribeSecurityGroups',
		'ec2:DescribeSnapshots',
		'ec2:DescribeImages',
		'lambda:ListFunctions20150331',
		'lambda:GetFunction20150331v2',
		'secretsmanager:ListSecrets',
		'secretsmanager:DescribeSecret',
		'ssm:DescribeParameters',
		'ssm:DescribeInstanceInformation',
	].map((api, i): EventSpec => {
		const [service, eventName] = api.split(':');
		return {
			user: 'bob',
			eventSource: `${service}.amazonaws.com`,
			eventName,
			time: new Date(Date.parse(minute(0)) + i * 10_000).toISOString(),
		};
	});
	return [
		...judged([identityRole]),
		...judged([
			{
				...key,
				ip: '3.80.1.2',
				aws: {service: 'EC2', region: 'us-east-1'},
				time: minute(0),
			},
			{...key, ip: '203.0.113.5', time: minute(1)},
			{...key, ip: '198.51.100.9', time: minute(3)},
		]),
		...judged([
			...settled,
			{...settled[0]!, region: 'ap-south-1', time: minute(40)},
		]),
		...judged(sweep),
		...judgedRecords(
			[0, 2, 4, 6, 8].map((m) =>
				consoleLogin({
					identity: userIdentity('alice'),
					time: minute(m),
					result: 'Failure',
				}),
			),
		),
		...judged([
			{
				user: 'mallory',
				ip: '198.51.100.23',
				eventName: 'RegisterTaskDefinition',
				eventSource: 'ecs.amazonaws.com',
				requestParameters: {
					family: 'web-api',
					taskRoleArn: 'arn:aws:iam::111122223333:role/web-api-task',
					containerDefinitions: [
						{
							name: 'app',
							image: 'nginx:1.25',
							command: [
								'curl -s 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
							],
						},
					],
				},
			},
		]),
	];
}

interface Raised {
	flag: Flag;
	event: TrailEvent;
}

let corpus: Promise<Raised[]> | undefined;
function raised(): Promise<Raised[]> {
	corpus ??= (async () => {
		const flaws2 = await openDataset([sample('flaws2')]);
		const invictus = await openDataset([fixture('invictus', 'CloudTrail')]);
		const events = [
			...flaws2.events,
			...invictus.events,
			...perLine(),
			...scenarios(),
		];
		return events.flatMap((event) =>
			event.flags.map((flag) => ({flag, event})),
		);
	})();
	return corpus;
}

/** The sentences of a text: split after . ; ? ! before a capital. */
function sentences(text: string): string[] {
	return text.split(/(?<=[.?!])\s+(?=[A-Z"])/);
}

function words(text: string): number {
	return text.split(/\s+/).filter((w) => w !== '').length;
}

const command = /\baws [a-z\d-]+ [a-z\d-]+/;

/** What the panel wraps as prose: everything but the commands. */
function proseOf(flag: Flag): string[] {
	const next = flag.next.map((item) => {
		const split = /^(.*?):\s+(aws\s.*)$/s.exec(item);
		if (split) {
			return split[1]!;
		}

		return /^aws\s/.test(item) ? '' : item;
	});
	return [
		flag.title,
		flag.why,
		...flag.evidence,
		...(flag.normal ?? []),
		...next,
	];
}

test('the corpus raises every flag of the catalog', async () => {
	const seen = new Set((await raised()).map((r) => r.flag.id));
	const missing = catalog.map((rule) => rule.id).filter((id) => !seen.has(id));
	assert.deepEqual(missing, []);
});

test('every explanation says what happened, why it matters, and ends with the common false alarms', async () => {
	const whys = new Map<string, string>();
	for (const {flag} of await raised()) {
		whys.set(flag.why, flag.id);
	}

	for (const [why, id] of whys) {
		const parts = sentences(why);
		assert.ok(parts.length >= 3 && parts.length <= 7, `${id}: ${why}`);
		const last = why.lastIndexOf('Common false alarms: ');
		assert.ok(last > 0, `${id} names no false alarms: ${why}`);
		assert.ok(
			sentences(why.slice(last)).length <= 2,
			`${id}: the false alarms close the explanation`,
		);
	}
});

test('explanations keep to short sentences: 35 words at most', async () => {
	const long = new Set<string>();
	for (const {flag} of await raised()) {
		for (const sentence of sentences(flag.why)) {
			if (words(sentence) > 35) {
				long.add(`${flag.id}: ${sentence}`);
			}
		}
	}

	assert.deepEqual([...long], []);
});

test('titles fit the heading row of the panel at 80 columns', async () => {
	// "Flag 1/3  " and the padded severity take 19 of the 80 columns.
	const long = new Set<string>();
	for (const {flag} of await raised()) {
		if (flag.title.length > 80 - 19) {
			long.add(flag.title);
		}
	}

	assert.deepEqual([...long], []);
});

test('no word trailtui writes is longer than 70 characters, so the panel never cuts one', async () => {
	const long = new Set<string>();
	for (const {flag, event} of await raised()) {
		const record = JSON.stringify(event.record);
		for (const text of proseOf(flag)) {
			for (const word of text.split(/\s+/)) {
				const bare = word.replace(/^[("'[]+|[)"'\],.;:]+$/g, '');
				if ([...bare].length > 70 && !record.includes(bare)) {
					long.add(`${flag.id}: ${word}`);
				}
			}
		}
	}

	assert.deepEqual([...long], []);
});

test('commands in next steps open the item or follow "sentence: ", so they get rows of their own', async () => {
	const inline = new Set<string>();
	for (const {flag} of await raised()) {
		for (const item of flag.next) {
			const split = /^(.*?):\s+(aws\s.*)$/s.exec(item);
			const prose = split ? split[1]! : /^aws\s/.test(item) ? '' : item;
			if (command.test(prose)) {
				inline.add(`${flag.id}: ${item}`);
			}
		}
	}

	assert.deepEqual([...inline], []);
});

test("README.md's red-flag tables list every flag of the catalog, once", () => {
	const readme = fs.readFileSync(`${projectRoot}/README.md`, 'utf8');
	const section = readme.slice(
		readme.indexOf('## Red flags'),
		readme.indexOf('### Newer AWS ranges'),
	);
	const listed = [...section.matchAll(/^\| `([\w-]+)`\s*\|/gm)].map(
		(m) => m[1],
	);
	assert.deepEqual([...listed].sort(), catalog.map((rule) => rule.id).sort());
});
