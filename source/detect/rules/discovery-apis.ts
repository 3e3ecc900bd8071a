/**
The discovery APIs: calls that list or describe what an account holds or who
can act in it. Intruders make them first, to learn where they landed and what
the stolen credentials reach; MITRE ATT&CK files them under Discovery
(T1580 cloud infrastructure, T1619 cloud storage, T1087.004 cloud accounts,
T1069.003 cloud groups).

Two scopes:
- `account`: one call maps a whole kind of resource or identity in the
  account (every bucket, every user). These raise the reconnaissance flag on
  their own, because ordinary software rarely needs the whole list.
- `resource`: a listing inside one known resource (the objects of one bucket,
  the images of one repository). Applications do this all day to read their
  own data, so one such call is no red flag; they are listed here so that a
  burst rule (many distinct discovery calls in minutes) can count them.
*/
export interface DiscoveryApi {
	scope: 'account' | 'resource';
	/** What the answer reveals, completing "This call …". */
	reveals: string;
}

const account = (reveals: string): DiscoveryApi => ({
	scope: 'account',
	reveals,
});
const resource = (reveals: string): DiscoveryApi => ({
	scope: 'resource',
	reveals,
});

/** By `service:EventName`, the service being `eventSource` without `.amazonaws.com`. */
export const discoveryApis: ReadonlyMap<string, DiscoveryApi> = new Map([
	[
		'sts:GetCallerIdentity',
		account(
			'tells the caller which account and identity the credentials belong to, usually the first thing anyone does with keys they found',
		),
	],
	['s3:ListBuckets', account('lists every S3 bucket in the account')],
	['iam:ListUsers', account('lists every IAM user in the account')],
	['iam:ListRoles', account('lists every IAM role and who may assume it')],
	['iam:ListGroups', account('lists every IAM group')],
	['iam:ListPolicies', account('lists the IAM policies in the account')],
	[
		'iam:GetAccountAuthorizationDetails',
		account(
			'dumps every user, group, role and policy with their permissions at once',
		),
	],
	['iam:ListAccessKeys', account('lists the access keys of a user')],
	[
		'iam:GetAccountSummary',
		account('summarises the identities and limits of the account'),
	],
	['iam:ListAccountAliases', account("reveals the account's name")],
	['ec2:DescribeInstances', account('lists every EC2 instance in the region')],
	[
		'ec2:DescribeSecurityGroups',
		account('lists the firewall rules of the region'),
	],
	[
		'ec2:DescribeSnapshots',
		account('lists disk snapshots, which can be copied out'),
	],
	[
		'lambda:ListFunctions20150331',
		account('lists every Lambda function in the region'),
	],
	['rds:DescribeDBInstances', account('lists every database in the region')],
	['secretsmanager:ListSecrets', account('lists every stored secret')],
	[
		'ssm:DescribeParameters',
		account('lists the stored parameters, often secrets'),
	],
	[
		'ecr:DescribeRepositories',
		account('lists every container image repository'),
	],
	['ecs:ListClusters', account('lists every ECS cluster')],
	['eks:ListClusters', account('lists every Kubernetes cluster')],
	['dynamodb:ListTables', account('lists every DynamoDB table')],
	['kms:ListKeys', account('lists every encryption key')],
	[
		'cloudtrail:DescribeTrails',
		account('shows how the account is being logged'),
	],
	['guardduty:ListDetectors', account('shows whether threat detection is on')],
	[
		'organizations:ListAccounts',
		account('lists every account of the organisation'),
	],
	[
		'organizations:DescribeOrganization',
		account('describes the organisation the account belongs to'),
	],
	['s3:ListObjects', resource('lists the objects of one bucket')],
	['s3:ListObjectsV2', resource('lists the objects of one bucket')],
	['ecr:ListImages', resource('lists the images of one repository')],
	['ecr:DescribeImages', resource('describes the images of one repository')],
	['iam:ListAttachedRolePolicies', resource("lists one role's policies")],
	['iam:ListRolePolicies', resource("lists one role's inline policies")],
	['iam:ListAttachedUserPolicies', resource("lists one user's policies")],
]);
