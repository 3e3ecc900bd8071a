import {test} from 'node:test';
import assert from 'node:assert/strict';
import {agents, judged, withFlag} from './scenarios.js';

const id = 'attack-tool-user-agent';
const run = '6a7ec681-49a5-4403-99a2-d3c1229e8063';
const stratus = `stratus-red-team_${run}`;
const stratusTerraform =
	'APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) ' +
	'terraform-provider-aws/3.76.1 aws-sdk-go/1.44.157 (go1.19.3; linux; amd64) ' +
	`${stratus} HashiCorp-terraform-exec/0.17.3`;

function flagOf(events: ReturnType<typeof judged>, index: number) {
	return events[index]?.flags.find((f) => f.id === id);
}

test('a Kali machine on a person is medium and says what Kali is', () => {
	const events = judged([{user: 'alice', ua: agents.kali}]);
	const flag = flagOf(events, 0);
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'Kali Linux in the user agent');
	assert.equal(
		flag?.evidence[0],
		'The user agent of this call (ListBuckets at 2024-05-01 10:00:00) names Kali Linux: a Linux distribution made for penetration testing.',
	);
});

test('TruffleHog is high; S3 Browser is low, medium on a workload', () => {
	const events = judged([
		{user: 'alice', ua: 'TruffleHog', time: '2024-05-01T10:00:00Z'},
		{
			user: 'bob',
			ua: 'S3 Browser/11.5.7 https://s3browser.com',
			time: '2024-05-01T10:01:00Z',
		},
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			ua: 'S3 Browser/11.5.7 https://s3browser.com',
			time: '2024-05-01T10:02:00Z',
		},
	]);
	assert.deepEqual(
		[0, 1, 2].map((i) => flagOf(events, i)?.severity),
		['high', 'low', 'medium'],
	);
});

test('Stratus Red Team is flagged on its attack calls, and its Terraform setup is counted, not flagged', () => {
	const events = judged([
		{user: 'bert', ua: stratusTerraform, time: '2024-05-01T10:00:00Z'},
		{user: 'bert', ua: stratusTerraform, time: '2024-05-01T10:00:30Z'},
		{user: 'bert', ua: `[${stratus}]`, time: '2024-05-01T10:01:00Z'},
		{user: 'bert', ua: stratus, time: '2024-05-01T10:02:00Z'},
	]);
	assert.deepEqual(
		withFlag(events, id).map((e) => e.seq),
		[2, 3],
	);
	const flag = flagOf(events, 3);
	assert.equal(flag?.severity, 'medium');
	assert.deepEqual(flag?.evidence.slice(1), [
		'bert made 2 calls with Stratus Red Team in the loaded logs, from 10:01:00 to 10:02:00.',
		`Stratus Red Team marks each run with an id (${run}). The same run made 2 calls through Terraform from 10:00:00 to 10:00:30, to set up what it attacks; those calls are not flagged.`,
	]);
});

test('near misses: ordinary clients, the console and a service acting for the principal', () => {
	const events = judged([
		{user: 'alice', ua: agents.cliMac, time: '2024-05-01T10:00:00Z'},
		{
			user: 'alice',
			ua: '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10]',
			time: '2024-05-01T10:01:00Z',
		},
		{
			user: 'alice',
			ua: agents.kali,
			ip: 'cloudformation.amazonaws.com',
			invokedBy: 'cloudformation.amazonaws.com',
			time: '2024-05-01T10:02:00Z',
		},
		{
			user: 'alice',
			ua: 'APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io)',
			time: '2024-05-01T10:03:00Z',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});
