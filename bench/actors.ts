import {api, broadApis, type Api} from './api-catalog.js';
import {
	agents,
	awsAddress,
	officeAddresses,
	privateAddress,
	regionWeights,
} from './network.js';
import {Weighted, type Random} from './random.js';

/**
The identities of the synthetic account: what each is, how often it calls,
which APIs, from where and with which tool. Workloads (EC2 instances, Lambda
functions, ECS tasks, service-linked roles) call few APIs from inside AWS;
people call anything from office addresses, by console or CLI. Temporary
keys are re-issued on a schedule, and each new key is announced by the event
that issued it (AssumeRole by ec2.amazonaws.com, ConsoleLogin…), as in a
real trail, so that trailtui can tell whose credentials a key is.
*/

export const account = '111122223333';
/** The organisation's management account, which assumes roles here. */
export const managementAccount = '444455556666';

/** How a session's temporary key comes to be. */
export type Issuer =
	| 'none'
	| 'service'
	| 'saml'
	| 'web-identity'
	| 'console'
	| 'federation'
	| 'cross-account';

export type IdentityType =
	| 'IAMUser'
	| 'AssumedRole'
	| 'AWSService'
	| 'Root'
	| 'FederatedUser'
	| 'AWSAccount';

export interface Session {
	/** Session name, user name, or service host. */
	name: string;
	/** Workloads live in one region; undefined: drawn per call. */
	region: string | undefined;
	/** A fixed public and private address, for EC2 instances. */
	publicIp?: string;
	privateIp?: string;
	agent: string;
	/** Addresses a person or service uses. */
	addresses: string[];
	/**
	The address of the current temporary key: a person keeps one address
	while a key lives; long-term keys draw from `addresses` per call.
	*/
	address: string;
	console: boolean;
	/** Start of the key schedule, so sessions do not all rotate at once. */
	offset: number;
	period: number;
	key: string;
	created: number;
	identity: Record<string, unknown>;
	/** Calls of this session; overrides the actor's when set. */
	diet?: Weighted<Api>;
	/** For AWSService callers: the service host that calls. */
	host?: string;
}

export interface Actor {
	label: string;
	type: IdentityType;
	weight: number;
	issuer: Issuer;
	/** The service that assumes the role, for `issuer: 'service'`. */
	issuingService?: string;
	/** Set on service-linked roles: `userIdentity.invokedBy`. */
	invokedBy?: string;
	roleName?: string;
	rolePath?: string;
	roleId?: string;
	userName?: string;
	userId?: string;
	/** A long-term key (IAM users that call with AKIA… keys). */
	longTermKey?: string;
	ec2Instance?: boolean;
	webIdentity?: boolean;
	rotationMs: number;
	diet: Weighted<Api>;
	regions: Weighted<string>;
	sessions: Session[];
	errorRate: number;
	/** How the address of a call is chosen. */
	from: 'instance' | 'nat' | 'pool' | 'service' | 'anyone';
	/** The session that called last, for the planted theft. */
	last?: Session;
}

const hour = 3_600_000;

function diet(entries: Array<[string, number]>): Weighted<Api> {
	return new Weighted(entries.map(([key, weight]) => [api(key), weight]));
}

const broad = new Weighted(broadApis);
const broadReads = new Weighted(broadApis.filter(([a]) => a.readOnly));
const allRegions = new Weighted(regionWeights);

function only(region: string): Weighted<string> {
	return new Weighted([[region, 1]]);
}

const ec2WebDiet = diet([
	['s3:GetObject', 20],
	['s3:PutObject', 8],
	['s3:HeadObject', 5],
	['s3:ListObjects', 3],
	['kms:Decrypt', 10],
	['kms:GenerateDataKey', 4],
	['ssm:UpdateInstanceInformation', 6],
	['ssm:GetParameter', 3],
	['ssm:GetParameters', 2],
	['ec2:DescribeTags', 3],
	['ec2:DescribeInstances', 2],
	['logs:CreateLogStream', 2],
	['logs:DescribeLogStreams', 1],
	['secretsmanager:GetSecretValue', 2],
	['sts:GetCallerIdentity', 1],
	['ecr:GetAuthorizationToken', 1],
]);

const batchDiet = diet([
	['s3:GetObject', 14],
	['s3:PutObject', 10],
	['s3:ListObjects', 4],
	['s3:HeadObject', 3],
	['kms:Decrypt', 8],
	['kms:GenerateDataKey', 8],
	['dynamodb:DescribeTable', 2],
	['sqs:GetQueueUrl', 2],
	['sqs:GetQueueAttributes', 2],
	['ssm:UpdateInstanceInformation', 3],
	['glue:GetTable', 2],
	['glue:GetPartitions', 2],
	['athena:GetQueryExecution', 1],
]);

const lambdaDiet = diet([
	['logs:CreateLogStream', 4],
	['s3:GetObject', 10],
	['s3:PutObject', 6],
	['kms:Decrypt', 6],
	['dynamodb:DescribeTable', 1],
	['secretsmanager:GetSecretValue', 3],
	['ssm:GetParameter', 3],
	['sqs:GetQueueUrl', 1],
	['sts:GetCallerIdentity', 0.3],
]);

/** level3's normal work: its own bucket, its key, its queue. */
export const level3Diet = diet([
	['s3:GetObject', 10],
	['s3:PutObject', 3],
	['s3:HeadObject', 1],
	['kms:Decrypt', 4],
	['ssm:GetParameters', 1],
	['sqs:GetQueueAttributes', 1],
]);

const apiTaskDiet = diet([
	['dynamodb:DescribeTable', 2],
	['s3:GetObject', 8],
	['kms:Decrypt', 5],
	['secretsmanager:GetSecretValue', 3],
	['sqs:GetQueueUrl', 2],
	['ssm:GetParameter', 2],
	['sts:GetCallerIdentity', 1],
]);

const executionDiet = diet([
	['ecr:GetAuthorizationToken', 3],
	['ecr:BatchGetImage', 3],
	['ecr:GetDownloadUrlForLayer', 5],
	['logs:CreateLogStream', 3],
	['secretsmanager:GetSecretValue', 1],
]);

const monitoringDiet = diet([
	['monitoring:GetMetricData', 10],
	['monitoring:ListMetrics', 3],
	['monitoring:DescribeAlarms', 2],
	['ec2:DescribeInstances', 3],
	['rds:DescribeDBInstances', 2],
	['elasticloadbalancing:DescribeLoadBalancers', 2],
	['autoscaling:DescribeAutoScalingGroups', 2],
	['sqs:ListQueues', 1],
	['dynamodb:ListTables', 1],
	['dynamodb:DescribeTable', 1],
	['lambda:ListFunctions20150331', 1],
	['cloudfront:ListDistributions', 0.5],
]);

const backupDiet = diet([
	['s3:PutObject', 10],
	['s3:ListObjects', 2],
	['s3:HeadObject', 2],
	['kms:GenerateDataKey', 3],
]);

const autoscalingDiet = diet([
	['ec2:RunInstances', 1],
	['ec2:TerminateInstances', 1],
	['ec2:DescribeInstances', 3],
	['ec2:DescribeInstanceStatus', 2],
	['ec2:CreateTags', 1],
	['ec2:DescribeLaunchTemplateVersions', 1],
	['elasticloadbalancing:RegisterTargets', 1],
	['elasticloadbalancing:DeregisterTargets', 1],
]);

const ecsLinkedDiet = diet([
	['ec2:CreateNetworkInterface', 2],
	['ec2:DeleteNetworkInterface', 2],
	['ec2:DescribeNetworkInterfaces', 3],
	['elasticloadbalancing:RegisterTargets', 1],
	['elasticloadbalancing:DeregisterTargets', 1],
	['elasticloadbalancing:DescribeTargetHealth', 2],
]);

const rootDiet = diet([
	['iam:GetAccountSummary', 2],
	['iam:ListUsers', 1],
	['iam:ListAccessKeys', 1],
	['iam:ListMFADevices', 1],
	['organizations:DescribeOrganization', 1],
]);

const partnerDiet = diet([
	['s3:GetObject', 6],
	['s3:ListObjects', 2],
]);

const publicSiteDiet = diet([['s3:GetObject', 1]]);

/** What AWS services call on their own, keyed by the calling host. */
const serviceDiets: Array<[string, Weighted<Api>]> = [
	[
		'cloudtrail.amazonaws.com',
		diet([
			['s3:GetBucketAcl', 3],
			['kms:GenerateDataKey', 2],
		]),
	],
	[
		'logs.amazonaws.com',
		diet([
			['kms:Decrypt', 2],
			['kms:GenerateDataKey', 1],
		]),
	],
	['config.amazonaws.com', diet([['s3:GetBucketAcl', 1]])],
	[
		'ec2.amazonaws.com',
		diet([
			['kms:CreateGrant', 1],
			['kms:Decrypt', 2],
		]),
	],
	['access-analyzer.amazonaws.com', diet([['s3:GetBucketPolicy', 1]])],
];

function taskId(random: Random): string {
	return random.hex(32);
}

function keyOf(random: Random, prefix: 'AKIA' | 'ASIA'): string {
	return prefix + random.keyChars(16);
}

function session(
	random: Random,
	name: string,
	rest: Partial<Session> & {agent: string},
	rotationMs: number,
): Session {
	return {
		name,
		region: undefined,
		addresses: [],
		address: '',
		console: false,
		offset: random.int(rotationMs),
		period: -1,
		key: '',
		created: 0,
		identity: {},
		...rest,
	};
}

function roleId(random: Random): string {
	return `AROA${random.keyChars(17)}`;
}

function userId(random: Random): string {
	return `AIDA${random.keyChars(17)}`;
}

interface RoleSpec {
	label: string;
	weight: number;
	roleName: string;
	rolePath?: string;
	issuer: Issuer;
	issuingService?: string;
	invokedBy?: string;
	rotationMs: number;
	diet: Weighted<Api>;
	regions?: Weighted<string>;
	sessions: Session[];
	errorRate: number;
	from: Actor['from'];
	ec2Instance?: boolean;
	webIdentity?: boolean;
}

function role(random: Random, spec: RoleSpec): Actor {
	return {
		type: 'AssumedRole',
		roleId: roleId(random),
		regions: allRegions,
		...spec,
	};
}

/** Every identity of the account, each with its own sessions and habits. */
export function createActors(random: Random): Actor[] {
	const actors: Actor[] = [];
	const people = officeAddresses(random, 24);
	const runners = officeAddresses(random, 40).map((a) =>
		a.replace(/^\d+\.\d+\.\d+/, '192.0.2'),
	);
	const partnerAddresses = people.slice(20, 24);
	const natFor = (region: string) => [
		awsAddress(random, region),
		awsAddress(random, region),
	];

	const instances = (count: number, region: string, agent: string) =>
		Array.from({length: count}, () =>
			session(
				random,
				`i-${random.hex(17)}`,
				{
					region,
					agent: random.chance(0.3) ? agents.javaV1 : agent,
					publicIp: awsAddress(random, region),
					privateIp: privateAddress(random),
				},
				hour,
			),
		);
	actors.push(
		role(random, {
			label: 'web app on EC2',
			weight: 17,
			roleName: 'web-app-ec2-role',
			issuer: 'service',
			issuingService: 'ec2.amazonaws.com',
			rotationMs: hour,
			diet: ec2WebDiet,
			sessions: [
				...instances(9, 'us-east-1', agents.boto3),
				...instances(3, 'eu-west-1', agents.boto3),
			],
			errorRate: 0.015,
			from: 'instance',
			ec2Instance: true,
		}),
		role(random, {
			label: 'batch workers on EC2',
			weight: 10,
			roleName: 'batch-worker-role',
			issuer: 'service',
			issuingService: 'ec2.amazonaws.com',
			rotationMs: hour,
			diet: batchDiet,
			sessions: instances(6, 'us-east-1', agents.javaV2),
			errorRate: 0.015,
			from: 'instance',
			ec2Instance: true,
		}),
	);

	const lambdas: Array<[string, string, string]> = [
		['order-processor', 'us-east-1', agents.nodeLambda],
		['thumbnailer', 'us-east-1', agents.jsV3Lambda],
		['log-shipper', 'eu-west-1', agents.boto3Lambda],
		['api-authorizer', 'us-west-2', agents.jsV3Lambda],
	];
	for (const [name, region, agent] of lambdas) {
		const pool = Array.from({length: 40}, () => awsAddress(random, region));
		actors.push(
			role(random, {
				label: `Lambda ${name}`,
				weight: 3,
				roleName: `${name}-role`,
				rolePath: 'service-role/',
				issuer: 'service',
				issuingService: 'lambda.amazonaws.com',
				rotationMs: 2 * hour,
				diet: lambdaDiet,
				sessions: [
					session(random, name, {region, agent, addresses: pool}, 2 * hour),
				],
				errorRate: 0.01,
				from: 'pool',
			}),
		);
	}

	const tasks = (
		count: number,
		region: string,
		agentsOfTasks: string[],
		nat: string[],
	) =>
		Array.from({length: count}, () =>
			session(
				random,
				taskId(random),
				{region, agent: random.pick(agentsOfTasks), addresses: nat},
				6 * hour,
			),
		);
	const eastNat = natFor('us-east-1');
	actors.push(
		role(random, {
			label: 'ECS task role level3',
			weight: 2,
			roleName: 'level3',
			issuer: 'service',
			issuingService: 'ecs-tasks.amazonaws.com',
			rotationMs: 6 * hour,
			diet: level3Diet,
			sessions: tasks(4, 'us-east-1', [agents.go, agents.boto3], eastNat),
			errorRate: 0.005,
			from: 'nat',
		}),
		role(random, {
			label: 'ECS task role api',
			weight: 6,
			roleName: 'api-task-role',
			issuer: 'service',
			issuingService: 'ecs-tasks.amazonaws.com',
			rotationMs: 6 * hour,
			diet: apiTaskDiet,
			sessions: [
				...tasks(5, 'us-east-1', [agents.javaV2], eastNat),
				...tasks(3, 'eu-west-1', [agents.javaV2], natFor('eu-west-1')),
			],
			errorRate: 0.01,
			from: 'nat',
		}),
		role(random, {
			label: 'ECS task execution role',
			weight: 2,
			roleName: 'ecsTaskExecutionRole',
			issuer: 'service',
			issuingService: 'ecs-tasks.amazonaws.com',
			rotationMs: 6 * hour,
			diet: executionDiet,
			sessions: tasks(6, 'us-east-1', [agents.go], eastNat),
			errorRate: 0.01,
			from: 'nat',
		}),
	);

	const sso = (
		label: string,
		roleName: string,
		weight: number,
		names: string[],
		dietOf: Weighted<Api>,
	) =>
		role(random, {
			label,
			weight,
			roleName,
			rolePath: 'aws-reserved/sso.amazonaws.com/',
			issuer: 'saml',
			rotationMs: 8 * hour,
			diet: dietOf,
			sessions: names.map((name) => {
				const console = random.chance(0.5);
				return session(
					random,
					`${name}@example.com`,
					{
						console,
						agent: console
							? random.pick([agents.console, agents.browser])
							: random.pick([
									agents.cliMac,
									agents.cliLinux,
									agents.cliWindows,
								]),
						addresses: [random.pick(people), random.pick(people)],
					},
					8 * hour,
				);
			}),
			errorRate: 0.06,
			from: 'pool',
		});
	actors.push(
		sso(
			'SSO administrators',
			`AWSReservedSSO_AdministratorAccess_${random.hex(16)}`,
			4,
			['alice', 'bob', 'erin'],
			broad,
		),
		sso(
			'SSO read-only',
			`AWSReservedSSO_ReadOnlyAccess_${random.hex(16)}`,
			4,
			['carol', 'dave', 'frank'],
			broadReads,
		),
		sso(
			'SSO data engineers',
			`AWSReservedSSO_DataEngineer_${random.hex(16)}`,
			2,
			['grace', 'heidi'],
			broad,
		),
	);

	const user = (
		label: string,
		weight: number,
		userName: string,
		dietOf: Weighted<Api>,
		agent: string,
		addresses: string[],
		extra: Partial<Actor> = {},
	): Actor => ({
		label,
		type: 'IAMUser',
		weight,
		issuer: 'none',
		userName,
		userId: userId(random),
		longTermKey: keyOf(random, 'AKIA'),
		rotationMs: 24 * hour,
		diet: dietOf,
		regions: allRegions,
		sessions: [session(random, userName, {agent, addresses}, 24 * hour)],
		errorRate: 0.03,
		from: 'pool',
		...extra,
	});
	actors.push(
		user('CI deploy user', 3, 'ci-deploy', broad, agents.terraform, [
			awsAddress(random, 'us-east-1'),
			awsAddress(random, 'us-east-1'),
		]),
		user('on-premises backup', 2, 'legacy-backup', backupDiet, agents.boto3, [
			people[0]!,
		]),
		user(
			'monitoring integration',
			5,
			'monitoring-integration',
			monitoringDiet,
			agents.javaV1,
			runners.slice(0, 6),
			{errorRate: 0.02},
		),
		{
			...user('console admin', 1, 'alice.admin', broad, agents.console, [
				people[1]!,
				people[2]!,
			]),
			issuer: 'console',
			longTermKey: undefined,
			rotationMs: 8 * hour,
		},
	);
	const adminSession = actors.at(-1)!.sessions[0]!;
	adminSession.console = true;
	adminSession.offset = random.int(8 * hour);

	const linked = (
		label: string,
		weight: number,
		name: string,
		sessionName: string,
		host: string,
		dietOf: Weighted<Api>,
	) =>
		role(random, {
			label,
			weight,
			roleName: name,
			rolePath: `aws-service-role/${host}/`,
			issuer: 'service',
			issuingService: host,
			invokedBy: host,
			rotationMs: hour,
			diet: dietOf,
			sessions: [session(random, sessionName, {agent: host}, hour)],
			errorRate: 0.02,
			from: 'service',
		});
	actors.push(
		linked(
			'AWS Config',
			10,
			'AWSServiceRoleForConfig',
			'AWSConfig-Describe',
			'config.amazonaws.com',
			broadReads,
		),
		linked(
			'EC2 Auto Scaling',
			1.5,
			'AWSServiceRoleForAutoScaling',
			'AutoScaling',
			'autoscaling.amazonaws.com',
			autoscalingDiet,
		),
		linked(
			'ECS service-linked role',
			1,
			'AWSServiceRoleForECS',
			'ECS',
			'ecs.amazonaws.com',
			ecsLinkedDiet,
		),
	);

	actors.push({
		label: 'AWS services',
		type: 'AWSService',
		weight: 4,
		issuer: 'none',
		rotationMs: 24 * hour,
		diet: serviceDiets[0]![1],
		regions: allRegions,
		sessions: serviceDiets.map(([host, own]) =>
			session(random, host, {agent: host, host, diet: own}, 24 * hour),
		),
		errorRate: 0.002,
		from: 'service',
	});

	actors.push(
		role(random, {
			label: 'GitHub Actions deploy',
			weight: 3,
			roleName: 'github-actions-deploy',
			issuer: 'web-identity',
			rotationMs: hour,
			diet: broad,
			sessions: [
				session(
					random,
					'GitHubActions',
					{agent: agents.terraform, addresses: runners},
					hour,
				),
			],
			errorRate: 0.03,
			from: 'pool',
			webIdentity: true,
		}),
		role(random, {
			label: 'organisation access',
			weight: 0.8,
			roleName: 'OrganizationAccountAccessRole',
			issuer: 'cross-account',
			rotationMs: hour,
			diet: broad,
			sessions: [
				session(
					random,
					'ops-alice',
					{agent: agents.console, console: true, addresses: [people[3]!]},
					hour,
				),
			],
			errorRate: 0.04,
			from: 'pool',
		}),
	);

	actors.push(
		{
			label: 'partner portal',
			type: 'FederatedUser',
			weight: 0.4,
			issuer: 'federation',
			userName: 'partner-broker',
			userId: userId(random),
			rotationMs: 12 * hour,
			diet: partnerDiet,
			regions: only('us-east-1'),
			sessions: [
				session(
					random,
					'partner-portal',
					{agent: agents.boto3, addresses: partnerAddresses},
					12 * hour,
				),
			],
			errorRate: 0.03,
			from: 'pool',
		},
		{
			label: 'public web site visitors',
			type: 'AWSAccount',
			weight: 0.5,
			issuer: 'none',
			rotationMs: 24 * hour,
			diet: publicSiteDiet,
			regions: only('us-east-1'),
			sessions: [session(random, 'anonymous', {agent: agents.browser}, hour)],
			errorRate: 0.02,
			from: 'anyone',
		},
		{
			label: 'root',
			type: 'Root',
			weight: 0.01,
			issuer: 'console',
			rotationMs: 24 * hour,
			diet: rootDiet,
			regions: only('us-east-1'),
			sessions: [
				session(
					random,
					'root',
					{agent: agents.console, console: true, addresses: [people[4]!]},
					24 * hour,
				),
			],
			errorRate: 0.01,
			from: 'pool',
		},
	);
	return actors;
}

/** The actor by role name; throws when the account lacks it. */
export function roleActor(actors: readonly Actor[], roleName: string): Actor {
	const found = actors.find((a) => a.roleName === roleName);
	if (!found) {
		throw new Error(`no role ${roleName}`);
	}

	return found;
}

/** A new temporary key for a session. */
export function temporaryKey(random: Random): string {
	return keyOf(random, 'ASIA');
}
