import {
	account,
	managementAccount,
	temporaryKey,
	type Actor,
	type Session,
} from './actors.js';
import type {Api} from './api-catalog.js';
import {agentFor} from './network.js';
import {
	expiration,
	payloadFor,
	sessionToken,
	type Payload,
} from './payloads.js';
import type {Random} from './random.js';

/**
Turns one drawn call into a CloudTrail record, fields in the order
CloudTrail writes them, and makes the records that issue temporary keys.
*/

export type TrailRecord = {[key: string]: unknown};

/** `eventTime` as CloudTrail writes it: UTC, whole seconds. */
export function isoSeconds(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

const iamPrefix: {[service: string]: string} = {
	monitoring: 'cloudwatch',
};

function action(api: Api): string {
	const name = api.name.replace(/\d{8}(v\d)?$/, '');
	return `${iamPrefix[api.service] ?? api.service}:${name}`;
}

function roleArn(actor: Actor): string {
	return `arn:aws:iam::${account}:role/${actor.rolePath ?? ''}${actor.roleName}`;
}

/** The `userIdentity` of a session's current key. */
function identityOf(actor: Actor, session: Session): {[key: string]: unknown} {
	const attributes = {
		creationDate: isoSeconds(session.created),
		mfaAuthenticated: session.console ? 'true' : 'false',
	};
	switch (actor.type) {
		case 'AssumedRole': {
			const context: {[key: string]: unknown} = {
				sessionIssuer: {
					type: 'Role',
					principalId: actor.roleId,
					arn: roleArn(actor),
					accountId: account,
					userName: actor.roleName,
				},
				webIdFederationData: actor.webIdentity
					? {
							federatedProvider: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
							attributes: {},
						}
					: {},
				attributes,
			};
			if (actor.ec2Instance) {
				context['ec2RoleDelivery'] = '2.0';
			}

			return {
				type: 'AssumedRole',
				principalId: `${actor.roleId}:${session.name}`,
				arn: `arn:aws:sts::${account}:assumed-role/${actor.roleName}/${session.name}`,
				accountId: account,
				accessKeyId: session.key,
				sessionContext: context,
				...(actor.invokedBy ? {invokedBy: actor.invokedBy} : {}),
			};
		}

		case 'IAMUser':
			return {
				type: 'IAMUser',
				principalId: actor.userId,
				arn: `arn:aws:iam::${account}:user/${actor.userName}`,
				accountId: account,
				accessKeyId: session.key,
				userName: actor.userName,
				...(session.console
					? {
							sessionContext: {
								sessionIssuer: {},
								webIdFederationData: {},
								attributes,
							},
						}
					: {}),
			};
		case 'Root':
			return {
				type: 'Root',
				principalId: account,
				arn: `arn:aws:iam::${account}:root`,
				accountId: account,
				accessKeyId: session.key,
				sessionContext: {
					sessionIssuer: {},
					webIdFederationData: {},
					attributes,
				},
			};
		case 'FederatedUser':
			return {
				type: 'FederatedUser',
				principalId: `${account}:${session.name}`,
				arn: `arn:aws:sts::${account}:federated-user/${session.name}`,
				accountId: account,
				accessKeyId: session.key,
				sessionContext: {
					sessionIssuer: {
						type: 'IAMUser',
						principalId: actor.userId,
						arn: `arn:aws:iam::${account}:user/${actor.userName}`,
						accountId: account,
						userName: actor.userName,
					},
					webIdFederationData: {},
					attributes,
				},
			};
		case 'AWSService':
			return {type: 'AWSService', invokedBy: session.host ?? session.name};
		case 'AWSAccount':
			return {type: 'AWSAccount', principalId: '', accountId: 'anonymous'};
	}
}

export interface Origin {
	ip: string;
	vpcEndpointId?: string;
}

/** Where a call of the session comes from. */
export function originOf(
	random: Random,
	actor: Actor,
	session: Session,
	api: Api,
): Origin {
	switch (actor.from) {
		case 'instance':
			// Instances reach S3 through the VPC's gateway endpoint.
			return api.data && random.chance(0.6)
				? {ip: session.privateIp!, vpcEndpointId: 'vpce-0a1b2c3d4e5f67890'}
				: {ip: session.publicIp!};
		case 'service':
			return {ip: session.host ?? actor.invokedBy ?? session.name};
		case 'anyone':
			return {
				ip: `${random.pick(['198.51.100', '203.0.113', '192.0.2'])}.${random.between(1, 76)}`,
			};
		default:
			return {
				ip:
					actor.issuer === 'none'
						? random.pick(session.addresses)
						: session.address,
			};
	}
}

interface ErrorShape {
	code: string;
	message: string;
}

function errorFor(random: Random, api: Api, arn: string): ErrorShape {
	const act = action(api);
	const denied = {
		code: 'AccessDenied',
		message: `User: ${arn} is not authorized to perform: ${act} because no identity-based policy allows the ${act} action`,
	};
	const roll = random.next();
	if (api.data) {
		return roll < 0.6
			? {code: 'AccessDenied', message: 'Access Denied'}
			: {code: 'NoSuchKey', message: 'The specified key does not exist.'};
	}

	if (api.service === 'ec2') {
		if (roll < 0.5) {
			return {
				code: 'Client.UnauthorizedOperation',
				message: `You are not authorized to perform this operation. User: ${arn} is not authorized to perform: ${act} because no identity-based policy allows the ${act} action. Encoded authorization failure message: ${random.alnum(420)}`,
			};
		}

		return roll < 0.8
			? {
					code: 'Client.RequestLimitExceeded',
					message: 'Request limit exceeded.',
				}
			: {
					code: 'Client.InvalidInstanceID.NotFound',
					message: `The instance ID 'i-${random.hex(17)}' does not exist`,
				};
	}

	if (api.readOnly && roll < 0.3) {
		return {code: 'ThrottlingException', message: 'Rate exceeded'};
	}

	if (api.service === 'iam' && api.name.startsWith('Get') && roll < 0.6) {
		return {
			code: 'NoSuchEntityException',
			message: `The role with name deploy-${random.hex(4)} cannot be found.`,
		};
	}

	if (api.service === 'ssm' && api.name.startsWith('GetParameter')) {
		return {code: 'ParameterNotFound', message: ''};
	}

	if (!api.readOnly && roll < 0.6) {
		return {
			code: 'ValidationException',
			message:
				'1 validation error detected: Value null at name failed to satisfy constraint: Member must not be null',
		};
	}

	return denied;
}

/**
Scales every identity's error rate: with it the whole trail has about 4 %
failed calls, within the 3–5 % of real accounts.
*/
const errorScale = 2;

const tlsVersions = ['TLSv1.3', 'TLSv1.3', 'TLSv1.2'];

function tlsFor(random: Random, api: Api, region: string, bucketHost?: string) {
	const tls = random.pick(tlsVersions);
	return {
		tlsVersion: tls,
		cipherSuite:
			tls === 'TLSv1.3'
				? 'TLS_AES_128_GCM_SHA256'
				: 'ECDHE-RSA-AES128-GCM-SHA256',
		clientProvidedHostHeader:
			bucketHost ??
			(api.global
				? `${api.service}.amazonaws.com`
				: `${api.service}.${region}.amazonaws.com`),
	};
}

/** Which CloudTrail record version a service writes (1.09 for the newer). */
function versionOf(api: Api): string {
	return api.data || api.service.length % 3 === 0 ? '1.09' : '1.08';
}

export interface CallSpec {
	actor: Actor;
	session: Session;
	api: Api;
	region: string;
	time: number;
	buckets: readonly string[];
	/** Forced fields, for the planted theft. */
	origin?: Origin;
	agent?: string;
	error?: ErrorShape | false;
}

/** One call as a record. */
export function callRecord(random: Random, spec: CallSpec): TrailRecord {
	const {actor, session, api, region, time} = spec;
	const identity = session.identity;
	const arn =
		(identity['arn'] as string | undefined) ?? `arn:aws:iam::${account}:root`;
	const origin = spec.origin ?? originOf(random, actor, session, api);
	const failed =
		spec.error === undefined
			? random.chance(actor.errorRate * errorScale)
				? errorFor(random, api, arn)
				: undefined
			: spec.error || undefined;
	const payload: Payload = payloadFor(api, {
		random,
		region,
		buckets: spec.buckets,
		time,
		arn,
	});
	const fromService = actor.from === 'service';
	const requestParameters = payload.requestParameters as {
		[key: string]: unknown;
	} | null;
	const record: TrailRecord = {
		eventVersion: versionOf(api),
		userIdentity: identity,
		eventTime: isoSeconds(time),
		eventSource: api.source,
		eventName: api.name,
		awsRegion: region,
		sourceIPAddress: origin.ip,
		userAgent: spec.agent ?? agentFor(session.agent, api.service),
	};
	if (failed) {
		record['errorCode'] = failed.code;
		record['errorMessage'] = failed.message;
	}

	record['requestParameters'] = payload.requestParameters;
	record['responseElements'] = failed ? null : payload.responseElements;
	if (payload.additionalEventData) {
		record['additionalEventData'] = payload.additionalEventData;
	}

	record['requestID'] = payload.requestID ?? random.uuid();
	record['eventID'] = random.uuid();
	record['readOnly'] = api.readOnly;
	if (payload.resources && payload.resources.length > 0) {
		record['resources'] = payload.resources;
	}

	record['eventType'] = 'AwsApiCall';
	record['managementEvent'] = !api.data;
	record['recipientAccountId'] = account;
	if (origin.vpcEndpointId) {
		record['vpcEndpointId'] = origin.vpcEndpointId;
		record['vpcEndpointAccountId'] = account;
	}

	record['eventCategory'] = api.data ? 'Data' : 'Management';
	if (!fromService) {
		const host =
			api.data && requestParameters
				? (requestParameters['Host'] as string | undefined)
				: undefined;
		record['tlsDetails'] = tlsFor(random, api, region, host);
	}

	if (session.console) {
		record['sessionCredentialFromConsole'] = 'true';
	}

	return record;
}

/**
Moves the session to the key of `time`'s period when the period changed.
Returns true when a new key was issued (its issuing record is then due).
*/
export function rotate(
	random: Random,
	actor: Actor,
	session: Session,
	time: number,
	start: number,
): boolean {
	const period = Math.floor((time - start + session.offset) / actor.rotationMs);
	if (period === session.period) {
		return false;
	}

	session.period = period;
	session.created = time;
	session.key = actor.longTermKey ?? temporaryKey(random);
	if (session.addresses.length > 0) {
		session.address = random.pick(session.addresses);
	}

	session.identity = identityOf(actor, session);
	return actor.issuer !== 'none';
}

function base(time: number, region: string, source: string, name: string) {
	return {
		eventVersion: '1.08',
		eventTime: isoSeconds(time),
		eventSource: source,
		eventName: name,
		awsRegion: region,
	};
}

/** The record that issued the session's current key. */
export function issuingRecord(
	random: Random,
	actor: Actor,
	session: Session,
	region: string,
): TrailRecord {
	const time = session.created;
	const roleArnText = roleArn(actor);
	const credentials = {
		accessKeyId: session.key,
		sessionToken: sessionToken(random),
		expiration: expiration(time + actor.rotationMs),
	};
	const assumed = {
		assumedRoleId: `${actor.roleId}:${session.name}`,
		arn: `arn:aws:sts::${account}:assumed-role/${actor.roleName}/${session.name}`,
	};
	const roleResource = [
		{accountId: account, type: 'AWS::IAM::Role', ARN: roleArnText},
	];
	const tail = (readOnly: boolean, extra: TrailRecord = {}) => ({
		requestID: random.uuid(),
		eventID: random.uuid(),
		readOnly,
		...extra,
		eventType: 'AwsApiCall',
		managementEvent: true,
		recipientAccountId: account,
	});
	const address = session.address;
	switch (actor.issuer) {
		case 'service': {
			const service = actor.issuingService!;
			return {
				...base(time, region, 'sts.amazonaws.com', 'AssumeRole'),
				userIdentity: {type: 'AWSService', invokedBy: service},
				sourceIPAddress: service,
				userAgent: service,
				requestParameters: {
					roleArn: roleArnText,
					roleSessionName: session.name,
				},
				responseElements: {credentials},
				...tail(true, {resources: roleResource}),
				sharedEventID: random.uuid(),
				eventCategory: 'Management',
			};
		}

		case 'saml':
			return {
				...base(time, 'us-east-1', 'sts.amazonaws.com', 'AssumeRoleWithSAML'),
				userIdentity: {
					type: 'SAMLUser',
					principalId: `portal:${session.name}`,
					userName: session.name,
					identityProvider: `arn:aws:iam::${account}:saml-provider/AWSSSO_${random.hex(16)}_DO_NOT_DELETE`,
				},
				sourceIPAddress: address,
				userAgent:
					'aws-sdk-java/2.25.16 Linux/5.10 OpenJDK_64-Bit_Server_VM/17 Java/17 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache',
				requestParameters: {
					sAMLAssertionID: `_${random.uuid()}`,
					roleSessionName: session.name,
					principalTags: {},
					durationSeconds: 28800,
					roleArn: roleArnText,
					principalArn: `arn:aws:iam::${account}:saml-provider/AWSSSO_DO_NOT_DELETE`,
				},
				responseElements: {
					credentials,
					assumedRoleUser: assumed,
					subject: session.name,
					subjectType: 'persistent',
					issuer:
						'https://portal.sso.us-east-1.amazonaws.com/saml/assertion/example',
					audience: 'https://signin.aws.amazon.com/saml',
				},
				...tail(true, {resources: roleResource}),
				eventCategory: 'Management',
			};
		case 'web-identity': {
			const subject = 'repo:acme/infrastructure:ref:refs/heads/main';
			return {
				...base(
					time,
					'us-east-1',
					'sts.amazonaws.com',
					'AssumeRoleWithWebIdentity',
				),
				userIdentity: {
					type: 'WebIdentityUser',
					principalId: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:${subject}`,
					userName: subject,
					identityProvider: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
				},
				sourceIPAddress: address,
				userAgent:
					'aws-sdk-nodejs/2.1585.0 linux/v20.11.1 configure-aws-credentials-for-github-actions promise',
				requestParameters: {
					roleArn: roleArnText,
					roleSessionName: session.name,
					durationSeconds: 3600,
				},
				responseElements: {
					credentials,
					subjectFromWebIdentityToken: subject,
					assumedRoleUser: assumed,
					provider: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
					audience: 'sts.amazonaws.com',
				},
				...tail(true, {resources: roleResource}),
				eventCategory: 'Management',
				tlsDetails: tlsFor(
					random,
					{service: 'sts', global: true} as Api,
					region,
				),
			};
		}

		case 'cross-account':
			return {
				...base(time, region, 'sts.amazonaws.com', 'AssumeRole'),
				userIdentity: {
					type: 'AWSAccount',
					principalId: `AROA${random.keyChars(17)}:${session.name}`,
					accountId: managementAccount,
				},
				sourceIPAddress: address,
				userAgent: 'AWS Internal',
				requestParameters: {
					roleArn: roleArnText,
					roleSessionName: session.name,
				},
				responseElements: {credentials, assumedRoleUser: assumed},
				...tail(true, {resources: roleResource}),
				sharedEventID: random.uuid(),
				eventCategory: 'Management',
			};
		case 'federation':
			return {
				...base(time, region, 'sts.amazonaws.com', 'GetFederationToken'),
				userIdentity: {
					type: 'IAMUser',
					principalId: actor.userId,
					arn: `arn:aws:iam::${account}:user/${actor.userName}`,
					accountId: account,
					accessKeyId: `AKIA${random.keyChars(16)}`,
					userName: actor.userName,
				},
				sourceIPAddress: address,
				userAgent: session.agent,
				requestParameters: {name: session.name, durationSeconds: 43200},
				responseElements: {
					credentials,
					federatedUser: {
						federatedUserId: `${account}:${session.name}`,
						arn: `arn:aws:sts::${account}:federated-user/${session.name}`,
					},
				},
				...tail(true),
				eventCategory: 'Management',
				tlsDetails: tlsFor(
					random,
					{service: 'sts', global: true} as Api,
					region,
				),
			};
		case 'console':
		case 'none':
			return {
				...base(time, 'us-east-1', 'signin.amazonaws.com', 'ConsoleLogin'),
				userIdentity: {
					...session.identity,
					accessKeyId: undefined,
					sessionContext: undefined,
				},
				sourceIPAddress: address,
				userAgent:
					'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
				requestParameters: null,
				responseElements: {ConsoleLogin: 'Success'},
				additionalEventData: {
					LoginTo:
						'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
					MobileVersion: 'No',
					MFAIdentifier: `arn:aws:iam::${account}:mfa/${session.name}`,
					MFAUsed: 'Yes',
				},
				eventID: random.uuid(),
				readOnly: false,
				eventType: 'AwsConsoleSignIn',
				managementEvent: true,
				recipientAccountId: account,
				eventCategory: 'Management',
				tlsDetails: {
					tlsVersion: 'TLSv1.3',
					cipherSuite: 'TLS_AES_128_GCM_SHA256',
					clientProvidedHostHeader: 'signin.aws.amazon.com',
				},
			};
	}
}

/**
An event a service logs about itself (`eventType: AwsServiceEvent`): KMS
rotating a key, AWS Backup finishing a job.
*/
export function serviceEventRecord(
	random: Random,
	time: number,
	region: string,
): TrailRecord {
	const backup = random.chance(0.5);
	const host = backup ? 'backup.amazonaws.com' : 'kms.amazonaws.com';
	const keyArn = `arn:aws:kms:${region}:${account}:key/${random.uuid()}`;
	return {
		eventVersion: '1.08',
		userIdentity: {accountId: account, invokedBy: host},
		eventTime: isoSeconds(time),
		eventSource: host,
		eventName: backup ? 'BackupJobCompleted' : 'RotateKey',
		awsRegion: region,
		sourceIPAddress: host,
		userAgent: host,
		requestParameters: null,
		responseElements: null,
		eventID: random.uuid(),
		readOnly: false,
		resources: backup
			? []
			: [{accountId: account, type: 'AWS::KMS::Key', ARN: keyArn}],
		eventType: 'AwsServiceEvent',
		managementEvent: true,
		recipientAccountId: account,
		serviceEventDetails: backup
			? {
					backupJobId: random.uuid().toUpperCase(),
					backupVaultName: 'Default',
					resourceArn: `arn:aws:dynamodb:${region}:${account}:table/orders`,
					state: 'COMPLETED',
					backupSizeInBytes: random.between(1e6, 5e9),
					creationDate: {seconds: Math.floor(time / 1000) - 900, nanos: 0},
				}
			: {keyId: keyArn.split('/')[1]},
		eventCategory: 'Management',
	};
}
