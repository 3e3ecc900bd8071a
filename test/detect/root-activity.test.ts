import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	consoleLogin,
	flagOf,
	judgedRecords,
	rootIdentity,
	unquoted,
	userIdentity,
} from './identity-events.js';
import {judged, withFlag} from './scenarios.js';

const id = 'root-activity';

test('a root call with a root access key is high and names the key', () => {
	const [event] = judgedRecords([
		{
			eventName: 'CreateUser',
			eventSource: 'iam.amazonaws.com',
			extra: {userIdentity: rootIdentity({key: 'AKIAEXAMPLEROOT00001'})},
		},
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Root user activity');
	assert.match(
		flag?.evidence[0] ?? '',
		/^CreateUser at 2024-05-01 10:00:00 from 203\.0\.113\.10 \(outside AWS\), made as root of 111122223333\.$/,
	);
	assert.ok(
		flag?.evidence.includes(
			'It was signed with AKIAEXAMPLEROOT00001, a long-term access key of root: AWS advises root to have none.',
		),
	);
	assert.ok(
		flag?.next.some((line) =>
			line.endsWith(
				'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --region us-east-1',
			),
		),
	);
	assert.ok(flag?.next.some((line) => line.includes('AKIAEXAMPLEROOT00001')));
});

test('a successful root sign-in reads "Root console login", with its MFA', () => {
	const [event] = judgedRecords([
		consoleLogin({identity: rootIdentity(), mfa: 'Yes', ip: '203.0.113.60'}),
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Root console login');
	assert.ok(flag?.evidence.includes('MFA was used at sign-in.'));
	assert.deepEqual(
		event?.flags.map((f) => f.id),
		[id],
	);
});

test('root working through the console stays high: the console is no service', () => {
	const [event] = judgedRecords([
		{
			eventName: 'CreateAccessKey',
			eventSource: 'iam.amazonaws.com',
			ua: 'signin.amazonaws.com',
			extra: {
				userIdentity: rootIdentity({
					key: 'ASIAEXAMPLEROOT00002',
					invokedBy: 'signin.amazonaws.com',
					mfa: false,
				}),
			},
		},
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'high');
	assert.match(flag?.evidence[0] ?? '', /through the console/);
	assert.ok(
		flag?.evidence.includes(
			'It was signed with ASIAEXAMPLEROOT00002, the temporary key of a root session, signed in without MFA.',
		),
	);
});

test('AWS Support acting for root is info and says that the service acted', () => {
	const [event] = judgedRecords([
		{
			eventName: 'GetBucketLocation',
			ip: 'support.amazonaws.com',
			ua: 'support.amazonaws.com',
			extra: {userIdentity: rootIdentity({invokedBy: 'support.amazonaws.com'})},
		},
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'info');
	assert.equal(flag?.title, 'Root activity invoked by AWS Support');
	assert.match(flag?.why ?? '', /no person used root: an AWS service/);
	assert.match(
		flag?.evidence[0] ?? '',
		/in the name of root by AWS Support \(invokedBy: support\.amazonaws\.com\), not by a person/,
	);
	assert.ok(
		flag?.next.some((line) => line.includes('aws support describe-cases')),
	);
});

test('another service acting for root is info too, named by its host', () => {
	const [event] = judgedRecords([
		{
			ip: 'config.amazonaws.com',
			ua: 'config.amazonaws.com',
			extra: {userIdentity: rootIdentity({invokedBy: 'config.amazonaws.com'})},
		},
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'info');
	assert.equal(flag?.title, 'Root activity invoked by an AWS service');
	assert.match(
		flag?.evidence[0] ?? '',
		/the AWS service config\.amazonaws\.com/,
	);
});

test('a failed root sign-in is medium and titled as a failure', () => {
	const [event] = judgedRecords([
		consoleLogin({identity: rootIdentity(), mfa: 'No', result: 'Failure'}),
	]);
	const flag = flagOf(event, id);
	assert.equal(event?.outcome, 'error');
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'Failed root console login');
});

test('later root calls point back to the first one and list what root did', () => {
	const events = judgedRecords([
		consoleLogin({identity: rootIdentity(), mfa: 'Yes', ip: '203.0.113.60'}),
		{
			time: '2024-05-01T10:05:00Z',
			ip: '203.0.113.60',
			eventName: 'StopLogging',
			eventSource: 'cloudtrail.amazonaws.com',
			extra: {userIdentity: rootIdentity({key: 'ASIAEXAMPLEROOT00003'})},
		},
	]);
	assert.equal(withFlag(events, id).length, 2);
	const flag = flagOf(events[1], id);
	assert.ok(
		flag?.evidence.includes(
			'The first root call in the loaded logs: ConsoleLogin at 10:00:00 from 203.0.113.60 (outside AWS).',
		),
	);
	assert.ok(
		flag?.evidence.includes(
			'Root made 2 calls in the loaded logs: ConsoleLogin, StopLogging.',
		),
	);
});

test('near miss: IAM users, a user or role named root, and AWS services', () => {
	const events = judged([
		{user: 'alice', time: '2024-05-01T10:00:00Z'},
		{user: 'root', time: '2024-05-01T10:01:00Z'},
		{role: 'root', session: 'root', time: '2024-05-01T10:02:00Z'},
		{
			type: 'AWSService',
			invokedBy: 'support.amazonaws.com',
			ip: 'support.amazonaws.com',
			time: '2024-05-01T10:03:00Z',
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
	const [login] = judgedRecords([
		consoleLogin({identity: userIdentity('bob'), mfa: 'Yes'}),
	]);
	assert.equal(flagOf(login, id), undefined);
});

test('near miss: a service event about root is not a call made as root', () => {
	const [event] = judgedRecords([
		{
			eventName: 'CredentialReport',
			ip: 'AWS Internal',
			extra: {userIdentity: rootIdentity(), eventType: 'AwsServiceEvent'},
		},
	]);
	assert.equal(flagOf(event, id), undefined);
});

test('a forged access key id cannot break the printed command', () => {
	const key = "AKIA'; touch owned #";
	const [event] = judgedRecords([{extra: {userIdentity: rootIdentity({key})}}]);
	const lookup = flagOf(event, id)?.next.find((line) =>
		line.includes('AttributeKey=AccessKeyId'),
	);
	assert.ok(lookup);
	const shell = unquoted(lookup.slice(lookup.indexOf('aws ')));
	assert.doesNotMatch(shell, /[;#]|touch|UNTERMINATED/);
});
