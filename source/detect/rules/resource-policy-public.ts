import type {TrailEvent} from '../../core/types.js';
import {regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange, listText} from './change-common.js';
import {field, requestOf, textField} from './request-fields.js';
import {isEveryone, pinningConditions, readPolicy} from './policy-document.js';

/**
Resource policies opened to everyone, outside S3 (which has its own flags):
a queue, a topic, an encryption key, a secret, a container repository, a
search domain, a backup vault or a file system whose policy lets `"*"` in
with no condition that pins the caller, and a Lambda function that anyone
may invoke (Stratus Red Team's "backdoor a Lambda function through its
resource policy"). Each is a way in or out that needs no credential of the
account's.
*/

interface PolicySite {
	kind: string;
	/** The policy document in the request, in whatever form. */
	policy: (request: unknown) => unknown;
	resource: (request: unknown) => string | undefined;
	/** The command that shows the policy now. */
	check: (resource: string) => string;
}

const attribute = (request: unknown) =>
	field(field(request, 'attributes'), 'Policy');

const sites = new Map<string, PolicySite>([
	[
		'sqs:SetQueueAttributes',
		{
			kind: 'SQS queue',
			policy: attribute,
			resource: (r) => textField(r, 'queueUrl'),
			check: (q) =>
				`aws sqs get-queue-attributes --queue-url ${q} --attribute-names Policy`,
		},
	],
	[
		'sqs:CreateQueue',
		{
			kind: 'SQS queue',
			policy: attribute,
			resource: (r) => textField(r, 'queueName'),
			check: (q) => `aws sqs get-queue-url --queue-name ${q}`,
		},
	],
	[
		'sns:SetTopicAttributes',
		{
			kind: 'SNS topic',
			policy: (r) =>
				textField(r, 'attributeName') === 'Policy'
					? field(r, 'attributeValue')
					: undefined,
			resource: (r) => textField(r, 'topicArn'),
			check: (t) => `aws sns get-topic-attributes --topic-arn ${t}`,
		},
	],
	[
		'kms:PutKeyPolicy',
		{
			kind: 'KMS key',
			policy: (r) => field(r, 'policy'),
			resource: (r) => textField(r, 'keyId'),
			check: (k) =>
				`aws kms get-key-policy --key-id ${k} --policy-name default`,
		},
	],
	[
		'kms:CreateKey',
		{
			kind: 'KMS key',
			policy: (r) => field(r, 'policy'),
			resource: () => undefined,
			check: () => 'aws kms list-keys',
		},
	],
	[
		'secretsmanager:PutResourcePolicy',
		{
			kind: 'secret',
			policy: (r) => field(r, 'resourcePolicy'),
			resource: (r) => textField(r, 'secretId'),
			check: (s) => `aws secretsmanager get-resource-policy --secret-id ${s}`,
		},
	],
	[
		'ecr:SetRepositoryPolicy',
		{
			kind: 'container repository',
			policy: (r) => field(r, 'policyText'),
			resource: (r) => textField(r, 'repositoryName'),
			check: (n) => `aws ecr get-repository-policy --repository-name ${n}`,
		},
	],
	...[
		'CreateElasticsearchDomain',
		'UpdateElasticsearchDomainConfig',
		'CreateDomain',
		'UpdateDomainConfig',
	].map((name): [string, PolicySite] => [
		`es:${name}`,
		{
			kind: 'search domain',
			policy: (r) => field(r, 'accessPolicies'),
			resource: (r) => textField(r, 'domainName'),
			check: (d) => `aws opensearch describe-domain-config --domain-name ${d}`,
		},
	]),
	[
		'backup:PutBackupVaultAccessPolicy',
		{
			kind: 'backup vault',
			policy: (r) => field(r, 'policy'),
			resource: (r) => textField(r, 'backupVaultName'),
			check: (v) =>
				`aws backup get-backup-vault-access-policy --backup-vault-name ${v}`,
		},
	],
	[
		'elasticfilesystem:PutFileSystemPolicy',
		{
			kind: 'EFS file system',
			policy: (r) => field(r, 'policy'),
			resource: (r) => textField(r, 'fileSystemId'),
			check: (f) => `aws efs describe-file-system-policy --file-system-id ${f}`,
		},
	],
	[
		'glacier:SetVaultAccessPolicy',
		{
			kind: 'Glacier vault',
			policy: (r) => field(field(r, 'policy'), 'policy') ?? field(r, 'policy'),
			resource: (r) => textField(r, 'vaultName'),
			check: (v) =>
				`aws glacier get-vault-access-policy --account-id - --vault-name ${v}`,
		},
	],
]);

/** What the policy lets everyone do, or an empty list when nobody. */
function openTo(policy: unknown): string[] {
	return (readPolicy(policy) ?? [])
		.filter((s) => s.effect === 'Allow' && pinningConditions(s).length === 0)
		.filter((s) => s.principals.some(isEveryone))
		.map((s) => s.actions.join(', ') || 'some actions');
}

/** Lambda's AddPermission: one statement, written as request fields. */
function lambdaOpen(event: TrailEvent): string[] {
	const request = requestOf(event);
	const principal = textField(request, 'principal');
	const pinned = ['sourceArn', 'sourceAccount', 'principalOrgID'].some(
		(name) => textField(request, name) !== undefined,
	);
	return principal === '*' && !pinned
		? [textField(request, 'action') ?? 'lambda:InvokeFunction']
		: [];
}

const why =
	'A resource\'s policy now lets everyone ("*") use it, with no condition that limits who may call. A resource policy says who, beyond the account\'s own identities, may use a queue, a key, a repository or a function. Open to everyone, any AWS account or anyone on the internet can read the queue, decrypt with the key, pull the images or invoke the function. Intruders do this to keep a way in, or to take data out, with no credential at all. Common false alarms: resources meant to be public, such as a public container image.';

export const resourcePolicyPublic: FlagRule = {
	id: 'resource-policy-public',
	title: 'Resource opened to everyone by its policy',
	severity: 'high',
	attack: ['T1537', 'T1098'],
	check(event, context) {
		const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
		const lambda =
			service === 'lambda' && event.eventName.startsWith('AddPermission');
		const site = sites.get(
			`${service === 'opensearch' ? 'es' : service}:${event.eventName}`,
		);
		const actions = lambda
			? lambdaOpen(event)
			: site
				? openTo(site.policy(requestOf(event)))
				: [];
		if (actions.length === 0) {
			return undefined;
		}

		const judgement = judgeChange(event, context, this.severity);
		if (!judgement) {
			return undefined;
		}

		const request = requestOf(event);
		const kind = lambda ? 'Lambda function' : (site?.kind ?? 'resource');
		const name = lambda
			? textField(request, 'functionName')
			: site?.resource(request);
		const region = regionOption(event);
		const check = lambda
			? name && `aws lambda get-policy --function-name ${shellWord(name)}`
			: name && site?.check(shellWord(name));
		return {
			id: this.id,
			severity: judgement.severity,
			title: `${/^(?:[AEIOU]|SQS|SNS|EFS)/.test(kind) ? 'An' : 'A'} ${kind} was opened to everyone`,
			why,
			evidence: [
				`${callLine(event)}, on the ${kind}${name ? ` ${name}` : ''}.`,
				`Its policy now lets everyone (principal "*", no condition that limits who may call) do ${listText([...new Set(actions)], 3)}.`,
				...judgement.notes,
			],
			normal: [
				"Normal resource policies name the account's own roles, AWS services, or partner accounts, often with a condition.",
				...normalLines(event, context),
			],
			next: [
				...(check ? [`Read the policy now: ${check}${region}`] : []),
				lambda && name && textField(request, 'statementId')
					? `If nobody meant this, remove it: aws lambda remove-permission --function-name ${shellWord(name)} --statement-id ${shellWord(textField(request, 'statementId') ?? '')}${region}`
					: 'If nobody meant this, remove the statement for "*" and look for use of the resource from outside since then.',
				...callerNext(event),
			],
		};
	},
};
