import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseUserAgent} from '../../source/normalise/user-agent.js';
import {brief, terraformAgent as tf} from './user-agent-brief.js';

/** The CLI and the SDKs, one line per client; see `brief` for the columns. */
const table: Array<[string, string]> = [
	// aws-cli, version 1 and version 2 (older and newer agent forms)
	[
		'aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9',
		'aws-cli 1.16.19 macOS +person',
	],
	[
		'aws-cli/1.10.32 Python/2.7.9 Windows/7 botocore/1.4.22',
		'aws-cli 1.10.32 Windows +person',
	],
	[
		'aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0-1234-aws exe/x86_64.ubuntu.22 prompt/off command/s3.ls',
		'aws-cli 2.13.0 Linux +person command=s3.ls distribution=ubuntu.22',
	],
	[
		'aws-cli/2.17.3 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#iam.list-users',
		'aws-cli 2.17.3 macOS +person command=iam.list-users',
	],
	[
		'aws-cli/2.17.3 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0-35-generic md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#s3.cp',
		'aws-cli 2.17.3 Linux +person command=s3.cp distribution=ubuntu.24',
	],
	[
		'aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255-314-253.539.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/ec2.stop-instances',
		'aws-cli 2.13.5 Linux +person command=ec2.stop-instances distribution=amzn.2 execEnv=CloudShell',
	],
	[
		'aws-cli/2.13.0 Python/3.11.4 Linux/5.10 exec-env/AWS_Lambda_python3.11',
		'aws-cli 2.13.0 Linux execEnv=AWS_Lambda_python3.11',
	],
	['aws-cli/2.15.0', 'aws-cli 2.15.0 - +person'],
	// Python
	[
		'Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165',
		'boto3 1.26.165 Linux',
	],
	[
		'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/macos#23.1.0 md/arch#arm64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0',
		'boto3 1.34.0 macOS +person',
	],
	[
		'Boto3/1.26.2 Python/3.10.8 Linux/4.14.294-220.533.amzn2.x86_64 exec-env/AWS_ECS_FARGATE Botocore/1.29.2',
		'boto3 1.26.2 Linux execEnv=AWS_ECS_FARGATE',
	],
	[
		'Botocore/1.29.165 Python/3.10.6 Darwin/22.1.0',
		'botocore 1.29.165 macOS +person',
	],
	// Go, version 1 and version 2
	['aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)', 'aws-sdk-go 1.44.157 Linux'],
	[
		'aws-sdk-go/1.40.21 (go1.17; linux; amd64) exec-env/AWS_Lambda_go1.x',
		'aws-sdk-go 1.40.21 Linux execEnv=AWS_Lambda_go1.x',
	],
	[
		'aws-sdk-go-v2/1.17.0 os/linux lang/go/1.18.10 md/GOOS/linux md/GOARCH/amd64 api/sts/1.16.19',
		'aws-sdk-go 1.17.0 Linux',
	],
	[
		'aws-sdk-go-v2/1.24.0 ua/2.0 os/windows lang/go#1.21.5 md/GOOS#windows md/GOARCH#amd64 api/s3#1.47.7',
		'aws-sdk-go 1.24.0 Windows +person',
	],
	// Java, version 1 and version 2
	[
		'aws-sdk-java/1.12.488 Linux/5.10.184 OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 vendor/Oracle_Corporation',
		'aws-sdk-java 1.12.488 Linux',
	],
	[
		'aws-sdk-java/1.11.975 Mac_OS_X/10.15.7 OpenJDK_64-Bit_Server_VM/25.242-b08 java/1.8.0_242',
		'aws-sdk-java 1.11.975 macOS +person',
	],
	[
		'aws-sdk-java/1.12.300 Windows_10/10.0 Java_HotSpot(TM)_64-Bit_Server_VM/25.341-b10 java/1.8.0_341',
		'aws-sdk-java 1.12.300 Windows +person',
	],
	[
		'aws-sdk-java/2.21.40 ua/2.0 os/Mac_OS_X#14.2 lang/java#17.0.9 md/OpenJDK_64-Bit_Server_VM#17.0.9+9 md/internal exec-env/AWS_Lambda_java17 io/sync http/Apache',
		'aws-sdk-java 2.21.40 macOS execEnv=AWS_Lambda_java17',
	],
	// JavaScript, version 2 and version 3
	[
		'aws-sdk-nodejs/2.1354.0 linux/v18.12.0 exec-env/AWS_Lambda_nodejs18.x',
		'aws-sdk-js 2.1354.0 Linux execEnv=AWS_Lambda_nodejs18.x',
	],
	[
		'aws-sdk-js/3.400.0 ua/2.0 os/win32#10.0.19045 lang/js md/nodejs#18.17.0 api/s3#3.400.0',
		'aws-sdk-js 3.400.0 Windows +person',
	],
	[
		'aws-sdk-nodejs-v3-@aws-sdk/client-s3/v3.13.0 darwin/v14.17.0',
		'aws-sdk-js 3.13.0 macOS +person',
	],
	// .NET, Ruby, PHP, Rust, PowerShell
	[
		'aws-sdk-dotnet-coreclr/3.7.100.14 aws-sdk-dotnet-core/3.7.100.14 .NET_Core/4.6.26328.01 OS/Microsoft_Windows_10.0.19044 ClientAsync',
		'aws-sdk-dotnet 3.7.100.14 Windows +person',
	],
	[
		'aws-sdk-dotnet-coreclr/3.7.300.29 ua/2.0 os/linux#5.10.0 md/ARCH#X64 lang/.NET_Core#6.0.25 api/S3#3.7.305.13',
		'aws-sdk-dotnet 3.7.300.29 Linux',
	],
	[
		'aws-sdk-ruby3/3.130.2 ruby/2.7.2 x86_64-linux aws-sdk-s3/1.113.0',
		'aws-sdk-ruby 3.130.2 Linux',
	],
	[
		'aws-sdk-ruby3/3.190.0 ruby/3.2.2 arm64-darwin22 aws-sdk-iam/1.90.0',
		'aws-sdk-ruby 3.190.0 macOS +person',
	],
	[
		'aws-sdk-php/3.257.0 OS/Linux/5.15.0 lang/php/8.1.2 GuzzleHttp/7',
		'aws-sdk-php 3.257.0 Linux',
	],
	[
		'aws-sdk-php/3.257.0 OS/WINNT/10.0 lang/php/8.2.0 GuzzleHttp/7',
		'aws-sdk-php 3.257.0 Windows +person',
	],
	[
		'aws-sdk-rust/0.56.1 api/s3/0.34.0 os/linux lang/rust/1.72.0',
		'aws-sdk-rust 0.56.1 Linux',
	],
	[
		'AWSPowerShell.NetCore/4.1.500.0 .NET_Runtime/4.0 .NET_Framework/4.0 OS/Microsoft_Windows_NT_10.0.19045.0 PowerShellCore/7.-1 ClientSync',
		'aws-powershell 4.1.500.0 Windows +person',
	],
	['ec2-api-tools 1.6.12.2', 'ec2-api-tools 1.6.12.2 - +person'],
];

test('every client of the table is read as recorded, one line each', () => {
	for (const [ua, expected] of table) {
		assert.equal(brief(parseUserAgent(ua)), expected, ua);
	}
});

test('the family, OS and interactivity of the old fields keep their meaning', () => {
	const info = parseUserAgent(
		'aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9',
	);
	assert.deepEqual(
		[info.family, info.os, info.osVersion, info.desktopOs, info.wrapped],
		['aws-cli', 'macOS', '17.7.0', true, false],
	);
	assert.equal(info.category, 'cli');
	assert.equal(info.product, 'aws-cli');
});

test('the product token tells the Go SDKs and the consoles apart', () => {
	assert.equal(
		parseUserAgent('aws-sdk-go-v2/1.17.0 os/linux lang/go/1.18.10').product,
		'aws-sdk-go-v2',
	);
	assert.equal(
		parseUserAgent('aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)').product,
		'aws-sdk-go',
	);
	assert.equal(
		parseUserAgent('[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488]')
			.product,
		'S3Console',
	);
	assert.equal(
		parseUserAgent('cloudformation.amazonaws.com').service,
		'cloudformation.amazonaws.com',
	);
});

test('categories group the families: tools, consoles, SDKs, AWS itself', () => {
	const category = (ua: string) => parseUserAgent(ua).category;
	assert.equal(category('stratus-red-team_39f95f43'), 'attack-tool');
	assert.equal(category('Scout Suite/5.12.0 Boto3/1.26.0'), 'audit-tool');
	assert.equal(category('console.amazonaws.com'), 'console');
	assert.equal(category('Boto3/1.26.0'), 'sdk');
	assert.equal(category('AWS Internal'), 'aws');
	assert.equal(category(`${tf} aws-sdk-go/1.49.6`), 'infrastructure');
	assert.equal(category('curl/8.5.0'), 'http');
	assert.equal(category('example-user-agent'), 'unknown');
	assert.equal(parseUserAgent(undefined).category, 'none');
});
