import {account} from './actors.js';
import type {Api} from './api-catalog.js';
import type {Random} from './random.js';

/**
The request and response of a call. Reads mostly log no response and a
small or null request, as CloudTrail does; writes echo what they made; a few
calls carry kilobytes (policy documents, RunInstances, task definitions),
which is what makes real records vary from 800 bytes to tens of KB.
*/

export interface Payload {
	requestParameters: unknown;
	responseElements: unknown;
	additionalEventData?: Record<string, unknown>;
	resources?: Array<Record<string, unknown>>;
	/** S3 uses 16 upper-case hex digits; the others UUIDs. */
	requestID?: string;
}

export interface CallContext {
	random: Random;
	region: string;
	/** Buckets the caller works in. */
	buckets: readonly string[];
	/** Epoch milliseconds of the call. */
	time: number;
	/** The caller's ARN, for messages and echoes. */
	arn: string;
}

const objectNames = [
	'image.jpg',
	'thumbnail.webp',
	'report.pdf',
	'data.json',
	'part-00000.snappy.parquet',
	'export.csv.gz',
	'index.html',
	'invoice.pdf',
];

const kmsKeys = new Map<string, string>();

/** One customer key per region, named the same for every seed. */
export function kmsKeyArn(region: string): string {
	let id = kmsKeys.get(region);
	if (!id) {
		const digits = [...region].reduce((sum, c) => sum + c.charCodeAt(0), 0);
		id = `${(digits * 2_654_435_761).toString(16).padStart(8, '0').slice(-8)}-1b2c-4d3e-8f4a-5b6c7d8e9f${(digits % 256).toString(16).padStart(2, '0')}`;
		kmsKeys.set(region, id);
	}

	return `arn:aws:kms:${region}:${account}:key/${id}`;
}

function objectKey(random: Random, time: number): string {
	const day = new Date(time).toISOString().slice(0, 10).replaceAll('-', '/');
	return `${random.pick(['uploads', 'incoming', 'reports', 'processed', 'assets'])}/${day}/${random.hex(8)}/${random.pick(objectNames)}`;
}

function xAmzId2(random: Random): string {
	return random.alnum(76);
}

function s3Data(api: Api, ctx: CallContext): Payload {
	const {random, region} = ctx;
	const bucket = random.pick(ctx.buckets);
	const host = `${bucket}.s3.${region}.amazonaws.com`;
	const list = api.name === 'ListObjects';
	const key = list ? '' : objectKey(random, ctx.time);
	const requestParameters: Record<string, unknown> = list
		? {
				bucketName: bucket,
				Host: host,
				'list-type': '2',
				prefix: `${random.pick(['uploads', 'reports', 'processed'])}/`,
				'encoding-type': 'url',
			}
		: {bucketName: bucket, Host: host, key};
	const size = random.chance(0.1)
		? random.between(1_000_000, 50_000_000)
		: random.between(200, 200_000);
	const writes = api.name === 'PutObject';
	const resources: Array<Record<string, unknown>> = list
		? []
		: [{type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}`}];
	resources.push({
		accountId: account,
		type: 'AWS::S3::Bucket',
		ARN: `arn:aws:s3:::${bucket}`,
	});
	return {
		requestParameters,
		responseElements: writes
			? {
					'x-amz-server-side-encryption': 'aws:kms',
					'x-amz-server-side-encryption-aws-kms-key-id': kmsKeyArn(region),
					'x-amz-server-side-encryption-bucket-key-enabled': 'true',
				}
			: null,
		additionalEventData: {
			SignatureVersion: 'SigV4',
			CipherSuite: 'TLS_AES_128_GCM_SHA256',
			bytesTransferredIn: writes ? size : 0,
			AuthenticationMethod: 'AuthHeader',
			'x-amz-id-2': xAmzId2(random),
			bytesTransferredOut: writes || list ? 0 : size,
		},
		resources,
		requestID: random.hex(16).toUpperCase(),
	};
}

function policyDocument(random: Random, statements: number): string {
	const actions = [
		's3:GetObject',
		's3:PutObject',
		'kms:Decrypt',
		'sqs:SendMessage',
		'dynamodb:Query',
		'logs:PutLogEvents',
		'ssm:GetParameter',
	];
	const list = Array.from({length: statements}, (_, i) => ({
		Sid: `Statement${i}`,
		Effect: 'Allow',
		Action: [random.pick(actions), random.pick(actions)],
		Resource: [
			`arn:aws:s3:::acme-${random.hex(6)}/*`,
			`arn:aws:kms:us-east-1:${account}:key/${random.uuid()}`,
		],
	}));
	return JSON.stringify({Version: '2012-10-17', Statement: list});
}

function instanceItem(random: Random, region: string, time: number) {
	const id = `i-${random.hex(17)}`;
	return {
		instanceId: id,
		currentInstanceBootMode: 'uefi',
		imageId: `ami-${random.hex(17)}`,
		instanceState: {code: 0, name: 'pending'},
		privateDnsName: `ip-10-0-${random.int(256)}-${random.int(256)}.ec2.internal`,
		amiLaunchIndex: 0,
		productCodes: {},
		instanceType: random.pick(['m6i.large', 'c6g.xlarge', 't3.medium']),
		launchTime: time,
		placement: {
			availabilityZone: `${region}${random.pick(['a', 'b', 'c'])}`,
			tenancy: 'default',
		},
		monitoring: {state: 'disabled'},
		subnetId: `subnet-${random.hex(17)}`,
		vpcId: `vpc-${random.hex(17)}`,
		privateIpAddress: `10.0.${random.int(256)}.${random.int(256)}`,
		stateReason: {code: 'pending', message: 'pending'},
		architecture: 'x86_64',
		rootDeviceType: 'ebs',
		rootDeviceName: '/dev/xvda',
		blockDeviceMapping: {},
		virtualizationType: 'hvm',
		hypervisor: 'xen',
		tagSet: {items: [{key: 'aws:autoscaling:groupName', value: 'web-asg'}]},
		groupSet: {items: [{groupId: `sg-${random.hex(17)}`, groupName: 'web'}]},
		sourceDestCheck: true,
		networkInterfaceSet: {
			items: [
				{
					networkInterfaceId: `eni-${random.hex(17)}`,
					subnetId: `subnet-${random.hex(17)}`,
					macAddress: `0e:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}`,
					privateIpAddress: `10.0.${random.int(256)}.${random.int(256)}`,
					status: 'in-use',
				},
			],
		},
		ebsOptimized: false,
		enaSupport: true,
		cpuOptions: {coreCount: 1, threadsPerCore: 2},
		capacityReservationSpecification: {capacityReservationPreference: 'open'},
		enclaveOptions: {enabled: false},
		metadataOptions: {
			state: 'pending',
			httpTokens: 'required',
			httpPutResponseHopLimit: 2,
			httpEndpoint: 'enabled',
		},
		privateDnsNameOptions: {hostnameType: 'ip-name'},
	};
}

function special(api: Api, ctx: CallContext): Payload | undefined {
	const {random, region, time} = ctx;
	switch (`${api.service}:${api.name}`) {
		case 'kms:Decrypt':
		case 'kms:GenerateDataKey': {
			const bucket = random.pick(ctx.buckets);
			return {
				requestParameters: {
					encryptionContext: {
						'aws:s3:arn': `arn:aws:s3:::${bucket}/${objectKey(random, time)}`,
					},
					encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
					...(api.name === 'GenerateDataKey' ? {keySpec: 'AES_256'} : {}),
				},
				responseElements: null,
				resources: [
					{accountId: account, type: 'AWS::KMS::Key', ARN: kmsKeyArn(region)},
				],
			};
		}

		case 'ssm:GetParameter':
		case 'ssm:GetParameters':
			return {
				requestParameters:
					api.name === 'GetParameter'
						? {
								name: `/app/prod/${random.pick(['db/host', 'db/password', 'api/key', 'feature/flags'])}`,
								withDecryption: true,
							}
						: {
								names: ['/app/prod/db/host', '/app/prod/db/port'],
								withDecryption: true,
							},
				responseElements: null,
			};
		case 'ssm:UpdateInstanceInformation':
			return {
				requestParameters: {
					instanceId: `i-${random.hex(17)}`,
					agentVersion: '3.3.131.0',
					agentStatus: 'Active',
					platformType: 'Linux',
					platformName: 'Amazon Linux',
					platformVersion: '2023',
					iPAddress: `10.0.${random.int(256)}.${random.int(256)}`,
					computerName: `ip-10-0-${random.int(256)}-${random.int(256)}.ec2.internal`,
					agentName: 'amazon-ssm-agent',
					availabilityZone: `${region}a`,
					availabilityZoneId: 'use1-az4',
				},
				responseElements: null,
			};
		case 'secretsmanager:GetSecretValue':
			return {
				requestParameters: {
					secretId: `prod/${random.pick(['db', 'stripe', 'sendgrid'])}/credentials`,
				},
				responseElements: null,
				resources: [],
			};
		case 'logs:CreateLogStream':
			return {
				requestParameters: {
					logGroupName: `/aws/${random.pick(['lambda/order-processor', 'ecs/api', 'ec2/web'])}`,
					logStreamName: `${new Date(time).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${random.hex(32)}`,
				},
				responseElements: null,
			};
		case 'ec2:RunInstances': {
			const count = random.between(1, 3);
			return {
				requestParameters: {
					instancesSet: {
						items: [
							{
								imageId: `ami-${random.hex(17)}`,
								minCount: count,
								maxCount: count,
							},
						],
					},
					instanceType: 'm6i.large',
					blockDeviceMapping: {},
					monitoring: {enabled: false},
					disableApiTermination: false,
					disableApiStop: false,
					clientToken: random.uuid(),
					launchTemplate: {
						launchTemplateId: `lt-${random.hex(17)}`,
						version: '7',
					},
				},
				responseElements: {
					requestId: random.uuid(),
					reservationId: `r-${random.hex(17)}`,
					ownerId: account,
					groupSet: {},
					instancesSet: {
						items: Array.from({length: count}, () =>
							instanceItem(random, region, time),
						),
					},
				},
			};
		}

		case 'iam:PutRolePolicy':
		case 'iam:CreatePolicyVersion':
		case 's3:PutBucketPolicy':
			return {
				requestParameters: {
					policyName: `inline-${random.hex(6)}`,
					roleName: random.pick([
						'web-app-ec2-role',
						'batch-worker-role',
						'api-task-role',
					]),
					policyDocument: policyDocument(random, random.between(3, 12)),
				},
				responseElements: null,
			};
		case 'ecs:RegisterTaskDefinition':
			return {
				requestParameters: {
					family: 'api',
					taskRoleArn: `arn:aws:iam::${account}:role/api-task-role`,
					executionRoleArn: `arn:aws:iam::${account}:role/ecsTaskExecutionRole`,
					networkMode: 'awsvpc',
					containerDefinitions: [
						{
							name: 'api',
							image: `${account}.dkr.ecr.${region}.amazonaws.com/api:${random.hex(7)}`,
							cpu: 512,
							memory: 1024,
							portMappings: [{containerPort: 8080, protocol: 'tcp'}],
							essential: true,
							environment: Array.from({length: 12}, (_, i) => ({
								name: `SETTING_${i}`,
								value: random.alnum(24),
							})),
							secrets: [
								{
									name: 'DB_PASSWORD',
									valueFrom: `arn:aws:secretsmanager:${region}:${account}:secret:prod/db/credentials-${random.alnum(6)}`,
								},
							],
							logConfiguration: {
								logDriver: 'awslogs',
								options: {
									'awslogs-group': '/ecs/api',
									'awslogs-region': region,
									'awslogs-stream-prefix': 'api',
								},
							},
						},
					],
					requiresCompatibilities: ['FARGATE'],
					cpu: '512',
					memory: '1024',
				},
				responseElements: {
					taskDefinition: {
						taskDefinitionArn: `arn:aws:ecs:${region}:${account}:task-definition/api:${random.between(100, 400)}`,
						revision: random.between(100, 400),
						status: 'ACTIVE',
					},
				},
			};
		case 'sts:AssumeRole':
			return {
				requestParameters: {
					roleArn: `arn:aws:iam::${account}:role/${random.pick(['deploy', 'readonly-audit', 'data-export'])}`,
					roleSessionName: `session-${random.hex(8)}`,
					durationSeconds: 3600,
				},
				responseElements: {
					credentials: {
						accessKeyId: `ASIA${random.keyChars(16)}`,
						sessionToken: sessionToken(random),
						expiration: expiration(time + 3_600_000),
					},
					assumedRoleUser: {
						assumedRoleId: `AROA${random.keyChars(17)}:session`,
						arn: `arn:aws:sts::${account}:assumed-role/deploy/session`,
					},
				},
			};
		case 'monitoring:GetMetricData':
			return {
				requestParameters: {
					metricDataQueries: Array.from(
						{length: random.between(1, 6)},
						(_, i) => ({
							id: `m${i}`,
							metricStat: {
								metric: {
									namespace: random.pick([
										'AWS/EC2',
										'AWS/RDS',
										'AWS/ApplicationELB',
										'AWS/Lambda',
									]),
									metricName: random.pick([
										'CPUUtilization',
										'NetworkIn',
										'RequestCount',
										'Duration',
										'Errors',
									]),
									dimensions: [
										{name: 'InstanceId', value: `i-${random.hex(17)}`},
									],
								},
								period: 60,
								stat: 'Average',
							},
							returnData: true,
						}),
					),
					startTime: expiration(time - 600_000),
					endTime: expiration(time),
				},
				responseElements: null,
			};
		default:
			return undefined;
	}
}

/** `expiration` as the AWS SDK for Java prints it in CloudTrail. */
export function expiration(ms: number): string {
	const date = new Date(ms);
	const months = [
		'Jan',
		'Feb',
		'Mar',
		'Apr',
		'May',
		'Jun',
		'Jul',
		'Aug',
		'Sep',
		'Oct',
		'Nov',
		'Dec',
	];
	const h = date.getUTCHours();
	const hour12 = h % 12 === 0 ? 12 : h % 12;
	const mm = String(date.getUTCMinutes()).padStart(2, '0');
	const ss = String(date.getUTCSeconds()).padStart(2, '0');
	return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${hour12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

/** A session token's length and alphabet (it is opaque base64). */
export function sessionToken(random: Random): string {
	return `IQoJb3JpZ2luX2VjE${random.alnum(20)}${random.alnum(200)}${random.alnum(180)}`;
}

/** A name for the generic payloads, from the API's noun. */
function noun(name: string): string {
	return name
		.replace(
			/^(Describe|List|Get|Create|Delete|Update|Put|Modify|Start|Stop|Batch|Tag|Attach|Register|Deregister|Set)/,
			'',
		)
		.replace(/\d{8}(v\d)?$/, '');
}

function generic(api: Api, ctx: CallContext): Payload {
	const {random} = ctx;
	const thing = noun(api.name);
	const field = `${thing.charAt(0).toLowerCase()}${thing.slice(1)}`.replace(
		/s$/,
		'',
	);
	if (api.readOnly) {
		const roll = random.next();
		if (roll < 0.45) {
			return {requestParameters: null, responseElements: null};
		}

		if (roll < 0.75) {
			return {
				requestParameters: {maxResults: random.pick([50, 100, 1000])},
				responseElements: null,
			};
		}

		return {
			requestParameters: {
				[`${field}Name`]: `${random.pick(['prod', 'staging', 'shared'])}-${thing.toLowerCase()}-${random.hex(4)}`,
				...(random.chance(0.3)
					? {filters: [{name: 'tag:Environment', values: ['prod']}]}
					: {}),
			},
			responseElements: null,
		};
	}

	const name = `${random.pick(['prod', 'staging', 'shared'])}-${thing.toLowerCase()}-${random.hex(6)}`;
	const arn = `arn:aws:${api.service}:${ctx.region}:${account}:${thing.toLowerCase()}/${name}`;
	return {
		requestParameters: {
			[`${field}Name`]: name,
			...(random.chance(0.5)
				? {
						tags: [
							{key: 'Environment', value: 'prod'},
							{key: 'Owner', value: 'platform-team'},
							{key: 'CostCenter', value: String(random.between(1000, 9999))},
						],
					}
				: {}),
		},
		responseElements: random.chance(0.6) ? {[`${field}Arn`]: arn} : null,
	};
}

export function payloadFor(api: Api, ctx: CallContext): Payload {
	if (api.data) {
		return s3Data(api, ctx);
	}

	return special(api, ctx) ?? generic(api, ctx);
}
