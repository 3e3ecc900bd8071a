import {test} from 'node:test';
import assert from 'node:assert/strict';
import {buildBaselines, networkOf} from '../../source/detect/baselines.js';
import {agentInfo} from '../../source/detect/agent.js';
import {makeEvents} from '../helpers/make-event.js';

const alice = {user: 'alice', key: 'AKIAEXAMPLEALICE001'};

test('addresses keep their first and last sighting per principal and per key', () => {
	const events = makeEvents([
		{...alice, time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{...alice, time: '2024-05-01T10:05:00Z', ip: '198.51.100.7'},
		{...alice, time: '2024-05-01T10:09:00Z', ip: '203.0.113.10'},
	]);
	const baselines = buildBaselines(events, agentInfo);
	const principal = baselines.principals.get('user:111122223333:alice');
	assert.deepEqual(
		[...(principal?.addresses.keys() ?? [])],
		['203.0.113.10', '198.51.100.7'],
	);
	const first = principal?.addresses.get('203.0.113.10');
	assert.equal(first?.count, 2);
	assert.equal(first?.firstTime, Date.parse('2024-05-01T10:00:00Z'));
	assert.equal(first?.lastTime, Date.parse('2024-05-01T10:09:00Z'));
	assert.equal(baselines.accessKeys.get('AKIAEXAMPLEALICE001')?.events, 3);
	assert.equal(principal?.firstTime, Date.parse('2024-05-01T10:00:00Z'));
	assert.equal(principal?.lastTime, Date.parse('2024-05-01T10:09:00Z'));
});

test('missing, AWS Internal, service names and garbage never enter the address baseline', () => {
	const events = makeEvents([
		{...alice, ip: null},
		{...alice, ip: 'AWS Internal'},
		{...alice, ip: 'support.amazonaws.com'},
		{...alice, ip: 'not an address'},
	]);
	const principal = buildBaselines(events, agentInfo).principals.get(
		'user:111122223333:alice',
	);
	assert.equal(principal?.events, 4);
	assert.equal(principal?.addresses.size, 0);
});

test('agents are compared by family and OS, never by the raw string', () => {
	const events = makeEvents([
		{
			...alice,
			ua: '[Boto3/1.34.0 Python/3.11.6 Darwin/23.1.0 Botocore/1.34.0 my-tool/2.5.0]',
		},
		{...alice, ua: 'Boto3/1.34.0 Python/3.11.6 Darwin/23.1.0 Botocore/1.34.0'},
		{...alice, ua: 'AWS Internal'},
		{...alice, ua: 's3.amazonaws.com'},
	]);
	const principal = buildBaselines(events, agentInfo).principals.get(
		'user:111122223333:alice',
	);
	assert.deepEqual([...(principal?.agents.keys() ?? [])], ['boto3']);
	assert.deepEqual([...(principal?.oses.keys() ?? [])], ['macOS']);
});

test('APIs and regions are recorded per identity, and callers without a key get none', () => {
	const events = makeEvents([
		{...alice, eventName: 'ListUsers', eventSource: 'iam.amazonaws.com'},
		{...alice, region: 'eu-west-1'},
		{
			type: 'AWSService',
			invokedBy: 'ec2.amazonaws.com',
			ip: 'ec2.amazonaws.com',
		},
	]);
	const baselines = buildBaselines(events, agentInfo);
	const principal = baselines.principals.get('user:111122223333:alice');
	assert.deepEqual(
		[...(principal?.apis.keys() ?? [])],
		['iam:ListUsers', 's3:ListBuckets'],
	);
	assert.deepEqual(
		[...(principal?.regions.keys() ?? [])],
		['us-east-1', 'eu-west-1'],
	);
	assert.equal(baselines.principals.size, 1);
});

test('networks: AWS by service and region, private by endpoint, public by /24 or /48', () => {
	const [aws, vpce, v4, v6] = makeEvents([
		{ip: '34.234.236.212', aws: {service: 'EC2', region: 'us-east-1'}},
		{ip: '10.0.0.1', vpcEndpointId: 'vpce-0example0001'},
		{ip: '203.0.113.77'},
		{ip: '2001:db8:1234:5678::1'},
	]);
	assert.equal(networkOf(aws!.source), 'aws:EC2:us-east-1');
	assert.equal(networkOf(vpce!.source), 'vpce:vpce-0example0001');
	assert.equal(networkOf(v4!.source), '203.0.113.0/24');
	assert.equal(networkOf(v6!.source), '2001:db8:1234::/48');
});
