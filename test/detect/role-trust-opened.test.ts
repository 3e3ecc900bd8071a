import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 'role-trust-opened';

function trust(
	statements: unknown[],
	eventName = 'UpdateAssumeRolePolicy',
	time = '2024-05-01T10:00:00Z',
): EventSpec {
	const document = JSON.stringify({
		Version: '2012-10-17',
		Statement: statements,
	});
	return {
		...person,
		time,
		eventName,
		eventSource: 'iam.amazonaws.com',
		requestParameters:
			eventName === 'CreateRole'
				? {roleName: 'deploy', assumeRolePolicyDocument: document}
				: {roleName: 'deploy', policyDocument: document},
	};
}

const allow = (principal: unknown, condition?: unknown) => ({
	Effect: 'Allow',
	Principal: principal,
	Action: 'sts:AssumeRole',
	...(condition ? {Condition: condition} : {}),
});

const outsider = trust([
	allow({Service: 'ec2.amazonaws.com'}),
	allow({AWS: 'arn:aws:iam::999988887777:root'}),
]);

test('trusting an account that appears nowhere else is high, and the account is named', () => {
	const flag = flagFor(outsider, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, "A role's trust policy was opened to outsiders");
	assert.match(
		textOf(flag),
		/It lets the account 999988887777 assume the role\./,
	);
	assert.match(
		textOf(flag),
		/999988887777 is not one of the accounts whose logs are loaded, and none of its identities made a call here\./,
	);
	assert.ok(
		flag?.next.some((l) => l.includes('aws iam get-role --role-name deploy')),
	);
});

test('everyone without a condition is critical; with only an external id it is medium', () => {
	assert.equal(flagFor(trust([allow('*')]), id)?.severity, 'critical');
	assert.equal(
		flagFor(trust([allow({AWS: '*'})], 'CreateRole'), id)?.severity,
		'critical',
	);
	const withId = flagFor(
		trust([allow('*', {StringEquals: {'sts:ExternalId': '12345'}})]),
		id,
	);
	assert.equal(withId?.severity, 'medium');
	assert.match(
		textOf(withId),
		/its condition on sts:ExternalId does not limit who may call/,
	);
});

test('an outside account with an external id (a vendor) is medium', () => {
	assert.equal(
		flagFor(
			trust([
				allow({AWS: '999988887777'}, {StringEquals: {'sts:ExternalId': 'abc'}}),
			]),
			id,
		)?.severity,
		'medium',
	);
});

test('an account whose principals already call in is medium, and its calls are cited', () => {
	const flag = lastFlag(
		[
			{
				time: '2024-05-01T09:00:00Z',
				role: 'auditor',
				account: '999988887777',
				extra: {recipientAccountId: '111122223333'},
				eventName: 'ListBuckets',
			},
			outsider,
		],
		id,
	);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		textOf(flag),
		/called into them 1 time \(first ListBuckets at 09:00:00\)/,
	);
});

test('the role holding admin rights is said', () => {
	const flag = lastFlag(
		[
			{
				...person,
				time: '2024-05-01T09:59:00Z',
				eventName: 'AttachRolePolicy',
				eventSource: 'iam.amazonaws.com',
				requestParameters: {
					roleName: 'deploy',
					policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
				},
			},
			outsider,
		],
		id,
	);
	assert.match(
		textOf(flag),
		/The role holds administrator rights: AttachRolePolicy at 09:59:00 by mallory\./,
	);
});

test('GitHub Actions without a sub condition is high; with one it is fine', () => {
	const github = {
		Federated:
			'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
	};
	assert.equal(flagFor(trust([allow(github)]), id)?.severity, 'high');
	assert.equal(
		flagFor(
			trust([
				allow(github, {
					StringLike: {
						'token.actions.githubusercontent.com:sub': 'repo:acme/app:*',
					},
				}),
			]),
			id,
		),
		undefined,
	);
});

test('near misses: services, the own account, pinned wildcards, Deny', () => {
	assert.equal(
		flagFor(trust([allow({Service: 'lambda.amazonaws.com'})]), id),
		undefined,
	);
	assert.equal(
		flagFor(trust([allow({AWS: 'arn:aws:iam::111122223333:root'})]), id),
		undefined,
	);
	assert.equal(
		flagFor(
			trust([allow('*', {StringEquals: {'aws:PrincipalOrgID': 'o-abc123'}})]),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			trust([{Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole'}]),
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(outsider);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.vpcEndpoint!, id)?.severity, 'high');
});
