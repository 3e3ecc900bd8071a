/**
The clients trailtui recognises in a user agent, one line each. The first
matching line wins, so the order matters: AWS's own agents first (a console
agent also names the Java SDK it runs on), then attack and audit tools and
AWS's agents (they are built on an SDK or on Terraform and name it too), then
infrastructure tools, the CLI, the SDKs, raw HTTP tools and browsers.

A family is a name that stays the same across versions, commands and
wrappers (`[…]`, an `aws-internal/3` suffix), because baselines compare
families: `aws-cli` is `aws-cli` whether it ran `s3 ls` or `iam list-users`,
in version 1 or 2. Group 1 of a pattern, when it matched, is the version.
*/

/**
What sort of client it is: `aws` (AWS calling for itself), `console`, `cli`,
`sdk`, `infrastructure` (Terraform, the CDK), `agent` (AWS's agents on a
machine), `browser`, `http` (raw HTTP tools and libraries), `attack-tool`,
`audit-tool`, `integration` (a vendor's service), `unknown`, `none`.
*/
export type ClientCategory =
	| 'aws'
	| 'console'
	| 'cli'
	| 'sdk'
	| 'infrastructure'
	| 'agent'
	| 'browser'
	| 'http'
	| 'attack-tool'
	| 'audit-tool'
	| 'integration'
	| 'unknown'
	| 'none';

/**
How a family decides `interactive`: `person` always, `program` only on a
desktop system, `service` never; `offensive` tools are people too.
*/
export type Kind = 'person' | 'program' | 'service' | 'offensive';

export interface ClientRule {
	family: string;
	category: ClientCategory;
	kind: Kind;
	/** Tested against the agent without its `[…]`. */
	pattern: RegExp;
	/** The system named in the agent is AWS's own server, not the caller's. */
	awsHost?: true;
}

const defaultKind: Partial<Record<ClientCategory, Kind>> = {
	aws: 'service',
	console: 'person',
	cli: 'person',
	browser: 'person',
	'attack-tool': 'offensive',
	'audit-tool': 'offensive',
};

function rule(
	family: string,
	category: ClientCategory,
	pattern: RegExp,
	options: {kind?: Kind; awsHost?: true} = {},
): ClientRule {
	const kind = options.kind ?? defaultKind[category] ?? 'program';
	return {
		family,
		category,
		kind,
		pattern,
		...(options.awsHost ? {awsHost: options.awsHost} : {}),
	};
}

/** A tool that names itself, optionally with a version: `cloudfox/1.12.0`. */
const named = (name: string): RegExp =>
	new RegExp(String.raw`\b${name}\b(?:\/v?([\w.]+))?`, 'i');

const person = {kind: 'person'} as const;

export const clientRules: readonly ClientRule[] = [
	// AWS itself.
	rule('aws-internal', 'aws', /^AWS Internal$/i),
	rule(
		'console',
		'console',
		/^(?:console(?:\.[a-z\d-]+)?|signin)\.amazonaws\.com$/i,
		{awsHost: true},
	),
	// `S3Console/0.4, aws-internal/3 …`, `RDS Console, …`, `AWSConsole`.
	rule('console', 'console', /^[\w ]*Console\w*(?:\/([\d.]+))?(?:,|$)/i, {
		awsHost: true,
	}),
	rule('aws-service', 'aws', /^[a-z\d][a-z\d.-]*\.amazonaws\.com(?:\.cn)?$/i),
	rule('aws-internal', 'aws', /^Coral\/([\w.]+)/),
	rule('lambda', 'aws', /^awslambda-worker(?:\/([\w.]+))?/i),

	// Attack and audit tools, before the SDKs and Terraform they drive.
	rule('stratus-red-team', 'attack-tool', /stratus-red-team/i),
	rule('pacu', 'attack-tool', named('pacu')),
	rule('trufflehog', 'attack-tool', /trufflehog(?:\/v?([\w.]+))?/i),
	rule('s3-browser', 'attack-tool', /S3 Browser(?:\/?\s?([\d.]+))?/i),
	rule('aws-enumerator', 'attack-tool', named('aws-enumerator')),
	rule('enumerate-iam', 'attack-tool', named('enumerate-iam')),
	rule('weirdaal', 'attack-tool', named('weirdaal')),
	rule('cloudfox', 'attack-tool', named('cloudfox')),
	rule('scoutsuite', 'audit-tool', /scout ?suite(?:\/v?([\w.]+))?/i),
	rule('prowler', 'audit-tool', named('prowler')),
	rule('cloudsplaining', 'audit-tool', named('cloudsplaining')),

	// AWS's back ends calling through an SDK, and AWS's agents on machines.
	rule('aws-internal', 'aws', /(?:^|[\s,])aws-internal\/(\d[\w.]*)/i),
	rule('ssm-agent', 'agent', /amazon-ssm-agent(?:\/([\w.]+))?/i),
	rule('cloudwatch-agent', 'agent', /\bCWAgent\/([\w.]+)/),

	// Infrastructure as code, then the command-line tools.
	rule('terraform', 'infrastructure', /\bTerraform\/([\w.]+)/i),
	rule('aws-cdk', 'infrastructure', /\baws-cdk\/([\w.]+)/i),
	rule('aws-cli', 'cli', /(?:^|\s)aws-cli\/([\w.]+)/i),
	rule('aws-powershell', 'cli', /\bAWSPowerShell(?:\.NetCore)?\/([\w.]+)/i),
	rule('ec2-api-tools', 'cli', /^ec2-api-tools[ /]([\w.]+)/i),

	// The SDKs.
	rule('boto3', 'sdk', /(?:^|\s)Boto3\/([\w.]+)/i),
	rule('botocore', 'sdk', /(?:^|\s)Botocore\/([\w.]+)/i),
	rule('aws-sdk-go', 'sdk', /\baws-sdk-go(?:-v2)?\/([\w.]+)/i),
	rule('aws-sdk-java', 'sdk', /\baws-sdk-java\/([\w.]+)/i),
	rule(
		'aws-sdk-js',
		'sdk',
		/\baws-sdk-(?:js|nodejs)\/([\w.]+)|\baws-sdk-nodejs-v3-@aws-sdk\/[\w-]+\/v?([\w.]+)/i,
	),
	rule('aws-sdk-dotnet', 'sdk', /\baws-sdk-dotnet[\w-]*\/([\w.]+)/i),
	rule('aws-sdk-ruby', 'sdk', /\baws-sdk-ruby\d*\/([\w.]+)/i),
	rule('aws-sdk-php', 'sdk', /\baws-sdk-php\/([\w.]+)/i),
	rule('aws-sdk-rust', 'sdk', /\baws-sdk-rust\/([\w.]+)/i),
	rule('aws-sdk-cpp', 'sdk', /\baws-sdk-cpp\/([\w.]+)/i),
	rule('aws-sdk-kotlin', 'sdk', /\baws-sdk-kotlin\/([\w.]+)/i),
	rule('aws-sdk-swift', 'sdk', /\baws-sdk-swift\/([\w.]+)/i),
	rule('rusoto', 'sdk', /\brusoto\/([\w.]+)/i),
	// Another language's SDK, or an agent that only says it is one.
	rule('aws-sdk', 'sdk', /\baws-sdk-[a-z]+\/([\w.]+)|^aws[ -]sdk$/i),

	// Raw HTTP tools a person types into, then script libraries.
	rule('curl', 'http', /^curl\/([\w.-]+)/i, person),
	rule('wget', 'http', /^Wget\/([\w.-]+)/i, person),
	rule('httpie', 'http', /^HTTPie\/([\w.-]+)/i, person),
	rule('powershell', 'http', /\b(?:Windows)?PowerShell\/([\w.]+)/i, person),
	rule('postman', 'http', /^PostmanRuntime\/([\w.-]+)/i, person),
	rule('insomnia', 'http', /^insomnia\/([\w.-]+)/i, person),
	rule('python-requests', 'http', /python-requests\/([\w.]+)/i),
	rule('python-urllib', 'http', /^Python-urllib\/([\w.]+)/i),
	rule('httplib2', 'http', /^Python-httplib2\/([\w.]+)/i),
	rule('httpx', 'http', /^python-httpx\/([\w.]+)/i),
	rule('aiohttp', 'http', /^Python\/[\d.]+ aiohttp\/([\w.]+)/i),
	rule('go-http-client', 'http', /Go-http-client\/([\w.]+)/i),
	rule('okhttp', 'http', /^okhttp\/([\w.-]+)/i),
	rule('apache-httpclient', 'http', /^Apache-HttpClient\/([\w.-]+)/i),
	rule('jersey', 'http', /^Jersey\/([\d.]+)?/i),
	rule('axios', 'http', /^axios\/([\w.-]+)/i),
	rule('node-fetch', 'http', /^node-fetch(?:\/([\w.-]+))?/i),
	rule('guzzle', 'http', /^GuzzleHttp\/([\w.-]+)/i),
	rule('libwww-perl', 'http', /^libwww-perl\/([\w.-]+)/i),

	// Browsers (the S3 web site, pre-signed URLs), and vendors' services.
	rule('browser', 'browser', /^Mozilla(?:\/\d|$)/),
	rule('browser', 'browser', /^(?:Chrome|Firefox|Safari|Opera|Edge)(?:[/ ]|$)/),
	rule('datadog', 'integration', /^Datadog\b/i),
];
