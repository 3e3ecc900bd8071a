import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, person, textOf, variants} from './change-events.js';

const id = 'security-group-open-to-world';

function ingress(
	protocol: string,
	from: number | string,
	to: number | string,
	cidr = '0.0.0.0/0',
): EventSpec {
	const v6 = cidr.includes(':');
	return {
		...person,
		eventName: 'AuthorizeSecurityGroupIngress',
		eventSource: 'ec2.amazonaws.com',
		requestParameters: {
			groupId: 'sg-04cfb7a4712d75b00',
			ipPermissions: {
				items: [
					{
						ipProtocol: protocol,
						fromPort: from,
						toPort: to,
						groups: {},
						ipRanges: v6 ? {} : {items: [{cidrIp: cidr}]},
						ipv6Ranges: v6 ? {items: [{cidrIpv6: cidr}]} : {},
						prefixListIds: {},
					},
				],
			},
		},
		responseElements: {
			_return: true,
			securityGroupRuleSet: {
				items: [{securityGroupRuleId: 'sgr-0a11552a7d225f5c7'}],
			},
		},
	};
}

const ssh = ingress('tcp', 22, 22);

test('SSH open to 0.0.0.0/0 is high, with the exact command that removes the rule', () => {
	const flag = flagFor(ssh, id);
	assert.equal(flag?.severity, 'high');
	assert.match(
		textOf(flag),
		/It opens 22 \(SSH\) to 0\.0\.0\.0\/0: the whole internet\./,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, remove the rule: aws ec2 revoke-security-group-ingress --group-id sg-04cfb7a4712d75b00 --security-group-rule-ids sgr-0a11552a7d225f5c7 --region us-east-1',
		),
	);
});

test('the flat request shape, IPv6, databases, port ranges and every port are all read', () => {
	const flat: EventSpec = {
		...person,
		eventName: 'AuthorizeSecurityGroupIngress',
		eventSource: 'ec2.amazonaws.com',
		requestParameters: {
			groupId: 'sg-1',
			ipProtocol: 'tcp',
			fromPort: 3389,
			toPort: 3389,
			cidrIp: '0.0.0.0/0',
		},
	};
	assert.match(textOf(flagFor(flat, id)), /3389 \(RDP\)/);
	assert.match(
		textOf(flagFor(ingress('tcp', 5432, 5432, '::/0'), id)),
		/5432 \(PostgreSQL\) to ::\/0/,
	);
	assert.match(
		textOf(flagFor(ingress('tcp', '3000', '4000'), id)),
		/3306 \(MySQL\) to 0\.0\.0\.0\/0/,
	);
	assert.match(
		textOf(flagFor(ingress('-1', -1, -1), id)),
		/every port to 0\.0\.0\.0\/0/,
	);
	assert.match(textOf(flagFor(ingress('tcp', 0, 65535), id)), /every port/);
});

test('a rule modified to the world through ModifySecurityGroupRules is read too', () => {
	const flag = flagFor(
		{
			...person,
			eventName: 'ModifySecurityGroupRules',
			eventSource: 'ec2.amazonaws.com',
			requestParameters: {
				ModifySecurityGroupRulesRequest: {
					GroupId: 'sg-1',
					SecurityGroupRule: {
						SecurityGroupRuleId: 'sgr-1',
						SecurityGroupRule: {IpProtocol: '-1', CidrIpv4: '0.0.0.0/0'},
					},
				},
			},
		},
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.match(textOf(flag), /every port to 0\.0\.0\.0\/0/);
	assert.match(flag?.evidence[0] ?? '', /on the security group sg-1\.$/);
});

test('an RDS security group opened to the world is high', () => {
	const flag = flagFor(
		{
			...person,
			eventName: 'AuthorizeDBSecurityGroupIngress',
			eventSource: 'rds.amazonaws.com',
			requestParameters: {
				dBSecurityGroupName: 'database-sg',
				cIDRIP: '0.0.0.0/0',
			},
		},
		id,
	);
	assert.equal(flag?.severity, 'high');
});

test('near misses: web ports, private or narrow ranges, ICMP, other groups', () => {
	assert.equal(flagFor(ingress('tcp', 443, 443), id), undefined);
	assert.equal(flagFor(ingress('tcp', 22, 22, '10.0.0.0/8'), id), undefined);
	assert.equal(
		flagFor(ingress('tcp', 22, 22, '203.0.113.7/32'), id),
		undefined,
	);
	assert.equal(flagFor(ingress('tcp', 22, 22, '0.0.0.0/16'), id), undefined);
	assert.equal(flagFor(ingress('icmp', -1, -1), id), undefined);
	assert.equal(
		flagFor(
			{
				...person,
				eventName: 'AuthorizeSecurityGroupIngress',
				eventSource: 'ec2.amazonaws.com',
				requestParameters: {
					groupId: 'sg-1',
					ipPermissions: {
						items: [
							{
								ipProtocol: 'tcp',
								fromPort: 22,
								toPort: 22,
								groups: {items: [{groupId: 'sg-2'}]},
							},
						],
					},
				},
			},
			id,
		),
		undefined,
	);
});

test('near miss: egress to the world is not ingress', () => {
	assert.equal(
		flagFor({...ssh, eventName: 'AuthorizeSecurityGroupEgress'}, id),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(ssh);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
	assert.equal(flagFor(v.vpcEndpoint!, id)?.severity, 'high');
});
