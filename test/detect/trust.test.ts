import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
	describeAssumption,
	IamFileError,
	inferTrust,
	parseIamFile,
	parseRoleArn,
} from '../../source/detect/trust.js';
import {makeEvents, serviceAssumes} from '../helpers/make-event.js';
import {sample} from '../helpers/paths.js';

test('get-role output of flaws2 level3 trusts only ecs-tasks', () => {
	const file = sample('flaws2', 'level3.json');
	const [policy, ...rest] = parseIamFile(fs.readFileSync(file, 'utf8'), file);
	assert.equal(rest.length, 0);
	assert.equal(policy?.roleName, 'level3');
	assert.equal(policy?.accountId, '653711331788');
	assert.deepEqual(policy?.principals, [
		{kind: 'Service', value: 'ecs-tasks.amazonaws.com'},
	]);
	assert.equal(policy?.serviceOnly, true);
	assert.equal(policy?.source, 'trust policy from level3.json');
});

test('list-roles output gives one policy per role, and a human trust is not service-only', () => {
	const text = JSON.stringify({
		Roles: [
			{
				RoleName: 'app',
				Arn: 'arn:aws:iam::111122223333:role/app',
				AssumeRolePolicyDocument: {
					Statement: [
						{
							Effect: 'Allow',
							Principal: {Service: ['lambda.amazonaws.com']},
							Action: 'sts:AssumeRole',
						},
					],
				},
			},
			{
				RoleName: 'admin',
				AssumeRolePolicyDocument: {
					Statement: {
						Effect: 'Allow',
						Principal: {AWS: 'arn:aws:iam::111122223333:root'},
					},
				},
			},
		],
	});
	const policies = parseIamFile(text, 'roles.json');
	assert.deepEqual(
		policies.map((p) => [p.roleName, p.serviceOnly]),
		[
			['app', true],
			['admin', false],
		],
	);
});

test('a URL-encoded policy document from authorization details is read', () => {
	const document = encodeURIComponent(
		JSON.stringify({
			Statement: [
				{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}},
				{Effect: 'Deny', Principal: {AWS: '*'}},
			],
		}),
	);
	const [policy] = parseIamFile(
		JSON.stringify({
			RoleDetailList: [{RoleName: 'web', AssumeRolePolicyDocument: document}],
		}),
		'details.json',
	);
	assert.deepEqual(policy?.principals, [
		{kind: 'Service', value: 'ec2.amazonaws.com'},
	]);
	assert.equal(policy?.serviceOnly, true);
});

test('a principal of "*" counts as anyone, not as a service', () => {
	const [policy] = parseIamFile(
		JSON.stringify({
			Role: {
				RoleName: 'open',
				AssumeRolePolicyDocument: {
					Statement: [{Effect: 'Allow', Principal: '*'}],
				},
			},
		}),
		'open.json',
	);
	assert.equal(policy?.serviceOnly, false);
	assert.deepEqual(policy?.principals, [{kind: 'AWS', value: '*'}]);
});

test('bad input gives an error that names the file', () => {
	assert.throws(
		() => parseIamFile('{"Role": ', 'broken.json'),
		(error: unknown) =>
			error instanceof IamFileError &&
			error.message.startsWith('broken.json: not valid JSON'),
	);
	assert.throws(
		() => parseIamFile('{"Records": []}', 'trail.json'),
		/^IamFileError: trail\.json: no IAM role found/,
	);
	assert.throws(
		() => parseIamFile('{"Role": {"RoleName": "x"}}', 'x.json'),
		/x\.json: role x has no readable AssumeRolePolicyDocument/,
	);
	assert.throws(
		() => parseIamFile('{"Roles": [42]}', 'list.json'),
		/list\.json: Roles\[0\] is not an object/,
	);
});

test('role ARNs with a path give the last segment as the name', () => {
	assert.deepEqual(
		parseRoleArn('arn:aws:iam::653711331788:role/service-role/level1'),
		{roleName: 'level1', accountId: '653711331788'},
	);
	assert.equal(parseRoleArn('arn:aws:iam::1:user/alice'), undefined);
});

test('an AWS service AssumeRole is inferred trust, cited with its session', () => {
	const events = makeEvents([
		serviceAssumes(
			'ecs-tasks.amazonaws.com',
			'level3',
			'd190d14a-2404-45d6-9113-4eda22d7f2c7',
			'ASIAEXAMPLETASK0001',
			'2018-11-28T22:31:59Z',
		),
		{
			time: '2018-11-28T23:09:28Z',
			role: 'level3',
			session: 'd190d14a-2404-45d6-9113-4eda22d7f2c7',
			key: 'ASIAEXAMPLETASK0001',
		},
		{
			time: '2018-11-28T23:10:00Z',
			role: 'level3',
			session: 'other',
			key: 'ASIAEXAMPLEOTHER001',
		},
	]);
	const [assumption, ...rest] = inferTrust(events);
	assert.equal(rest.length, 0);
	assert.equal(assumption?.roleName, 'level3');
	assert.equal(assumption?.service, 'ecs-tasks.amazonaws.com');
	assert.equal(assumption?.accessKeyId, 'ASIAEXAMPLETASK0001');
	assert.equal(
		describeAssumption(assumption!, events[1]!),
		'inferred: ecs-tasks.amazonaws.com issued this session at 22:31:59',
	);
	assert.equal(
		describeAssumption(assumption!, events[2]!),
		'inferred: ecs-tasks.amazonaws.com assumed level3 at 22:31:59',
	);
});

test('a person assuming a role, or a failed service AssumeRole, infers nothing', () => {
	const byPerson = {
		...serviceAssumes('x', 'app', 's', 'ASIA1', '2024-05-01T10:00:00Z'),
		type: 'IAMUser',
		user: 'alice',
		ip: '203.0.113.10',
	};
	const failed = {
		...serviceAssumes(
			'ecs-tasks.amazonaws.com',
			'app',
			's',
			'ASIA2',
			'2024-05-01T10:00:00Z',
		),
		errorCode: 'AccessDenied',
	};
	assert.deepEqual(inferTrust(makeEvents([byPerson, failed])), []);
});
