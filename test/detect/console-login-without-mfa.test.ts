import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	consoleLogin,
	flagOf,
	identityCenterRole,
	judgedRecords,
	rootIdentity,
	unquoted,
	userIdentity,
} from './identity-events.js';
import {withFlag} from './scenarios.js';

const id = 'console-login-without-mfa';

test('an IAM user signing in with a password alone is medium', () => {
	const [event] = judgedRecords([
		consoleLogin({identity: userIdentity('bob'), mfa: 'No'}),
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'Console login without MFA');
	assert.equal(
		flag?.evidence[0],
		'bob signed in to the console at 2024-05-01 10:00:00 from 198.51.100.50 (outside AWS) with a password alone (MFAUsed: No).',
	);
	assert.ok(
		flag?.next.includes(
			"See the user's MFA devices: aws iam list-mfa-devices --user-name bob",
		),
	);
});

test('root signing in without MFA is high, beside the root flag', () => {
	const [event] = judgedRecords([
		consoleLogin({identity: rootIdentity(), mfa: 'No'}),
	]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Root console login without MFA');
	assert.deepEqual(event?.flags.map((f) => f.id).sort(), [id, 'root-activity']);
});

test('near miss: a failed sign-in is never flagged, though its MFAUsed is No', () => {
	const events = judgedRecords([
		consoleLogin({
			identity: userIdentity('alice'),
			mfa: 'No',
			result: 'Failure',
		}),
		consoleLogin({
			identity: {type: 'IAMUser', accountId: '111122223333', userName: 'carol'},
			mfa: 'No',
			result: 'Failure',
			time: '2024-05-01T10:00:20Z',
		}),
	]);
	assert.deepEqual(
		events.map((e) => e.outcome),
		['error', 'error'],
	);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: sign-ins with MFA, by a user or by root', () => {
	const events = judgedRecords([
		consoleLogin({identity: userIdentity('bob'), mfa: 'Yes'}),
		consoleLogin({
			identity: rootIdentity(),
			mfa: 'Yes',
			time: '2024-05-01T10:01:00Z',
		}),
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: a sign-in that does not say whether MFA was used', () => {
	const [event] = judgedRecords([
		consoleLogin({identity: userIdentity('bob')}),
	]);
	assert.equal(flagOf(event, id), undefined);
});

test('near miss: SAML and Identity Center sign-ins, whose MFA is at the identity provider', () => {
	const events = judgedRecords([
		consoleLogin({
			identity: identityCenterRole('carol@example.com'),
			mfa: 'No',
		}),
		consoleLogin({
			identity: userIdentity('dave'),
			mfa: 'No',
			data: {SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta'},
			time: '2024-05-01T10:01:00Z',
		}),
	]);
	assert.deepEqual(withFlag(events, id), []);
	const [bob] = judgedRecords([
		consoleLogin({identity: userIdentity('bob'), mfa: 'No'}),
	]);
	assert.match(
		flagOf(bob, id)?.why ?? '',
		/SAML or IAM Identity Center\) are not flagged: .*MFA happens at the identity provider/,
	);
});

test('near miss: a role session made from the console is not a sign-in', () => {
	const [event] = judgedRecords([
		{
			role: 'admin',
			session: 'bob',
			console: true,
			extra: {additionalEventData: {MFAUsed: 'No'}},
		},
	]);
	assert.equal(flagOf(event, id), undefined);
});

test('failed sign-ins from the same address in the hour before are evidence', () => {
	const events = judgedRecords([
		consoleLogin({
			identity: userIdentity('frank'),
			mfa: 'No',
			result: 'Failure',
			time: '2024-05-01T08:00:00Z',
		}),
		consoleLogin({
			identity: userIdentity('alice'),
			mfa: 'No',
			result: 'Failure',
		}),
		consoleLogin({
			identity: userIdentity('carol'),
			mfa: 'No',
			result: 'Failure',
			time: '2024-05-01T10:00:20Z',
		}),
		consoleLogin({
			identity: userIdentity('erin'),
			mfa: 'No',
			result: 'Failure',
			ip: '203.0.113.99',
			time: '2024-05-01T10:00:30Z',
		}),
		consoleLogin({
			identity: userIdentity('dave'),
			mfa: 'Yes',
			time: '2024-05-01T10:00:40Z',
		}),
		consoleLogin({
			identity: userIdentity('bob'),
			mfa: 'No',
			time: '2024-05-01T10:01:00Z',
		}),
	]);
	const flag = flagOf(events.at(-1), id);
	assert.ok(
		flag?.evidence.includes(
			'2 failed sign-ins came from 198.51.100.50 in the hour before, first at 10:00:00 (alice, carol): password guessing often ends with one success.',
		),
	);
});

test('an earlier sign-in with MFA and a removed MFA device are evidence', () => {
	const events = judgedRecords([
		consoleLogin({
			identity: userIdentity('bob'),
			mfa: 'Yes',
			time: '2024-05-01T09:00:00Z',
		}),
		{
			user: 'mallory',
			time: '2024-05-01T09:30:00Z',
			eventName: 'DeactivateMFADevice',
			eventSource: 'iam.amazonaws.com',
			requestParameters: {
				userName: 'bob',
				serialNumber: 'arn:aws:iam::111122223333:mfa/bob',
			},
		},
		consoleLogin({identity: userIdentity('bob'), mfa: 'No'}),
	]);
	const flag = flagOf(events.at(-1), id);
	assert.ok(
		flag?.evidence.includes(
			'bob signed in with MFA at 09:00:00, but not this time: the MFA device may have been removed.',
		),
	);
	assert.ok(
		flag?.evidence.includes(
			'The MFA device of bob was removed at 09:30:00 (DeactivateMFADevice by mallory).',
		),
	);
	assert.ok(
		flag?.normal?.includes(
			'bob has 1 other console sign-in in the loaded logs, 1 of them with MFA.',
		),
	);
});

test('a user name from the log is quoted in every printed command', () => {
	const name = 'bob$(touch owned)';
	const [event] = judgedRecords([
		consoleLogin({identity: userIdentity(name), mfa: 'No'}),
	]);
	const commands = (flagOf(event, id)?.next ?? []).filter((line) =>
		line.includes('aws '),
	);
	assert.ok(commands.length >= 4);
	for (const line of commands) {
		assert.doesNotMatch(
			unquoted(line.slice(line.indexOf('aws '))),
			/\$\(|touch|UNTERMINATED/,
			line,
		);
	}
});
