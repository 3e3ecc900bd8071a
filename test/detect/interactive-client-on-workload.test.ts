import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	agents,
	homeIp,
	ids,
	judged,
	lambdaTheft,
	withFlag,
} from './scenarios.js';

const id = 'interactive-client-on-workload';
const instance = {role: 'web', session: 'i-0123456789abcdef0'};

test('aws-cli on macOS with a Lambda key from a laptop is flagged high', () => {
	const events = judged(
		lambdaTheft([{time: '2018-11-28T23:05:53Z', eventName: 'ListImages'}]),
	);
	const flag = events.at(-1)?.flags.find((f) => f.id === id);
	assert.ok(flag);
	assert.equal(flag.severity, 'high');
	assert.match(
		flag.evidence[0] ?? '',
		/is aws-cli 1\.16\.19 on macOS: it runs on macOS, a desktop system; aws-cli is a client a person drives\.$/,
	);
	assert.ok(
		flag.normal?.some((l) =>
			l.includes('Its other clients: awslambda-worker (the Lambda runtime).'),
		),
	);
});

test('a desktop OS on a workload inside AWS is flagged medium', () => {
	const [event] = judged([
		{...instance, ip: '3.80.1.2', aws: {}, ua: agents.cliMac},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'medium');
});

test('an offensive distribution is flagged high even from inside AWS', () => {
	const [event] = judged([
		{...instance, ip: '3.80.1.2', aws: {}, ua: agents.kali},
	]);
	const flag = event?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'high');
	assert.ok(flag?.evidence[0]?.includes('Kali Linux'));
});

test('near miss: aws-cli on Linux inside AWS is a script on the instance', () => {
	const [event] = judged([{...instance, ip: '10.0.0.8', ua: agents.cliLinux}]);
	assert.deepEqual(ids(event), []);
});

test('near miss: the console, AWS Internal and a service agent are not tools', () => {
	const events = judged([
		{
			...instance,
			ip: homeIp,
			ua: agents.cliMac,
			console: true,
			time: '2024-05-01T10:00:00Z',
		},
		{
			...instance,
			ip: 'AWS Internal',
			ua: 'AWS Internal',
			time: '2024-05-01T10:01:00Z',
		},
		{
			...instance,
			ip: 'ecs.amazonaws.com',
			ua: 'ecs.amazonaws.com',
			time: '2024-05-01T10:02:00Z',
		},
		{...instance, ip: null, ua: '', time: '2024-05-01T10:03:00Z'},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: a person on macOS with their own role is not a workload', () => {
	const [event] = judged([
		{role: 'admin', session: 'alice', ip: homeIp, ua: agents.cliMac},
	]);
	assert.deepEqual(withFlag([event!], id), []);
});

test('near miss: a service acting for the workload with a desktop agent', () => {
	const [event] = judged([
		{
			...instance,
			ip: homeIp,
			ua: agents.cliMac,
			invokedBy: 'athena.amazonaws.com',
		},
	]);
	assert.deepEqual(ids(event), []);
});

test('near miss: a workload through a VPC endpoint with an SDK on Linux', () => {
	const [event] = judged([
		{
			...instance,
			ip: '10.0.3.3',
			vpcEndpointId: 'vpce-0example0001',
			ua: agents.botoLinux,
		},
	]);
	assert.deepEqual(ids(event), []);
});
