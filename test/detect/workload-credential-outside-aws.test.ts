import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	agents,
	homeIp,
	ids,
	judged,
	lambdaTheft,
	serviceTrust,
	withFlag,
} from './scenarios.js';

const id = 'workload-credential-outside-aws';

test('a Lambda role key used from a laptop is flagged high with the contrast', () => {
	const events = judged(
		lambdaTheft([{time: '2018-11-28T23:04:54Z', eventName: 'ListObjects'}]),
	);
	const flag = events.at(-1)?.flags.find((f) => f.id === id);
	assert.ok(flag, 'the laptop call carries the flag');
	assert.equal(flag.severity, 'high');
	assert.ok(
		flag.evidence.includes(
			'level1 was seen from 34.234.236.212 (AWS EC2 us-east-1) at 23:03:12; ' +
				'this call comes from 104.102.221.250, outside AWS.',
		),
		flag.evidence.join('\n'),
	);
	assert.ok(
		flag.evidence.some((line) =>
			line.includes(
				'inferred: lambda.amazonaws.com issued this session at 23:03:12',
			),
		),
	);
	assert.ok(flag.normal?.[0]?.includes('a Lambda function'));
	assert.ok(
		flag.next.some((line) =>
			line.includes(
				'aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=ASIAEXAMPLELAMBDA01 --region us-east-1',
			),
		),
	);
	assert.ok(
		flag.next.some((l) => l.endsWith('aws iam get-role --role-name level1')),
	);
	assert.deepEqual(ids(events[1]), [], "the function's own call is clean");
});

test('an EC2 instance-id session from outside AWS is flagged from its name alone', () => {
	const [event] = judged([
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			ip: homeIp,
			ua: agents.botoLinux,
		},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.ok(flag);
	assert.ok(flag.evidence.some((l) => l.includes('is an EC2 instance id')));
	assert.ok(
		flag.next.some((l) => l.includes('--instance-ids i-0123456789abcdef0')),
	);
});

test('a trust policy naming only a service makes the role a workload and says where from', () => {
	const [event] = judged(
		[{role: 'level3', session: 'ops', ip: homeIp}],
		[serviceTrust('level3', 'ecs-tasks.amazonaws.com')],
	);
	const flag = event?.flags.find((f) => f.id === id);
	assert.ok(flag);
	assert.ok(
		flag.evidence.includes(
			'Only ecs-tasks.amazonaws.com may assume level3 (trust policy from trust.json).',
		),
	);
});

test('a role used only from AWS before counts as a workload by behaviour', () => {
	const events = judged([
		{time: '2024-05-01T10:00:00Z', role: 'etl', session: 'run', ip: '10.0.0.5'},
		{
			time: '2024-05-01T10:05:00Z',
			role: 'etl',
			session: 'run',
			ip: '3.80.1.2',
			aws: {},
		},
		{time: '2024-05-01T11:00:00Z', role: 'etl', session: 'run', ip: homeIp},
	]);
	const flag = events[2]?.flags.find((f) => f.id === id);
	assert.ok(flag);
	assert.ok(
		flag.evidence.some((l) =>
			l.startsWith('Every other use of etl came from inside AWS: 2 calls'),
		),
	);
});

test('near miss: a person-named role used from outside AWS is not a workload', () => {
	const events = judged([
		{
			time: '2024-05-01T10:00:00Z',
			role: 'admin',
			session: 'alice@example.com',
			ip: '198.51.100.7',
		},
		{
			time: '2024-05-01T10:05:00Z',
			role: 'admin',
			session: 'alice@example.com',
			ip: homeIp,
		},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: a behaviour-only role first seen outside AWS is not a workload', () => {
	const events = judged([
		{time: '2024-05-01T10:00:00Z', role: 'dev', session: 's', ip: homeIp},
		{
			time: '2024-05-01T10:05:00Z',
			role: 'dev',
			session: 's',
			ip: '3.80.1.2',
			aws: {},
		},
		{time: '2024-05-01T10:06:00Z', role: 'dev', session: 's', ip: homeIp},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: AWS, private, VPC endpoint, AWS Internal, service and missing sources', () => {
	const workload = {role: 'web', session: 'i-0123456789abcdef0'};
	const events = judged([
		{...workload, ip: '3.80.1.2', aws: {}},
		{...workload, ip: '10.0.4.4'},
		{...workload, ip: '172.31.9.9', vpcEndpointId: 'vpce-0example0001'},
		{...workload, ip: 'AWS Internal'},
		{...workload, ip: null},
		{
			...workload,
			ip: 'cloudformation.amazonaws.com',
			invokedBy: 'cloudformation.amazonaws.com',
		},
		{...workload, ip: 'not-an-address'},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: a service acting for the role is not the role used outside AWS', () => {
	const [event] = judged([
		{
			role: 'web',
			session: 'i-0123456789abcdef0',
			ip: homeIp,
			invokedBy: 'athena.amazonaws.com',
		},
	]);
	assert.deepEqual(ids(event), []);
});

test('near miss: an IAM user from outside AWS is never a workload role', () => {
	const [event] = judged([
		{user: 'alice', ip: homeIp, key: 'AKIAEXAMPLEALICE001'},
	]);
	assert.deepEqual(withFlag([event!], id), []);
});

test('near miss: a console session of a person-named role from outside AWS', () => {
	const [event] = judged([
		{
			role: 'admin',
			session: 'alice',
			ip: homeIp,
			ua: agents.console,
			console: true,
		},
	]);
	assert.deepEqual(withFlag([event!], id), []);
});
