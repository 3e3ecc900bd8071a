import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describePrincipal} from '../../source/normalise/principal.js';
import {caseRecords} from './case-records.js';

const labels = (name: string) =>
	caseRecords(name).map((record) => describePrincipal(record).label);

test('BR-11 userIdentity variants get the labels a person would use', () => {
	assert.deepEqual(labels('BR-11.json'), [
		'alice',
		'role deploy-role (session alice@example.com)',
		'role ci-role (session session-1)',
		'cloudtrail.amazonaws.com (AWS service)',
		'account 444455556666 (cross-account)',
		'root (111122223333)',
		'(unknown principal)',
	]);
});

test('BR-11 role baselines exist only for deploy-role and ci-role', () => {
	const principals = caseRecords('BR-11.json').map((record) =>
		describePrincipal(record),
	);
	const roleKeys = principals
		.map((principal) => principal.baselineKey)
		.filter((key) => key?.startsWith('role:'));
	assert.deepEqual(roleKeys, [
		'role:111122223333:deploy-role',
		'role:111122223333:ci-role',
	]);
	assert.equal(principals[3]?.baselineKey, undefined);
	assert.equal(principals[6]?.baselineKey, undefined);
	assert.equal(principals[6]?.type, 'None');
	assert.equal(principals[2]?.roleName, 'ci-role');
	assert.equal(principals[2]?.sessionName, 'session-1');
});

test('BR-12 a service event without a type is AWS internal', () => {
	const principal = describePrincipal(caseRecords('BR-12.json')[2] ?? {});
	assert.equal(principal.label, 'AWS internal (service event)');
	assert.equal(principal.type, 'ServiceEvent');
	assert.equal(principal.baselineKey, undefined);
});

test('BR-13 Identity Center users are told apart by onBehalfOf.userId', () => {
	const principals = caseRecords('BR-13.json').map((record) =>
		describePrincipal(record),
	);
	assert.deepEqual(
		principals.map((principal) => principal.label),
		[
			'IdentityCenterUser 11111111-aaaa-4bbb-8ccc-000000000001 (d-0000000000)',
			'IdentityCenterUser 22222222-aaaa-4bbb-8ccc-000000000002 (d-0000000000)',
			'alice (Unknown)',
		],
	);
	const keys = principals.map((principal) => principal.baselineKey);
	assert.equal(new Set(keys).size, 3);
	assert.equal(
		keys[0],
		'idc:d-0000000000:11111111-aaaa-4bbb-8ccc-000000000001',
	);
});

test('BR-17 sign-in principals without an ARN or with a hidden name', () => {
	const principals = caseRecords('BR-17.json').map((record) =>
		describePrincipal(record),
	);
	assert.deepEqual(
		principals.map((principal) => principal.label),
		[
			'alice (no ARN in record)',
			'unknown user (name hidden by AWS)',
			'bob',
			'root (111122223333)',
		],
	);
	assert.equal(principals[0]?.baselineKey, 'user:111122223333:alice');
	assert.equal(principals[1]?.baselineKey, undefined);
	assert.equal(principals[3]?.baselineKey, 'root:111122223333');
});

test('BR-08 root invoked by AWS Support says so', () => {
	const principal = describePrincipal(caseRecords('BR-08.json')[0] ?? {});
	assert.equal(principal.type, 'Root');
	assert.equal(principal.invokedBy, 'support.amazonaws.com');
	assert.equal(
		principal.label,
		'root (111122223333) invoked by support.amazonaws.com',
	);
});

test('flaws2 anonymous S3 callers are anonymous with no baseline', () => {
	const principal = describePrincipal({
		userIdentity: {
			type: 'AWSAccount',
			principalId: '',
			accountId: 'ANONYMOUS_PRINCIPAL',
		},
	});
	assert.equal(principal.label, 'anonymous');
	assert.equal(principal.baselineKey, undefined);
	const byId = describePrincipal({
		userIdentity: {type: 'AWSAccount', principalId: 'ANONYMOUS_PRINCIPAL'},
	});
	assert.equal(byId.label, 'anonymous');
});

test('flaws2 level3 task role keeps its session and access key', () => {
	const principal = describePrincipal({
		userIdentity: {
			type: 'AssumedRole',
			principalId: 'AROAJQMBDNUMIKLZKMF64:d190d14a-2404-45d6-9113-4eda22d7f2c7',
			arn: 'arn:aws:sts::653711331788:assumed-role/level3/d190d14a-2404-45d6-9113-4eda22d7f2c7',
			accountId: '653711331788',
			accessKeyId: 'ASIAZQNB3KHGNXWXBSJS',
		},
	});
	assert.equal(
		principal.label,
		'role level3 (session d190d14a-2404-45d6-9113-4eda22d7f2c7)',
	);
	assert.equal(principal.baselineKey, 'role:653711331788:level3');
	assert.equal(principal.accessKeyId, 'ASIAZQNB3KHGNXWXBSJS');
});

test('federated, SAML and web identity users get labels and baselines', () => {
	const federated = describePrincipal({
		userIdentity: {
			type: 'FederatedUser',
			principalId: '111122223333:bob',
			arn: 'arn:aws:sts::111122223333:federated-user/bob',
			accountId: '111122223333',
			sessionContext: {
				sessionIssuer: {type: 'IAMUser', userName: 'alice'},
			},
		},
	});
	assert.equal(federated.label, 'federated bob (via alice)');
	assert.equal(federated.baselineKey, 'federated:111122223333:bob');

	// Shapes from the AWS documentation's example events.
	const saml = describePrincipal({
		userIdentity: {
			type: 'SAMLUser',
			principalId: 'SampleUkh1i4+ExamplexL/jEvs=:SamlExample',
			userName: 'SamlExample',
			identityProvider: 'bdGOnTesti4+ExamplexL/jEvs=',
		},
	});
	assert.equal(saml.label, 'SamlExample (SAML user)');
	assert.ok(saml.baselineKey?.startsWith('saml:'));
	const web = describePrincipal({
		userIdentity: {
			type: 'WebIdentityUser',
			principalId: 'accounts.google.com:app:user-1',
			userName: 'user-1',
			identityProvider: 'accounts.google.com',
		},
	});
	assert.equal(web.label, 'user-1 (web identity, accounts.google.com)');
	assert.equal(web.baselineKey, 'web:accounts.google.com:user-1');
});

test('odd userIdentity values never crash and give an unknown principal', () => {
	for (const userIdentity of [
		null,
		'alice',
		42,
		true,
		[],
		{},
		{type: 7},
		{type: 'AssumedRole'},
		{type: 'IAMUser', userName: {}},
		{type: 'AssumedRole', arn: 42, sessionContext: 'x'},
		{type: 'IdentityCenterUser', onBehalfOf: 'x'},
	]) {
		const principal = describePrincipal({userIdentity});
		assert.equal(typeof principal.label, 'string');
		assert.ok(principal.label.length > 0);
	}

	assert.equal(
		describePrincipal({userIdentity: null}).label,
		'(unknown principal)',
	);
	assert.equal(describePrincipal({userIdentity: 'x'}).type, 'None');
});

test('the label keeps control characters as logged: views escape them', () => {
	const principal = describePrincipal({
		userIdentity: {
			type: 'IAMUser',
			arn: 'arn:aws:iam::111122223333:user/x',
			userName: 'evil\u001b[2J\nroot',
		},
	});
	assert.equal(principal.label, 'evil\u001b[2J\nroot');
	assert.equal(principal.userName, 'evil\u001b[2J\nroot');
});
