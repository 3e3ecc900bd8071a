import type {Random} from './random.js';

/**
Where calls come from and what made them. AWS addresses are drawn from real
EC2 ranges of each region (as in AWS's ip-ranges.json), so trailtui places
them inside AWS; outside addresses come only from the documentation ranges
(RFC 5737), so no real network is named.
*/

export const regionWeights: ReadonlyArray<readonly [string, number]> = [
	['us-east-1', 70],
	['eu-west-1', 20],
	['us-west-2', 10],
];

/** EC2 prefixes per region: [first octet, second octet, prefix length]. */
const ec2Ranges: Record<string, Array<[number, number, number]>> = {
	'us-east-1': [
		[3, 80, 12],
		[52, 0, 15],
		[34, 224, 12],
		[44, 192, 11],
		[54, 80, 13],
	],
	'eu-west-1': [
		[34, 240, 13],
		[52, 208, 13],
		[54, 72, 15],
	],
	'us-west-2': [
		[34, 208, 12],
		[52, 24, 14],
	],
};

function addressIn(random: Random, [a, b, bits]: [number, number, number]) {
	const span = 2 ** (32 - bits);
	const base = ((a << 24) | (b << 16)) >>> 0;
	// Skip the network's first and last addresses of each /24.
	const value = base + random.int(span);
	const last = 1 + random.int(254);
	return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${last}`;
}

/** A public EC2 address of the region. */
export function awsAddress(random: Random, region: string): string {
	const ranges = ec2Ranges[region] ?? ec2Ranges['us-east-1']!;
	return addressIn(random, random.pick(ranges));
}

/** A private VPC address (the caller went through a VPC endpoint). */
export function privateAddress(random: Random): string {
	return `10.${random.int(4) * 16 + random.int(16)}.${random.int(256)}.${1 + random.int(254)}`;
}

/** The thief's address; no other caller uses it. */
export const thiefAddress = '203.0.113.77';

/** Office and home addresses of the people, from the documentation ranges. */
export function officeAddresses(random: Random, count: number): string[] {
	const nets = ['198.51.100', '203.0.113', '192.0.2'];
	const out = new Set<string>();
	while (out.size < count) {
		const address = `${random.pick(nets)}.${10 + random.int(200)}`;
		if (address !== thiefAddress) {
			out.add(address);
		}
	}

	return [...out];
}

/**
User agents, as CloudTrail records them. `{api}` is replaced by the call's
service where the SDK names it (`api/s3#1.53.0`).
*/
export const agents = {
	cliMac:
		'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/{api}',
	cliLinux:
		'aws-cli/2.13.25 Python/3.11.5 Linux/6.1.79-99.164.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/{api}',
	cliWindows:
		'aws-cli/2.15.12 Python/3.11.6 Windows/10 exe/AMD64 prompt/off command/{api}',
	boto3:
		'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
	boto3Lambda:
		'Boto3/1.34.42 md/Botocore#1.34.42 ua/2.0 os/linux#5.10.209-218.812.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.42',
	javaV1:
		'aws-sdk-java/1.12.681 Linux/5.10.213-201.855.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS java/17.0.10 vendor/Amazon.com_Inc. cfg/retry-mode/standard',
	javaV2:
		'aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy',
	go: 'aws-sdk-go/1.51.6 (go1.21.8; linux; amd64)',
	goV2: 'aws-sdk-go-v2/1.26.0 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/{api}#1.53.0',
	nodeLambda:
		'aws-sdk-nodejs/2.1585.0 linux/v18.19.1 exec-env/AWS_Lambda_nodejs18.x promise',
	jsV3Lambda:
		'aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10.213-245.744.amzn2.x86_64 lang/js md/nodejs#20.11.1 exec-env/AWS_Lambda_nodejs20.x api/{api}#3.540.0',
	terraform:
		'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/{api}#1.152.0',
	ssmAgent: 'amazon-ssm-agent/3.3.131.0',
	console: 'console.amazonaws.com',
	browser:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
	awsInternal: 'AWS Internal',
	/** The thief's tool: an old CLI on a Mac. */
	thief: 'aws-cli/1.16.102 Python/2.7.16 Darwin/18.2.0 botocore/1.12.92',
} as const;

/** The agent text for a call, with the SDK's service named in it. */
export function agentFor(template: string, service: string): string {
	return template.includes('{api}')
		? template.replace('{api}', service)
		: template;
}
