import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {loadRecords} from '../../source/load/load-records.js';
import {agentKey, parseUserAgent} from '../../source/normalise/user-agent.js';
import {sharedData} from '../helpers/paths.js';

/**
Every distinct user agent of the shared public data, classified. The tables
below were recorded from the parser and checked by hand: a change to a rule
that moves an agent to another family, or leaves one unknown, shows here.
*/

/** Family, distinct agents, events. */
const families: Array<[string, number, number]> = [
	['aws-cli', 21, 107],
	['aws-internal', 6, 450],
	['aws-sdk', 2, 2],
	['aws-sdk-go', 9, 17],
	['aws-sdk-java', 1, 1],
	['aws-service', 18, 196],
	['boto3', 6, 54],
	['browser', 27, 157],
	['console', 13, 166],
	['datadog', 1, 1],
	['ec2-api-tools', 1, 2],
	['httplib2', 1, 3],
	['jersey', 1, 1],
	['lambda', 2, 6],
	['other', 6, 25],
	['python-requests', 1, 3],
	['ssm-agent', 2, 23],
	['stratus-red-team', 128, 1151],
	['terraform', 11, 1013],
	['trufflehog', 2, 3],
];

/** The only agents no rule knows: placeholders written into test fixtures. */
const unknown = [
	'68319f60-9dec-43b2-9702-de3a08c9d8a3',
	'<Victim browser user agent>',
	'SampleUserAgent',
	'[sample-user-agent]',
	'example-user-agent',
	'sample-user-agent',
];

/** What the baselines compare: family and OS, never versions or commands. */
const keys = [
	'aws-cli',
	'aws-cli|Linux',
	'aws-cli|Windows',
	'aws-cli|macOS',
	'aws-internal',
	'aws-sdk',
	'aws-sdk-go|Linux',
	'aws-sdk-go|macOS',
	'aws-sdk-java',
	'aws-service',
	'boto3',
	'boto3|Linux',
	'boto3|macOS',
	'browser',
	'browser|Linux',
	'browser|Windows',
	'browser|macOS',
	'console',
	'datadog',
	'ec2-api-tools',
	'httplib2',
	'jersey',
	'lambda',
	'other',
	'python-requests',
	'ssm-agent',
	'ssm-agent|Linux',
	'stratus-red-team',
	'stratus-red-team|Linux',
	'stratus-red-team|macOS',
	'terraform|Linux',
	'terraform|macOS',
	'trufflehog',
];

async function distinctAgents(): Promise<Map<string, number>> {
	const {records} = await loadRecords([sharedData]);
	const agents = new Map<string, number>();
	for (const {record} of records) {
		const ua = record['userAgent'];
		if (typeof ua === 'string' && ua !== '') {
			agents.set(ua, (agents.get(ua) ?? 0) + 1);
		}
	}

	return agents;
}

test('every distinct agent of the shared data falls in its recorded family', async (t) => {
	if (!existsSync(sharedData)) {
		t.skip(`no shared data at ${sharedData}`);
		return;
	}

	const agents = await distinctAgents();
	const seen = new Map<string, [number, number]>();
	const others: string[] = [];
	const seenKeys = new Set<string>();
	for (const [ua, events] of agents) {
		const info = parseUserAgent(ua);
		const counts = seen.get(info.family) ?? [0, 0];
		seen.set(info.family, [counts[0] + 1, counts[1] + events]);
		seenKeys.add(agentKey(info));
		if (info.family === 'other') {
			others.push(ua);
		}
	}

	const table = [...seen]
		.map(([family, [distinct, events]]) => [family, distinct, events])
		.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	assert.deepEqual(table, families);
	assert.deepEqual(others.sort(), [...unknown].sort());
	assert.deepEqual([...seenKeys].sort(), [...keys].sort());
});

test('the attack in the shared data is named: Stratus Red Team and TruffleHog', async (t) => {
	if (!existsSync(sharedData)) {
		t.skip(`no shared data at ${sharedData}`);
		return;
	}

	const offensive = new Map<string, number>();
	for (const [ua, events] of await distinctAgents()) {
		const name = parseUserAgent(ua).offensive;
		if (name !== undefined) {
			offensive.set(name, (offensive.get(name) ?? 0) + events);
		}
	}

	assert.deepEqual([...offensive].sort(), [
		['stratus-red-team', 1151],
		['trufflehog', 3],
	]);
});
