import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'admin-policy-granted';

const iam = (
	eventName: string,
	requestParameters: Record<string, unknown>,
	time = '2024-05-01T10:00:00Z',
): EventSpec => ({
	...person,
	time,
	eventName,
	eventSource: 'iam.amazonaws.com',
	requestParameters,
});

const attachAdmin = iam('AttachUserPolicy', {
	userName: 'backup-bot',
	policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
});

test('AdministratorAccess attached to a user is high, with the undo command', () => {
	const flag = flagFor(attachAdmin, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Administrator rights given to a user');
	assert.match(
		flag?.evidence[0] ?? '',
		/it gave the user backup-bot AdministratorAccess, which allows every action on every resource: full administrator rights\.$/,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, take it back: aws iam detach-user-policy --user-name backup-bot --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
		),
	);
});

test('a user created just before the grant is linked to it', () => {
	const flag = lastFlag(
		[
			iam('CreateUser', {userName: 'backup-bot'}, '2024-05-01T09:59:58Z'),
			attachAdmin,
		],
		id,
	);
	assert.match(
		textOf(flag),
		/The user backup-bot was created at 09:59:58 by mallory \(CreateUser\)\./,
	);
});

test('credentials made for the grantee are linked, and the key call itself is no grant', () => {
	const events = judged([
		iam('CreateAccessKey', {userName: 'backup-bot'}, '2024-05-01T09:59:59Z'),
		attachAdmin,
	]);
	assert.equal(
		events[0]?.flags.find((f) => f.id === id),
		undefined,
	);
	assert.match(
		textOf(events[1]?.flags.find((f) => f.id === id)),
		/Credentials were made for backup-bot: an access key at 09:59:59 by mallory\./,
	);
});

test('an inline policy allowing everything is admin, URL-encoded or not', () => {
	const document = JSON.stringify({
		Version: '2012-10-17',
		Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}],
	});
	for (const policyDocument of [document, encodeURIComponent(document)]) {
		const flag = flagFor(
			iam('PutRolePolicy', {
				roleName: 'app',
				policyName: 'all',
				policyDocument,
			}),
			id,
		);
		assert.equal(flag?.severity, 'high');
		assert.match(
			flag?.evidence[0] ?? '',
			/an inline policy \(all, written into the identity itself\) that allows every action on every resource/,
		);
	}
});

test('iam:* and IAMFullAccess count: enough to grant anything else', () => {
	const iamStar = flagFor(
		iam('PutGroupPolicy', {
			groupName: 'ops',
			policyName: 'p',
			policyDocument: {
				Statement: {Effect: 'Allow', Action: 'iam:*', Resource: '*'},
			},
		}),
		id,
	);
	assert.equal(iamStar?.title, 'Administrator rights given to a group');
	assert.match(
		textOf(iamStar),
		/every IAM action, enough to grant itself anything else/,
	);
	assert.equal(
		flagFor(
			iam('AttachRolePolicy', {
				roleName: 'r',
				policyArn: 'arn:aws:iam::aws:policy/IAMFullAccess',
			}),
			id,
		)?.severity,
		'high',
	);
});

test('a customer policy created with admin rights counts when attached', () => {
	const flag = lastFlag(
		[
			{
				...iam(
					'CreatePolicy',
					{
						policyName: 'god-mode',
						policyDocument:
							'{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
					},
					'2024-05-01T09:59:00Z',
				),
				responseElements: {
					policy: {arn: 'arn:aws:iam::111122223333:policy/god-mode'},
				},
			},
			iam('AttachRolePolicy', {
				roleName: 'r',
				policyArn: 'arn:aws:iam::111122223333:policy/god-mode',
			}),
		],
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.match(textOf(flag), /god-mode/);
});

test('near misses: read-only policies, scoped inline policies, Deny statements', () => {
	assert.equal(
		flagFor(
			iam('AttachUserPolicy', {
				userName: 'u',
				policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			iam('PutRolePolicy', {
				roleName: 'r',
				policyName: 'p',
				policyDocument:
					'{"Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}',
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			iam('PutRolePolicy', {
				roleName: 'r',
				policyName: 'p',
				policyDocument:
					'{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
			}),
			id,
		),
		undefined,
	);
});

test('a role created with a trust policy shows who may assume it', () => {
	const flag = lastFlag(
		[
			iam(
				'CreateRole',
				{
					roleName: 'r',
					assumeRolePolicyDocument:
						'{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
				},
				'2024-05-01T09:59:00Z',
			),
			iam('AttachRolePolicy', {
				roleName: 'r',
				policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
			}),
		],
		id,
	);
	assert.match(
		textOf(flag),
		/Its trust policy, as created, lets ec2\.amazonaws\.com assume it\./,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(attachAdmin);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.awsService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
});
