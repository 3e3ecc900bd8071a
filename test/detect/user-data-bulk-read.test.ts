import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {clients, flagsOf, person, textOf, variants} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'user-data-bulk-read';

function reads(
	count: number,
	extra: EventSpec = {},
	attribute = 'userData',
): EventSpec[] {
	return Array.from({length: count}, (_, n) => ({
		...person,
		time: new Date(Date.UTC(2024, 4, 1, 10, 0, n))
			.toISOString()
			.replace('.000', ''),
		eventName: 'DescribeInstanceAttribute',
		eventSource: 'ec2.amazonaws.com',
		requestParameters: {instanceId: `i-0${n}abcdef`, attribute},
		...extra,
	}));
}

test('user data read for many instances is flagged on each read, same words, with the decode command', () => {
	const flags = flagsOf(judged(reads(7)), id);
	assert.ok(flags.every((f) => f?.severity === 'medium'));
	assert.equal(new Set(flags.map((f) => JSON.stringify(f?.evidence))).size, 1);
	assert.match(
		flags[0]?.evidence[0] ?? '',
		/^mallory read the user data of 7 instances in 7 calls/,
	);
	assert.match(
		textOf(flags[0]),
		/--query UserData\.Value --output text --region us-east-1 \| base64 --decode/,
	);
});

test('fifteen refused reads by an attack tool: high lowered to medium, tool named', () => {
	const flags = flagsOf(
		judged(
			reads(15, {
				ua: clients.stratus,
				errorCode: 'Client.UnauthorizedOperation',
			}),
		),
		id,
	);
	assert.equal(flags[0]?.severity, 'medium');
	assert.match(textOf(flags[0]), /names Stratus Red Team/);
});

test('near misses: other attributes, a few instances, Terraform refreshing its instances, the console', () => {
	assert.ok(
		flagsOf(judged(reads(7, {}, 'disableApiTermination')), id).every(
			(f) => f === undefined,
		),
	);
	assert.ok(flagsOf(judged(reads(4)), id).every((f) => f === undefined));
	for (const name of ['terraform', 'console', 'cloudFormation']) {
		const specs = reads(7).map((spec) => variants(spec)[name]!);
		assert.ok(
			flagsOf(judged(specs), id).every((f) => f === undefined),
			name,
		);
	}
});
