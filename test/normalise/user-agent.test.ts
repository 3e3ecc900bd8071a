import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseUserAgent} from '../../source/normalise/user-agent.js';
import {caseRecords} from './case-records.js';

const flaws2Cli = 'aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9';

const brief = (ua: string | undefined) => {
	const info = parseUserAgent(ua);
	return [info.family, info.version, info.os].filter(Boolean).join(' ');
};

test('flaws2: the stolen credentials were used from aws-cli on a Mac', () => {
	const info = parseUserAgent(flaws2Cli);
	assert.equal(info.family, 'aws-cli');
	assert.equal(info.version, '1.16.19');
	assert.equal(info.os, 'macOS');
	assert.equal(info.osVersion, '17.7.0');
	assert.equal(info.interactive, true);
	assert.equal(info.desktopOs, true);
	assert.equal(info.awsService, false);
	assert.equal(info.offensive, undefined);
});

test('flaws2: the wrapped level3 agent parses like the bare one', () => {
	const wrapped = parseUserAgent(`[${flaws2Cli}]`);
	const bare = parseUserAgent(flaws2Cli);
	assert.equal(wrapped.wrapped, true);
	assert.equal(wrapped.raw, `[${flaws2Cli}]`);
	assert.deepEqual(
		{...wrapped, raw: '', wrapped: false},
		{...bare, raw: '', wrapped: false},
	);
});

test('flaws2: the Lambda worker is AWS itself', () => {
	const info = parseUserAgent('awslambda-worker');
	assert.equal(info.family, 'lambda');
	assert.equal(info.awsService, true);
	assert.equal(info.interactive, false);
});

test('BR-19 service host names are AWS services, not malformed agents', () => {
	const info = parseUserAgent(
		String(caseRecords('BR-19.json')[0]?.['userAgent']),
	);
	assert.equal(info.family, 'aws-service');
	assert.equal(info.awsService, true);
});

test('BR-19 bracketed and bare Boto3 agents are the same family', () => {
	const agents = caseRecords('BR-19.json').map((record) =>
		String(record['userAgent']),
	);
	assert.equal(brief(agents[1]), 'boto3 1.34.0 macOS');
	assert.equal(brief(agents[2]), 'boto3 1.34.0 macOS');
	assert.equal(parseUserAgent(agents[1]).interactive, true);
});

test('BR-19 the escape-laden agent is curl, a person at a terminal', () => {
	const info = parseUserAgent(
		String(caseRecords('BR-19.json')[3]?.['userAgent']),
	);
	assert.equal(info.family, 'curl');
	assert.equal(info.version, '8.5.0');
	assert.equal(info.interactive, true);
});

test('BR-19 the 4 KB agent is parsed without trouble', () => {
	const info = parseUserAgent(
		String(caseRecords('BR-19.json')[4]?.['userAgent']),
	);
	assert.equal(brief(info.raw), 'boto3 1.34.0 Linux');
	assert.equal(info.interactive, false);
});

test('BR-09 AWS Internal and the console back end are AWS', () => {
	const agents = caseRecords('BR-09.json').map((record) =>
		String(record['userAgent']),
	);
	assert.equal(parseUserAgent(agents[0]).family, 'aws-internal');
	assert.equal(parseUserAgent(agents[0]).awsService, true);
	assert.equal(parseUserAgent(agents[2]).family, 'aws-internal');
	assert.equal(parseUserAgent(agents[2]).awsService, true);
});

test('client families are recognised from real agents', () => {
	const cases: Array<[string, string]> = [
		[
			'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/s3.ls',
			'aws-cli 2.15.0 Linux',
		],
		[
			'aws-cli/2.15.59 md/awscrt#0.19.19 ua/2.0 os/macos#22.6.0 md/arch#arm64 lang/python#3.11.11',
			'aws-cli 2.15.59 macOS',
		],
		['aws-cli/1.3.2 Python/2.7.5 Windows/7', 'aws-cli 1.3.2 Windows'],
		[
			'Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165',
			'boto3 1.26.165 Linux',
		],
		[
			'Botocore/1.29.165 Python/3.10.6 Darwin/22.1.0',
			'botocore 1.29.165 macOS',
		],
		['aws-sdk-go/1.41.4 (go1.18.3; linux; amd64)', 'aws-sdk-go 1.41.4 Linux'],
		[
			'aws-sdk-go-v2/1.14.0 os/macos lang/go/1.17.6 md/GOOS/darwin md/GOARCH/arm64 api/iam/1.17.0',
			'aws-sdk-go 1.14.0 macOS',
		],
		['aws-sdk-java/2.20.0', 'aws-sdk-java 2.20.0'],
		[
			'aws-sdk-js/3.400.0 ua/2.0 os/win32#10.0.19045 lang/js md/nodejs#18.17.0',
			'aws-sdk-js 3.400.0 Windows',
		],
		[
			'APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) terraform-provider-aws/3.76.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)',
			'terraform 1.1.2 Linux',
		],
		[
			'aws-sdk-go/1.41.4 (go1.18.3; linux; amd64) amazon-ssm-agent/3.2.0',
			'ssm-agent 3.2.0 Linux',
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
			'browser Windows',
		],
		[
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
			'browser macOS',
		],
		['python-requests/2.28.0', 'python-requests 2.28.0'],
		['Go-http-client/2.0', 'go-http-client 2.0'],
		[
			'[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.184-153.731.amzn2int.x86_64]',
			'console 0.4',
		],
		['console.ec2.amazonaws.com', 'console'],
		['signin.amazonaws.com', 'console'],
		['AWS Internal', 'aws-internal'],
		['ec2-api-tools 1.6.12.2', 'ec2-api-tools 1.6.12.2'],
		['example-user-agent', 'other'],
	];
	for (const [ua, expected] of cases) {
		assert.equal(brief(ua), expected, ua);
	}
});

test('interactive means a person: the CLI anywhere, SDKs only on a desktop', () => {
	assert.equal(
		parseUserAgent('aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0').interactive,
		true,
	);
	assert.equal(
		parseUserAgent('Boto3/1.26.0 Python/3.9.0 Linux/5.10').interactive,
		false,
	);
	assert.equal(
		parseUserAgent('Boto3/1.26.0 Python/3.9.0 Windows/10').interactive,
		true,
	);
	assert.equal(parseUserAgent('curl/8.5.0').interactive, true);
	assert.equal(parseUserAgent('Go-http-client/2.0').interactive, false);
	assert.equal(
		parseUserAgent(
			'aws-cli/2.13.0 Python/3.11.4 Linux/5.10 exec-env/AWS_Lambda_python3.11',
		).interactive,
		false,
	);
	assert.equal(
		parseUserAgent(
			'aws-cli/2.13.5 Python/3.11.4 Linux/4.14 exec-env/CloudShell',
		).execEnv,
		'CloudShell',
	);
});

test('offensive distributions and tools are named', () => {
	const cases: Array<[string, string]> = [
		[
			'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023',
			'kali',
		],
		[
			'Boto3/1.34.0 Python/3.11 Linux/6.1.0-parrot1-amd64 Botocore/1.34.0',
			'parrot',
		],
		['aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0-pentoo exe/x86_64', 'pentoo'],
		[
			'Boto3/1.17.80 Python/3.9.5 Linux/5.10 Botocore/1.20.80 Pacu/1.5.2',
			'pacu',
		],
		['Scout Suite/5.12.0 Boto3/1.26.0', 'scoutsuite'],
		['aws-cli/2.15.0 prowler/3.11.0', 'prowler'],
		['cloudfox/1.12.0 aws-sdk-go-v2/1.21.0', 'cloudfox'],
		[
			'stratus-red-team_39f95f43-cd2f-4beb-b69e-be60b6fe1f57',
			'stratus-red-team',
		],
		[
			'[stratus-red-team_4990da05-9399-449e-b49f-82996a764ec9]',
			'stratus-red-team',
		],
		['TruffleHog', 'trufflehog'],
		['S3 Browser/11.5.7 https://s3browser.com', 's3-browser'],
	];
	for (const [ua, name] of cases) {
		const info = parseUserAgent(ua);
		assert.equal(info.offensive, name, ua);
		assert.equal(info.interactive, true, ua);
	}

	assert.equal(
		parseUserAgent('aws-cli/2.15.0 Linux/6.5.0-kali3-amd64').desktopOs,
		true,
	);
	assert.equal(
		parseUserAgent('aws-cli/2.15.0 Linux/6.5.0-kali3-amd64').os,
		'Kali',
	);
	assert.equal(
		parseUserAgent('Mozilla/5.0 (X11; Linux x86_64) Kalimba/1').offensive,
		undefined,
	);
});

test('a missing agent is family none and nothing else', () => {
	for (const ua of [undefined, '', '   ', '[]']) {
		const info = parseUserAgent(ua);
		assert.equal(info.family, 'none', String(ua));
		assert.equal(info.interactive, false);
		assert.equal(info.awsService, false);
	}
});

test('parsed agents are frozen and shared between equal strings', () => {
	const a = parseUserAgent(flaws2Cli);
	assert.equal(parseUserAgent(flaws2Cli), a);
	assert.ok(Object.isFrozen(a));
});
