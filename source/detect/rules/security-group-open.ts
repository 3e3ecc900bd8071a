import type {TrailEvent} from '../../core/types.js';
import {regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange, listText} from './change-common.js';
import {
	field,
	items,
	requestOf,
	responseOf,
	textField,
} from './request-fields.js';

/**
A security group opened to the whole internet (0.0.0.0/0 or ::/0) on a port
that administers a machine or holds data: SSH, RDP, databases, caches,
search engines, Docker's API, or every port at once. Scanners find such a
port within minutes; an intruder opens one to come back in. Web ports (80,
443) open to the world are what web servers need, and are not flagged;
neither are rules for private ranges or other security groups.
*/

const adminPorts = new Map<number, string>([
	[22, 'SSH'],
	[23, 'Telnet'],
	[445, 'SMB'],
	[1433, 'SQL Server'],
	[1521, 'Oracle'],
	[2375, 'Docker API'],
	[2376, 'Docker API'],
	[3306, 'MySQL'],
	[3389, 'RDP'],
	[5432, 'PostgreSQL'],
	[5900, 'VNC'],
	[5985, 'WinRM'],
	[5986, 'WinRM'],
	[6379, 'Redis'],
	[9200, 'Elasticsearch'],
	[11211, 'Memcached'],
	[27017, 'MongoDB'],
]);

const why =
	'A security group, the firewall around instances and databases, now lets the whole internet (0.0.0.0/0 or ::/0) reach an admin or data port. Scanners find such a port within minutes: on SSH, RDP (remote desktop) or a database that means password guessing and exploits around the clock. Intruders also open one to come back in. Common false alarms: a quick test someone forgot to close; administrators normally come in through a VPN, a bastion host or Session Manager.';

interface OpenRule {
	cidr: string;
	protocol: string;
	from: number;
	to: number;
}

const world = new Set(['0.0.0.0/0', '::/0']);

function port(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) ? n : fallback;
}

/**
The objects of a request that describe one rule (they carry a protocol),
found at any depth: AuthorizeSecurityGroupIngress logs them flat or under
`ipPermissions.items`, ModifySecurityGroupRules under a request wrapper.
*/
function ruleObjects(
	value: unknown,
	depth = 0,
	out: unknown[] = [],
): unknown[] {
	if (depth > 6 || typeof value !== 'object' || value === null) {
		return out;
	}

	if (field(value, 'ipProtocol') !== undefined) {
		out.push(value);
	}

	for (const inner of Object.values(value)) {
		ruleObjects(inner, depth + 1, out);
	}

	return out;
}

/** Every world-open rule in the request, whatever shape it was logged in. */
function openRules(event: TrailEvent): OpenRule[] {
	const found: OpenRule[] = [];
	for (const rule of ruleObjects(requestOf(event))) {
		const protocol = String(field(rule, 'ipProtocol'));
		const cidrs = [
			textField(rule, 'cidrIp'),
			textField(rule, 'cidrIpv4'),
			textField(rule, 'cidrIpv6'),
			...items(field(rule, 'ipRanges')).map((r) => textField(r, 'cidrIp')),
			...items(field(rule, 'ipv6Ranges')).map((r) => textField(r, 'cidrIpv6')),
		];
		for (const cidr of cidrs) {
			if (cidr && world.has(cidr)) {
				found.push({
					cidr,
					protocol,
					from: port(field(rule, 'fromPort'), -1),
					to: port(field(rule, 'toPort'), -1),
				});
			}
		}
	}

	return found;
}

/** The admin ports a rule opens, named; `every port` for all of them. */
function exposedPorts(rule: OpenRule): string[] {
	const all =
		rule.protocol === '-1' ||
		rule.protocol === 'all' ||
		(rule.from <= 0 && rule.to >= 65_535) ||
		(rule.from === -1 &&
			rule.to === -1 &&
			/^(?:tcp|udp|6|17)$/.test(rule.protocol));
	if (all) {
		return ['every port'];
	}

	if (!/^(?:tcp|udp|6|17)$/i.test(rule.protocol)) {
		return [];
	}

	return [...adminPorts.entries()]
		.filter(([p]) => rule.from <= p && p <= rule.to)
		.map(([p, name]) => `${p} (${name})`);
}

function databaseGroup(event: TrailEvent): string | undefined {
	if (event.eventName !== 'AuthorizeDBSecurityGroupIngress') {
		return undefined;
	}

	const request = requestOf(event);
	const cidr = textField(request, 'cIDRIP');
	return cidr && world.has(cidr) ? cidr : undefined;
}

export const securityGroupOpenToWorld: FlagRule = {
	id: 'security-group-open-to-world',
	title: 'Security group opened to the internet on an admin port',
	severity: 'high',
	attack: ['T1562.007', 'T1133'],
	check(event, context) {
		const ec2 =
			event.eventSource === 'ec2.amazonaws.com' &&
			/^(?:AuthorizeSecurityGroupIngress|ModifySecurityGroupRules)$/.test(
				event.eventName,
			);
		const rds =
			event.eventSource === 'rds.amazonaws.com'
				? databaseGroup(event)
				: undefined;
		if (!ec2 && !rds) {
			return undefined;
		}

		const opened = ec2
			? openRules(event).flatMap((rule) =>
					exposedPorts(rule).map((p) => `${p} to ${rule.cidr}`),
				)
			: [`the database port to ${rds}`];
		if (opened.length === 0) {
			return undefined;
		}

		const judgement = judgeChange(event, context, this.severity);
		if (!judgement) {
			return undefined;
		}

		const request = requestOf(event);
		const group =
			textField(request, 'groupId') ??
			textField(field(request, 'ModifySecurityGroupRulesRequest'), 'GroupId') ??
			textField(request, 'groupName') ??
			textField(request, 'dBSecurityGroupName') ??
			'(unnamed group)';
		const ruleIds = items(field(responseOf(event), 'securityGroupRuleSet'))
			.map((r) => textField(r, 'securityGroupRuleId'))
			.filter((id): id is string => id !== undefined);
		const region = regionOption(event);
		const next = ec2
			? [
					`See the group's rules now: aws ec2 describe-security-group-rules --filters ${shellWord(`Name=group-id,Values=${group}`)}${region}`,
					ruleIds.length > 0
						? `If nobody meant this, remove the rule: aws ec2 revoke-security-group-ingress --group-id ${shellWord(group)} --security-group-rule-ids ${ruleIds.map(shellWord).join(' ')}${region}`
						: `If nobody meant this, remove the rule, adding the same port and range: aws ec2 revoke-security-group-ingress --group-id ${shellWord(group)}${region}`,
					`See which instances use the group: aws ec2 describe-instances --filters ${shellWord(`Name=instance.group-id,Values=${group}`)}${region}`,
				]
			: [
					`See the group now: aws rds describe-db-security-groups --db-security-group-name ${shellWord(group)}${region}`,
				];
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why,
			evidence: [
				`${callLine(event)}, on the security group ${group}.`,
				`It opens ${listText(opened, 5)}: the whole internet.`,
				...judgement.notes,
			],
			normal: [
				'Normal is admin ports open only to a VPN, a bastion host (one guarded entry machine) or other security groups; only web ports face the internet.',
				...normalLines(event, context),
			],
			next: [...next, ...callerNext(event)],
		};
	},
};
