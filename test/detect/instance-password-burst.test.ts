import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagsOf, person, textOf, variants} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'instance-password-burst';

function passwords(count: number, extra: EventSpec = {}): EventSpec[] {
	return Array.from({length: count}, (_, n) => ({
		...person,
		role: 'ops',
		user: undefined,
		key: 'ASIAEXAMPLEOPS000001',
		time: new Date(Date.UTC(2024, 4, 1, 10, 0, n))
			.toISOString()
			.replace('.000', ''),
		eventName: 'GetPasswordData',
		eventSource: 'ec2.amazonaws.com',
		requestParameters: {instanceId: `i-0${String(n).padStart(16, 'a')}`},
		...extra,
	}));
}

test("many instances' passwords in a row are flagged on each call with the same words", () => {
	const flags = flagsOf(judged(passwords(6)), id);
	assert.ok(flags.every((f) => f?.severity === 'medium'));
	assert.equal(new Set(flags.map((f) => JSON.stringify(f?.evidence))).size, 1);
	assert.match(
		flags[0]?.evidence[0] ?? '',
		/asked for the Windows password of 6 instances in 6 calls/,
	);
	assert.match(
		textOf(flags[0]),
		/aws ec2 describe-instances --instance-ids i-0/,
	);
});

test('ten or more is high; all refused is one step lower', () => {
	assert.equal(flagsOf(judged(passwords(12)), id)[0]?.severity, 'high');
	const refused = flagsOf(
		judged(passwords(12, {errorCode: 'Client.UnauthorizedOperation'})),
		id,
	);
	assert.equal(refused[0]?.severity, 'medium');
	assert.match(textOf(refused[0]), /Client\.UnauthorizedOperation/);
});

test('near misses: a few passwords, one instance many times, the console', () => {
	assert.ok(flagsOf(judged(passwords(3)), id).every((f) => f === undefined));
	const same = passwords(8, {
		requestParameters: {instanceId: 'i-0123456789abcdef0'},
	});
	assert.ok(flagsOf(judged(same), id).every((f) => f === undefined));
	const console = passwords(8).map((spec) => variants(spec).console!);
	assert.ok(flagsOf(judged(console), id).every((f) => f === undefined));
});
