import {test} from 'node:test';
import assert from 'node:assert/strict';
import {agentKey, parseUserAgent} from '../../source/normalise/user-agent.js';
import {brief, terraformAgent as tf} from './user-agent-brief.js';

/**
The console, AWS itself and its agents, infrastructure tools, browsers, raw
HTTP tools, attack and audit tools and offensive distributions, one line per
client; see `brief` for the columns.
*/
const table: Array<[string, string]> = [
	// The console, AWS itself, AWS's agents
	['AWS Internal', 'aws-internal - - +aws'],
	['console.amazonaws.com', 'console - - +person'],
	['console.ec2.amazonaws.com', 'console - - +person'],
	['signin.amazonaws.com', 'console - - +person'],
	[
		'[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.184-153.731.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.372-b08]',
		'console 0.4 - +person',
	],
	[
		'RDS Console, aws-internal/3 aws-sdk-java/1.11.975 Linux/5.10.184-152.730.amzn2int.x86_64',
		'console - - +person',
	],
	['AWSConsole', 'console - - +person'],
	[
		'aws-internal/3 aws-sdk-java/1.12.124 Linux/4.9.273-0.1.ac.226.84.332.metal1.x86_64',
		'aws-internal 3 - +aws',
	],
	[
		'[AWSCloudTrail, aws-internal/3 aws-sdk-java/1.12.433 Linux/5.4.247-169.350.amzn2int.x86_64]',
		'aws-internal 3 - +aws',
	],
	['Coral/Netty4', 'aws-internal Netty4 - +aws'],
	['cloudformation.amazonaws.com', 'aws-service - - +aws'],
	['awslambda-worker', 'lambda - - +aws'],
	['awslambda-worker/1.0 rusoto/0.47.0 rust/1.55.0 linux', 'lambda 1.0 - +aws'],
	[
		'aws-sdk-go/1.41.4 (go1.18.3; linux; amd64) amazon-ssm-agent/3.2.582.0',
		'ssm-agent 3.2.582.0 Linux via=aws-sdk-go',
	],
	['amazon-ssm-agent/3.2.0', 'ssm-agent 3.2.0 -'],
	// Infrastructure as code
	[
		`${tf} aws-sdk-go/1.49.6 (go1.21.5; linux; amd64) HashiCorp-terraform-exec/0.17.3`,
		'terraform 1.5.7 Linux via=aws-sdk-go',
	],
	[
		`${tf} aws-sdk-go-v2/1.24.0 os/macos lang/go/1.21.5 md/GOOS/darwin md/GOARCH/arm64 api/iam/1.28.5`,
		'terraform 1.5.7 macOS +person via=aws-sdk-go',
	],
	[
		'aws-sdk-go/1.29.7 (go1.13.7; darwin; amd64) APN/1.0 HashiCorp/1.0 Terraform/0.12.24 (+https://www.terraform.io)',
		'terraform 0.12.24 macOS +person via=aws-sdk-go',
	],
	// Browsers
	[
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
		'browser - macOS +person',
	],
	[
		'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/114.0',
		'browser - Linux +person',
	],
	[
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Firefox/78.0',
		'browser - Windows +person',
	],
	[
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
		'browser - iOS +person',
	],
	[
		'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
		'browser - Android +person',
	],
	// Raw HTTP tools
	['curl/8.5.0', 'curl 8.5.0 - +person'],
	['python-requests/2.31.0', 'python-requests 2.31.0 -'],
	['Go-http-client/2.0', 'go-http-client 2.0 -'],
	['Python-httplib2/0.8 (gzip)', 'httplib2 0.8 -'],
	[
		'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4291',
		'powershell 5.1.19041.4291 Windows +person',
	],
	// Attack and audit tools
	[
		'Boto3/1.17.80 Python/3.9.5 Linux/5.10 Botocore/1.20.80 Pacu/1.5.2',
		'pacu 1.5.2 Linux +person via=boto3 offensive=pacu',
	],
	[
		'Scout Suite/5.12.0 Boto3/1.26.0 Python/3.11.2 Darwin/22.3.0 Botocore/1.29.0',
		'scoutsuite 5.12.0 macOS +person via=boto3 offensive=scoutsuite',
	],
	[
		'Boto3/1.28.0 Python/3.11.4 Linux/6.1 Botocore/1.31.0 prowler/3.11.0',
		'prowler 3.11.0 Linux +person via=boto3 offensive=prowler',
	],
	[
		'aws-sdk-go-v2/1.21.0 os/linux lang/go/1.21.0 md/GOOS/linux cloudfox/1.12.2',
		'cloudfox 1.12.2 Linux +person via=aws-sdk-go offensive=cloudfox',
	],
	[
		'stratus-red-team_39f95f43-cd2f-4beb-b69e-be60b6fe1f57',
		'stratus-red-team - - +person offensive=stratus-red-team',
	],
	[
		`${tf} aws-sdk-go/1.44.157 (go1.19.3; linux; amd64) stratus-red-team_11a6ef34-e130-4579-a1d3-79c915cee6ec HashiCorp-terraform-exec/0.17.3`,
		'stratus-red-team - Linux +person via=terraform offensive=stratus-red-team',
	],
	['trufflehog/3.63.0', 'trufflehog 3.63.0 - +person offensive=trufflehog'],
	[
		'S3 Browser/11.5.7 https://s3browser.com',
		's3-browser 11.5.7 - +person offensive=s3-browser',
	],
	[
		'aws-enumerator/1.0 aws-sdk-go/1.44.0 (go1.19; linux; amd64)',
		'aws-enumerator 1.0 Linux +person via=aws-sdk-go offensive=aws-enumerator',
	],
	[
		'Boto3/1.9.0 Python/3.7.3 Linux/4.19 Botocore/1.12.0 enumerate-iam',
		'enumerate-iam - Linux +person via=boto3 offensive=enumerate-iam',
	],
	[
		'WeirdAAL Boto3/1.9.0 Python/3.7.3 Linux/4.19 Botocore/1.12.0',
		'weirdaal - Linux +person via=boto3 offensive=weirdaal',
	],
	[
		'Boto3/1.28.0 Python/3.11.4 Linux/6.1 Botocore/1.31.0 cloudsplaining/0.6.2',
		'cloudsplaining 0.6.2 Linux +person via=boto3 offensive=cloudsplaining',
	],
	// Offensive distributions
	[
		'aws-cli/2.15.0 md/awscrt#0.19.17 ua/2.0 os/linux#6.5.0-kali3-amd64 md/arch#x86_64 lang/python#3.11.6 md/distrib#kali.2023 md/prompt#off md/command#sts.get-caller-identity',
		'aws-cli 2.15.0 Kali +person command=sts.get-caller-identity distribution=kali.2023 offensive=kali',
	],
	[
		'Boto3/1.34.0 Python/3.11 Linux/6.1.0-parrot1-amd64 Botocore/1.34.0',
		'boto3 1.34.0 Parrot +person offensive=parrot',
	],
	[
		'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0-pentoo exe/x86_64',
		'aws-cli 2.15.0 Pentoo +person offensive=pentoo',
	],
	// Nothing recognisable
	['example-user-agent', 'other - -'],
];

test('every tool, console and AWS agent of the table is read as recorded', () => {
	for (const [ua, expected] of table) {
		assert.equal(brief(parseUserAgent(ua)), expected, ua);
	}
});

test('the baseline key is the same across versions, commands and wrappers', () => {
	const groups: Array<[string, string[]]> = [
		[
			'aws-cli|macOS',
			[
				'aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9',
				'[aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9]',
				'aws-cli/2.15.59 md/awscrt#0.19.19 ua/2.0 os/macos#22.6.0 md/arch#arm64 md/command#sts.get-caller-identity',
				'aws-cli/2.15.59 md/awscrt#0.19.19 ua/2.0 os/macos#22.6.0 md/arch#arm64 md/command#lambda.list-functions',
				'aws-cli/2.17.3 ua/2.0 os/macos#23.5.0 md/command#s3.ls',
			],
		],
		[
			'console',
			[
				'console.amazonaws.com',
				'[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.184-153.731.amzn2int.x86_64]',
				'[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.666 Linux/4.9.184-0.1.ac.235.83.329.metal1.x86_64]',
				'RDS Console, aws-internal/3 aws-sdk-java/1.11.975 Linux/5.4.247',
			],
		],
		[
			'stratus-red-team',
			[
				'stratus-red-team_39f95f43-cd2f-4beb-b69e-be60b6fe1f57',
				'stratus-red-team_6a7ec681-49a5-4403-99a2-d3c1229e8063',
				'[stratus-red-team_4990da05-9399-449e-b49f-82996a764ec9]',
			],
		],
		[
			'boto3|Linux',
			[
				'Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165',
				'[Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165 my-tool/2.5.0]',
				'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0 Botocore/1.34.0',
			],
		],
	];
	for (const [key, agents] of groups) {
		for (const ua of agents) {
			assert.equal(agentKey(parseUserAgent(ua)), key, ua);
		}
	}
});
