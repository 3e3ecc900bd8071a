/**
The APIs the generator draws from: about 230 real CloudTrail event names over
30 services. Each name carries a relative weight within its service (`*N`;
reads default to 1, writes to 0.1) and each service a share of the calls
that people and broad tools (AWS Config, Terraform) make. Workloads draw from
their own short lists instead (see actors.ts), which is where the data
events and key use that dominate real trails come from.
*/

export interface Api {
	/** e.g. `ec2.amazonaws.com`. */
	source: string;
	/** The service's short name, e.g. `ec2`. */
	service: string;
	name: string;
	readOnly: boolean;
	/** Logged in us-east-1 whatever the caller's region (IAM, STS global…). */
	global: boolean;
	/** An S3 object-level call: a data event. */
	data: boolean;
}

interface ServiceDef {
	service: string;
	/** Share of the broad callers' calls, in percent. */
	share: number;
	global?: boolean;
	apis: string;
}

const services: ServiceDef[] = [
	{
		service: 'ec2',
		share: 20,
		apis: `DescribeInstances*12 DescribeInstanceStatus*4 DescribeSecurityGroups*5
			DescribeSubnets*3 DescribeVpcs*3 DescribeVolumes*3 DescribeSnapshots*2
			DescribeImages*3 DescribeNetworkInterfaces*3 DescribeRouteTables
			DescribeAvailabilityZones*2 DescribeRegions*2 DescribeTags*4
			DescribeKeyPairs DescribeAddresses DescribeLaunchTemplates
			DescribeLaunchTemplateVersions DescribeInstanceTypes DescribeNatGateways
			DescribeVpcEndpoints DescribeAccountAttributes RunInstances*2
			TerminateInstances*2 StartInstances StopInstances CreateTags*4 DeleteTags
			CreateSnapshot*2 DeleteSnapshot CreateVolume AttachVolume
			AuthorizeSecurityGroupIngress RevokeSecurityGroupIngress
			ModifyInstanceAttribute CreateNetworkInterface*3 DeleteNetworkInterface*3`,
	},
	{
		service: 's3',
		share: 9,
		apis: `ListBuckets*2 GetBucketLocation*4 GetBucketAcl*3 GetBucketPolicy*2
			GetBucketVersioning*2 GetBucketEncryption*2 GetBucketTagging*2
			GetBucketLogging GetBucketPublicAccessBlock*2 GetBucketLifecycle
			GetBucketOwnershipControls PutBucketPolicy PutBucketTagging*2
			CreateBucket DeleteBucket*0.2 PutBucketVersioning`,
	},
	{
		service: 'iam',
		share: 8,
		global: true,
		apis: `ListRoles*3 ListUsers*2 GetRole*5 GetUser*2 ListAttachedRolePolicies*3
			ListRolePolicies*3 GetRolePolicy*2 GetPolicy*3 GetPolicyVersion*3
			ListPolicies ListAccessKeys*2 ListMFADevices GetAccountSummary
			ListInstanceProfiles ListGroups ListGroupsForUser GenerateCredentialReport
			GetCredentialReport CreateRole AttachRolePolicy PutRolePolicy
			CreateAccessKey*0.3 UpdateAccessKey*0.3 DeleteRole*0.5 TagRole
			CreatePolicyVersion UpdateAssumeRolePolicy*0.3 ListEntitiesForPolicy
			GetServiceLastAccessedDetails`,
	},
	{
		service: 'sts',
		share: 3,
		global: true,
		apis: `GetCallerIdentity*6 AssumeRole*4 GetSessionToken*0.3
			DecodeAuthorizationMessage*0.2`,
	},
	{
		service: 'kms',
		share: 4,
		apis: `Decrypt*6 Encrypt GenerateDataKey*3 DescribeKey*4 ListAliases*2
			ListKeys GetKeyPolicy GetKeyRotationStatus*2 ListResourceTags CreateGrant
			RetireGrant*0.5 ScheduleKeyDeletion*0.05`,
	},
	{
		service: 'lambda',
		share: 4,
		apis: `ListFunctions20150331*3 GetFunction20150331v2*3
			GetFunctionConfiguration20150331v2*2 ListVersionsByFunction20150331
			ListAliases20150331 ListEventSourceMappings20150331 ListTags20170331*2
			GetPolicy20150331v2 UpdateFunctionCode20150331v2*3
			UpdateFunctionConfiguration20150331v2 CreateFunction20150331
			AddPermission20150331v2`,
	},
	{
		service: 'monitoring',
		share: 4,
		apis: `DescribeAlarms*6 GetMetricData*8 ListMetrics*2 GetMetricStatistics*3
			DescribeAlarmHistory PutMetricAlarm*2 DeleteAlarms PutDashboard
			GetDashboard ListDashboards`,
	},
	{
		service: 'logs',
		share: 4,
		apis: `DescribeLogGroups*5 DescribeLogStreams*4 FilterLogEvents*3
			GetLogEvents*3 CreateLogStream*4 CreateLogGroup PutRetentionPolicy
			StartQuery*2 GetQueryResults*4 DescribeSubscriptionFilters
			PutSubscriptionFilter DescribeMetricFilters`,
	},
	{
		service: 'ssm',
		share: 4,
		apis: `GetParameter*4 GetParameters*3 GetParametersByPath*2
			DescribeParameters*2 PutParameter DescribeInstanceInformation*3
			ListCommands ListCommandInvocations SendCommand*2 StartSession
			GetCommandInvocation ListAssociations DescribeAssociation
			UpdateInstanceInformation*0.5`,
	},
	{
		service: 'secretsmanager',
		share: 2,
		apis: `GetSecretValue*3 DescribeSecret*3 ListSecrets*2 PutSecretValue
			CreateSecret RotateSecret GetResourcePolicy`,
	},
	{
		service: 'dynamodb',
		share: 3,
		apis: `DescribeTable*5 ListTables*3 DescribeContinuousBackups*2
			DescribeTimeToLive ListTagsOfResource*2 UpdateTable CreateBackup
			DescribeKinesisStreamingDestination`,
	},
	{
		service: 'rds',
		share: 3,
		apis: `DescribeDBInstances*5 DescribeDBClusters*3 DescribeDBSnapshots*2
			DescribeDBClusterSnapshots DescribeDBSubnetGroups DescribeEvents*2
			ListTagsForResource*2 DescribeDBEngineVersions DescribeDBParameterGroups
			CreateDBSnapshot ModifyDBInstance`,
	},
	{
		service: 'ecs',
		share: 4,
		apis: `DescribeClusters*3 ListClusters*2 ListServices*3 DescribeServices*4
			ListTasks*3 DescribeTasks*4 DescribeTaskDefinition*3
			ListTaskDefinitions RegisterTaskDefinition UpdateService RunTask
			DescribeContainerInstances ListContainerInstances`,
	},
	{
		service: 'ecr',
		share: 3,
		apis: `GetAuthorizationToken*4 BatchGetImage*3 GetDownloadUrlForLayer*3
			DescribeRepositories*2 DescribeImages*2 ListImages*2
			BatchCheckLayerAvailability PutImage InitiateLayerUpload
			CompleteLayerUpload GetRepositoryPolicy`,
	},
	{
		service: 'elasticloadbalancing',
		share: 2,
		apis: `DescribeLoadBalancers*4 DescribeTargetGroups*3 DescribeTargetHealth*4
			DescribeListeners*2 DescribeTags*2 DescribeRules RegisterTargets
			DeregisterTargets DescribeLoadBalancerAttributes`,
	},
	{
		service: 'autoscaling',
		share: 2,
		apis: `DescribeAutoScalingGroups*5 DescribeLaunchConfigurations
			DescribeScalingActivities*2 DescribeLifecycleHooks
			DescribeAutoScalingInstances*2 UpdateAutoScalingGroup SetDesiredCapacity
			CompleteLifecycleAction`,
	},
	{
		service: 'cloudformation',
		share: 3,
		apis: `DescribeStacks*6 ListStacks*2 DescribeStackEvents*4
			DescribeStackResources*2 GetTemplate ListStackResources*2
			GetTemplateSummary ValidateTemplate CreateChangeSet DescribeChangeSet
			ExecuteChangeSet UpdateStack`,
	},
	{
		service: 'cloudtrail',
		share: 1,
		apis: `DescribeTrails*3 GetTrailStatus*3 LookupEvents*3 GetEventSelectors*2
			ListTrails GetInsightSelectors`,
	},
	{
		service: 'config',
		share: 1,
		apis: `DescribeConfigRules*2 DescribeConfigurationRecorders
			DescribeConfigurationRecorderStatus DescribeDeliveryChannels
			PutEvaluations*3 DescribeComplianceByConfigRule
			GetComplianceDetailsByConfigRule`,
	},
	{
		service: 'sqs',
		share: 2,
		apis: `ListQueues*3 GetQueueAttributes*5 GetQueueUrl*3 ListQueueTags
			CreateQueue SetQueueAttributes DeleteQueue*0.3`,
	},
	{
		service: 'sns',
		share: 1,
		apis: `ListTopics*3 GetTopicAttributes*3 ListSubscriptions
			ListSubscriptionsByTopic*2 ListTagsForResource CreateTopic Subscribe
			SetTopicAttributes`,
	},
	{
		service: 'route53',
		share: 1,
		global: true,
		apis: `ListHostedZones*3 GetHostedZone*2 ListResourceRecordSets*3
			GetChange ListHealthChecks ChangeResourceRecordSets*2`,
	},
	{
		service: 'cloudfront',
		share: 0.5,
		global: true,
		apis: `ListDistributions*3 GetDistribution*2 GetDistributionConfig
			CreateInvalidation*2`,
	},
	{
		service: 'organizations',
		share: 0.3,
		global: true,
		apis: `DescribeOrganization*3 ListAccounts*2 DescribeAccount ListRoots
			ListPolicies`,
	},
	{
		service: 'guardduty',
		share: 0.7,
		apis: 'ListDetectors*3 GetDetector*2 ListFindings*2 GetFindings*2',
	},
	{
		service: 'securityhub',
		share: 0.7,
		apis: `GetFindings*3 BatchImportFindings*3 DescribeHub GetEnabledStandards
			BatchUpdateFindings`,
	},
	{
		service: 'athena',
		share: 0.8,
		apis: `StartQueryExecution*2 GetQueryExecution*5 GetQueryResults*3
			ListWorkGroups GetWorkGroup`,
	},
	{
		service: 'glue',
		share: 0.8,
		apis: `GetDatabases*2 GetDatabase GetTables*3 GetTable*4 GetPartitions*2
			BatchCreatePartition`,
	},
	{
		service: 'eks',
		share: 0.8,
		apis: 'ListClusters*2 DescribeCluster*4 ListNodegroups DescribeNodegroup*2',
	},
	{
		service: 'sso',
		share: 0.4,
		apis: 'ListAccounts*2 ListAccountRoles*2 GetRoleCredentials*3',
	},
];

const readPrefixes =
	/^(Describe|List|Get|Head|Lookup|BatchGet|BatchCheck|Search|Filter|Validate|Decrypt|GenerateDataKey|Encrypt|AssumeRole|Decode)/;

/** The host name CloudTrail logs as `eventSource` for a short name. */
export function sourceOf(service: string): string {
	return `${service}.amazonaws.com`;
}

function parseApis(def: ServiceDef): Array<[Api, number]> {
	return def.apis
		.split(/\s+/)
		.filter((word) => word !== '')
		.map((word) => {
			const [name = word, factor] = word.split('*');
			const readOnly = readPrefixes.test(name) && name !== 'StartQuery';
			const weight = (readOnly ? 1 : 0.1) * (factor ? Number(factor) : 1);
			const api: Api = {
				source: sourceOf(def.service),
				service: def.service,
				name,
				readOnly,
				global: def.global ?? (def.service === 's3' && name === 'ListBuckets'),
				data: false,
			};
			return [api, weight];
		});
}

/** Every catalogued API with its weight for broad callers. */
export const broadApis: ReadonlyArray<readonly [Api, number]> =
	services.flatMap((def) => {
		const apis = parseApis(def);
		const sum = apis.reduce((total, [, weight]) => total + weight, 0);
		return apis.map(([api, weight]): [Api, number] => [
			api,
			(def.share * weight) / sum,
		]);
	});

const byKey = new Map<string, Api>(
	broadApis.map(([api]) => [`${api.service}:${api.name}`, api]),
);

/** S3 object-level calls: logged as data events, not in the broad list. */
const dataApis = ['GetObject', 'PutObject', 'HeadObject', 'ListObjects'];
for (const name of [...dataApis, 'DeleteObject', 'CopyObject']) {
	byKey.set(`s3:${name}`, {
		source: sourceOf('s3'),
		service: 's3',
		name,
		readOnly: dataApis.includes(name) && name !== 'PutObject',
		global: false,
		data: true,
	});
}

/** An API by `service:Name`, for the workloads' lists; throws on a typo. */
export function api(key: string): Api {
	const found = byKey.get(key);
	if (!found) {
		throw new Error(`no API ${key} in the catalogue`);
	}

	return found;
}

/** How many distinct APIs and services the catalogue holds. */
export const catalogueSize = {
	apis: byKey.size,
	services: services.length,
};
