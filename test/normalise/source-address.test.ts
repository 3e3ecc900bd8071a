import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledRanges, noRanges} from '../../source/enrich/aws-ranges.js';
import {
	classifySource,
	sourceHint,
	sourceLabel,
} from '../../source/normalise/source-address.js';
import {caseRecords} from './case-records.js';

const classify = (sourceIPAddress: unknown, extra: object = {}) =>
	classifySource({sourceIPAddress, ...extra}, bundledRanges());

test('flaws2 addresses: the Lambda inside AWS EC2, the attacker outside', () => {
	const lambda = classify('34.234.236.212');
	assert.equal(lambda.kind, 'public');
	assert.equal(lambda.ipVersion, 4);
	assert.deepEqual(lambda.aws, {
		prefix: '34.224.0.0/12',
		service: 'EC2',
		region: 'us-east-1',
	});
	assert.equal(sourceLabel(lambda), '34.234.236.212 (AWS EC2 us-east-1)');
	assert.equal(sourceHint(lambda), 'AWS');

	const attacker = classify('104.102.221.250');
	assert.equal(attacker.kind, 'public');
	assert.equal(attacker.aws, undefined);
	assert.equal(sourceLabel(attacker), '104.102.221.250 (outside AWS)');
	assert.equal(sourceHint(attacker), 'ext');
});

test('BR-08 service host names are AWS services, never public addresses', () => {
	const sources = caseRecords('BR-08.json').map((record) =>
		classifySource(record, bundledRanges()),
	);
	assert.deepEqual(
		sources.map((source) => source.kind),
		['aws-service', 'aws-service', 'aws-service', 'public'],
	);
	assert.equal(sources[0]?.service, 'support.amazonaws.com');
	assert.equal(sources[0]?.vpcEndpointId, 'vpce-0example000000001');
	assert.equal(sources[1]?.service, 'cloudformation.amazonaws.com');
	assert.equal(sources[0]?.aws, undefined);
	assert.equal(sourceHint(sources[1]!), 'svc');
	assert.equal(
		sourceLabel(sources[1]!),
		'cloudformation.amazonaws.com (AWS service)',
	);
});

test('BR-08 AppStream calls note that the caller IP was not recorded', () => {
	const appstream = classifySource(
		caseRecords('BR-08.json')[2] ?? {},
		bundledRanges(),
	);
	assert.equal(appstream.note, 'caller IP not recorded (AppStream proxy)');
	assert.match(
		sourceLabel(appstream),
		/caller IP not recorded \(AppStream proxy\)/,
	);
	assert.equal(classify('ec2.amazonaws.com').note, undefined);
});

test('BR-09 AWS Internal is its own kind and not an address', () => {
	const source = classifySource(
		caseRecords('BR-09.json')[0] ?? {},
		bundledRanges(),
	);
	assert.equal(source.kind, 'aws-internal');
	assert.equal(source.ip, undefined);
	assert.equal(sourceLabel(source), 'AWS internal');
	assert.equal(sourceHint(source), 'int');
});

test('BR-12 a record without sourceIPAddress is missing and shows a dash', () => {
	const source = classifySource(
		caseRecords('BR-12.json')[0] ?? {},
		bundledRanges(),
	);
	assert.equal(source.kind, 'missing');
	assert.equal(source.raw, undefined);
	assert.equal(sourceLabel(source), '—');
	assert.equal(sourceHint(source), '—');
	assert.equal(classify('').kind, 'missing');
	assert.equal(classify(null).kind, 'missing');
});

test('private, loopback, link-local, CGNAT and ULA addresses are private', () => {
	for (const ip of [
		'10.0.0.5',
		'172.16.3.4',
		'192.168.10.20',
		'100.64.1.1',
		'127.0.0.1',
		'169.254.169.254',
		'::1',
		'fe80::1',
		'fd00::1234',
		'0.0.0.0',
	]) {
		assert.equal(classify(ip).kind, 'private', ip);
	}
});

test('a private address through a VPC endpoint names the endpoint', () => {
	const source = classify('10.0.0.5', {vpcEndpointId: 'vpce-0abc1234'});
	assert.equal(source.vpcEndpointId, 'vpce-0abc1234');
	assert.equal(sourceLabel(source), '10.0.0.5 (private, vpce-0abc1234)');
	assert.equal(sourceHint(source), 'priv');
});

test('documentation addresses stand in for public ones', () => {
	for (const ip of [
		'203.0.113.10',
		'198.51.100.7',
		'192.0.2.1',
		'2001:db8::5',
	]) {
		assert.equal(classify(ip).kind, 'public', ip);
	}
});

test('public IPv6 addresses are classified and shown in canonical form', () => {
	const inside = classify('2600:F0F0:0002:0000::1');
	assert.equal(inside.kind, 'public');
	assert.equal(inside.ipVersion, 6);
	assert.equal(inside.ip, '2600:f0f0:2::1');
	assert.equal(inside.aws?.region, 'us-east-1');
	const outside = classify('2a00:1450:4001::1');
	assert.equal(outside.aws, undefined);
	assert.equal(sourceLabel(outside), '2a00:1450:4001::1 (outside AWS)');
});

test('IPv4-mapped IPv6 addresses are treated as the IPv4 address', () => {
	const source = classify('::ffff:34.234.236.212');
	assert.equal(source.ipVersion, 4);
	assert.equal(source.ip, '34.234.236.212');
	assert.equal(source.aws?.service, 'EC2');
});

test('anything else is other, with its text escaped in the label', () => {
	const host = classify('evil.example.com');
	assert.equal(host.kind, 'other');
	assert.equal(sourceHint(host), '?');
	assert.equal(sourceLabel(host), 'evil.example.com (not an address)');
	const hostile = classify('1.2.3.4\u001b[2J\n');
	assert.equal(hostile.kind, 'other');
	assert.equal(sourceLabel(hostile), '1.2.3.4\\x1b[2J\\n (not an address)');
	assert.equal(classify(12345).kind, 'other');
	assert.equal(classify({ip: '1.2.3.4'}).kind, 'other');
	assert.equal(classify('<Attacker source IP>').kind, 'other');
	assert.equal(classify('amazonaws.com.evil.net').kind, 'other');
});

test('the same text is classified again when the ranges change', () => {
	assert.equal(
		classifySource({sourceIPAddress: '34.234.236.212'}, noRanges).aws,
		undefined,
	);
	assert.equal(classify('34.234.236.212').aws?.service, 'EC2');
});
