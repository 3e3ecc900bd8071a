import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';
import {flagOf, judgedRecords} from './identity-events.js';
import {judged} from './scenarios.js';

const id = 'credentials-for-another-user';

const iam = (
	eventName: string,
	requestParameters: Record<string, unknown>,
	extra: EventSpec = {},
): EventSpec => ({
	...person,
	eventName,
	eventSource: 'iam.amazonaws.com',
	requestParameters,
	...extra,
});

const keyForBob = iam(
	'CreateAccessKey',
	{userName: 'bob'},
	{
		responseElements: {
			accessKey: {
				accessKeyId: 'AKIAEXAMPLEBOBKEY001',
				status: 'Active',
				userName: 'bob',
			},
		},
	},
);

test('an access key made for another user is high and names the new key', () => {
	const flag = flagFor(keyForBob, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Access key created for another user');
	assert.match(
		flag?.evidence[0] ?? '',
		/: it made an access key for the user bob, not for the caller\.$/,
	);
	assert.match(
		textOf(flag),
		/The new key is AKIAEXAMPLEBOBKEY001; the loaded logs show no call made with it\./,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, switch the key off: aws iam update-access-key --user-name bob --access-key-id AKIAEXAMPLEBOBKEY001 --status Inactive',
		),
	);
});

test('the story is linked: the user created just before, given admin, and the key used later', () => {
	const events = judged([
		iam('CreateUser', {userName: 'bob'}, {time: '2024-05-01T09:59:00Z'}),
		iam(
			'AttachUserPolicy',
			{
				userName: 'bob',
				policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
			},
			{time: '2024-05-01T09:59:30Z'},
		),
		keyForBob,
		{
			time: '2024-05-01T10:05:00Z',
			user: 'bob',
			key: 'AKIAEXAMPLEBOBKEY001',
			ip: '203.0.113.99',
			eventName: 'ListBuckets',
		},
	]);
	const flag = events[2]?.flags.find((f) => f.id === id);
	const text = textOf(flag);
	assert.match(
		text,
		/The user bob was created at 09:59:00 by mallory \(CreateUser\)\./,
	);
	assert.match(
		text,
		/bob was given administrator rights at 09:59:30 by mallory \(AttachUserPolicy\)\./,
	);
	assert.match(
		text,
		/The new key AKIAEXAMPLEBOBKEY001 made 1 call in the loaded logs, the first \(ListBuckets\) at 10:05:00 from 203\.0\.113\.99 \(outside AWS\)\./,
	);
});

test('a console password for another user is high, and a later sign-in is shown', () => {
	const events = judged([
		iam('CreateLoginProfile', {userName: 'bob', passwordResetRequired: false}),
		{
			time: '2024-05-01T10:02:00Z',
			user: 'bob',
			ip: '203.0.113.99',
			eventName: 'ConsoleLogin',
			eventSource: 'signin.amazonaws.com',
			responseElements: {ConsoleLogin: 'Success'},
		},
	]);
	const flag = events[0]?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Console password set for another user');
	assert.match(
		textOf(flag),
		/bob then signed in to the console at 10:02:00 from 203\.0\.113\.99/,
	);
});

test('a reset that forces a new password at next sign-in is low', () => {
	const flag = flagFor(
		iam('UpdateLoginProfile', {userName: 'bob', passwordResetRequired: true}),
		id,
	);
	assert.equal(flag?.severity, 'low');
	assert.match(textOf(flag), /must change the password at the next sign-in/);
});

test('near misses: your own key, your own password, a role session named after the user', () => {
	assert.equal(
		flagFor(iam('CreateAccessKey', {userName: 'mallory'}), id),
		undefined,
	);
	assert.equal(flagFor(iam('CreateAccessKey', {}), id), undefined);
	assert.equal(
		flagFor(
			iam(
				'UpdateLoginProfile',
				{userName: 'alice', passwordResetRequired: false},
				{
					user: undefined,
					role: 'AWSReservedSSO_Admin_0123',
					session: 'alice@example.com',
				},
			),
			id,
		),
		undefined,
	);
});

test('refused is lower; an AWS service is not flagged; infrastructure code is low', () => {
	const v = variants(keyForBob);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
	assert.equal(flagFor(v.awsInternal!, id)?.severity, 'high');
});

test('an access key root made for root has its own flag, not this one', () => {
	const [event] = judgedRecords([
		{
			eventName: 'CreateAccessKey',
			eventSource: 'iam.amazonaws.com',
			ua: 'signin.amazonaws.com',
			extra: {
				userIdentity: {
					type: 'Root',
					principalId: '111122223333',
					arn: 'arn:aws:iam::111122223333:root',
					accountId: '111122223333',
					invokedBy: 'signin.amazonaws.com',
				},
			},
		},
	]);
	assert.equal(flagOf(event, id), undefined);
	assert.equal(flagOf(event, 'root-access-key-created')?.severity, 'high');
});

test('a user name that needs quoting is quoted in the commands', () => {
	const flag = lastFlag(
		[iam('CreateLoginProfile', {userName: "bob's $(id)"})],
		id,
	);
	assert.ok(
		flag?.next.some((line) => line.includes(`--user-name 'bob'\\''s $(id)'`)),
	);
});
