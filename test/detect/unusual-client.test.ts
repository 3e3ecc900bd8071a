import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagOf, unquoted} from './identity-events.js';
import {agents, ids, judged, withFlag} from './scenarios.js';

const id = 'unusual-client';
const key = 'AKIAEXAMPLEALICE0001';
const alice = {user: 'alice', key};

test('curl on a key that otherwise calls with boto3 is medium, with the contrast', () => {
	const events = judged([
		{...alice, ua: agents.botoLinux, time: '2024-05-01T10:01:00Z'},
		{...alice, ua: 'curl/8.5.0', time: '2024-05-01T10:03:00Z'},
	]);
	assert.deepEqual(
		withFlag(events, id).map((e) => e.seq),
		[1],
	);
	const flag = flagOf(events[1], id);
	assert.equal(flag?.severity, 'medium');
	assert.equal(
		flag?.evidence[0],
		'The user agent of this call (ListBuckets at 2024-05-01 10:03:00) is curl/8.5.0: curl, a command-line HTTP tool, not an AWS SDK, the CLI or the console.',
	);
	assert.ok(
		flag?.evidence.includes(
			'The same key, AKIAEXAMPLEALICE0001, otherwise called with boto3 (from 10:01:00); this call with curl.',
		),
	);
	assert.ok(
		flag?.next.some((line) =>
			line.endsWith(
				'aws iam update-access-key --user-name alice --access-key-id AKIAEXAMPLEALICE0001 --status Inactive',
			),
		),
	);
});

test('a steady script that only ever calls with python-requests is low', () => {
	const events = judged(
		['10:00', '10:05', '10:10'].map((t) => ({
			...alice,
			ua: 'python-requests/2.31.0',
			time: `2024-05-01T${t}:00Z`,
		})),
	);
	assert.deepEqual(
		events.map((e) => flagOf(e, id)?.severity),
		['low', 'low', 'low'],
	);
});

const rawTools: Array<[string, string]> = [
	['Wget', 'Wget/1.21.4'],
	['python-requests', 'python-requests/2.31.0'],
	['Go-http-client', 'Go-http-client/1.1'],
	[
		'PowerShell',
		'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.19045; en-US) PowerShell/7.4.1',
	],
	[
		'PowerShell',
		'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.3803',
	],
	['Postman', 'PostmanRuntime/7.36.0'],
	['curl', '[curl/7.88.1]'],
];

for (const [name, ua] of rawTools) {
	test(`a ${name} agent is flagged as a raw tool (${ua})`, () => {
		const [event] = judged([{...alice, ua}]);
		const flag = flagOf(event, id);
		assert.match(flag?.evidence[0] ?? '', new RegExp(`: ${name}, `));
	});
}

test('control characters in the agent are called out, and the tool token stays clean', () => {
	const ua = 'curl/8.5.0\u001B]0;owned\u0007\u001B[2K\nFAKE ConsoleLogin root';
	const [event] = judged([{...alice, ua}]);
	const flag = flagOf(event, id);
	assert.match(flag?.evidence[0] ?? '', /is curl\/8\.5\.0: curl,/);
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(flag?.evidence[0] ?? '', /[\u0000-\u001f]/);
	assert.match(flag?.evidence[1] ?? '', /control characters/);
});

test('turning keys into a console session with a script is medium', () => {
	const [event] = judged([
		{
			role: 'MyRole',
			session: 'session',
			key: 'ASIAEXAMPLEROLE00001',
			eventName: 'GetSigninToken',
			eventSource: 'signin.amazonaws.com',
			ua: 'python-requests/2.28.0',
		},
	]);
	assert.equal(flagOf(event, id)?.severity, 'medium');
});

test("a script library on a workload's credentials is medium", () => {
	const [event] = judged([
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			ip: '3.80.1.2',
			aws: {},
			ua: 'Go-http-client/1.1',
		},
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'medium');
	assert.ok(flag?.evidence.some((line) => line.includes('workload identity')));
});

test("near miss: AWS's own back ends calling with Go's client", () => {
	const service: EventSpec = {
		type: 'AWSService',
		invokedBy: 'sso.amazonaws.com',
		ip: 'sso.amazonaws.com',
		ua: 'Go-http-client/2.0',
		time: '2024-05-01T10:00:00Z',
	};
	const events = judged([
		service,
		{
			...alice,
			invokedBy: 'athena.amazonaws.com',
			ua: 'Go-http-client/2.0',
			time: '2024-05-01T10:01:00Z',
		},
		{
			...alice,
			ip: 'AWS Internal',
			ua: 'Go-http-client/2.0',
			time: '2024-05-01T10:02:00Z',
		},
		{
			user: 'carol',
			eventName: 'ListAccountAssignments',
			eventSource: 'sso.amazonaws.com',
			ua: 'Go-http-client/2.0',
			time: '2024-05-01T10:03:00Z',
		},
		{
			user: 'carol',
			eventName: 'DescribeUser',
			eventSource: 'identitystore.amazonaws.com',
			ua: 'Go-http-client/2.0',
			time: '2024-05-01T10:04:00Z',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: SDKs, the CLI, Terraform, AWS Tools for PowerShell, the console and services', () => {
	const agentsSeen = [
		agents.botoLinux,
		agents.cliLinux,
		'aws-sdk-go/1.44.0 (go1.20.1; linux; amd64)',
		'APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://www.terraform.io) terraform-provider-aws/5.31.0 aws-sdk-go-v2/1.24.0',
		'AWSPowerShell/4.1.500 .NET_Runtime/4.0 .NET_Framework/4.0 OS/Microsoft_Windows_NT_10.0 WindowsPowerShell/5.1 ClientSync',
		'Boto3/1.34.0 Python/3.11.6 Linux/6.1 Botocore/1.34.0 python-requests/2.31.0',
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15',
		'AWS Internal',
		'user-subscriptions.amazonaws.com',
	];
	const events = judged(
		agentsSeen.map((ua, n) => ({
			...alice,
			ua,
			time: `2024-05-01T10:${String(n).padStart(2, '0')}:00Z`,
		})),
	);
	assert.deepEqual(
		events.map((e) => ids(e).includes(id)),
		agentsSeen.map(() => false),
	);
});

test('near miss: a console session whose agent is odd', () => {
	const [event] = judged([{...alice, ua: 'Go-http-client/1.1', console: true}]);
	assert.equal(flagOf(event, id), undefined);
});

test('names and keys from the log are quoted in the printed commands', () => {
	const [event] = judged([
		{user: "alice'; touch owned #", key: 'AKIA$(id)', ua: 'curl/8.5.0'},
	]);
	const commands = (flagOf(event, id)?.next ?? []).filter((line) =>
		line.includes('aws '),
	);
	assert.equal(commands.length, 3);
	for (const line of commands) {
		assert.doesNotMatch(
			unquoted(line.slice(line.indexOf('aws '))),
			/[;#]|\$\(|touch|UNTERMINATED/,
			line,
		);
	}
});
