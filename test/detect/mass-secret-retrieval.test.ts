import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {clients, flagsOf, person, textOf, variants} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'mass-secret-retrieval';

const at = (second: number) =>
	new Date(Date.UTC(2024, 4, 1, 10, 0, second))
		.toISOString()
		.replace('.000', '');

function getSecret(n: number, extra: EventSpec = {}): EventSpec {
	return {
		...person,
		time: at(n),
		eventName: 'GetSecretValue',
		eventSource: 'secretsmanager.amazonaws.com',
		requestParameters: {
			secretId: `arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-${n}-AbCdEf`,
		},
		...extra,
	};
}

const burst = (count: number, extra: EventSpec = {}) =>
	Array.from({length: count}, (_, n) => getSecret(n, extra));

test('twelve distinct secrets in seconds are high, with the same words on every call', () => {
	const events = judged(burst(12));
	const flags = flagsOf(events, id);
	assert.ok(flags.every((f) => f?.severity === 'high'));
	assert.equal(new Set(flags.map((f) => JSON.stringify(f?.evidence))).size, 1);
	assert.match(
		flags[0]?.evidence[0] ?? '',
		/^mallory read 12 distinct secrets in 12 calls between 2024-05-01 10:00:00 and 10:00:11, from 198\.51\.100\.23 \(outside AWS\)\.$/,
	);
	assert.match(
		textOf(flags[0]),
		/They include prod\/db-0-AbCdEf, prod\/db-1-AbCdEf, prod\/db-2-AbCdEf, prod\/db-3-AbCdEf and 8 more\./,
	);
});

test('five to nine distinct secrets are medium', () => {
	const flags = flagsOf(judged(burst(6)), id);
	assert.ok(flags.every((f) => f?.severity === 'medium'));
});

test('SecureString parameters with decryption count, GetParameters names one by one', () => {
	const events = judged([
		{
			...person,
			time: at(0),
			eventName: 'GetParameters',
			eventSource: 'ssm.amazonaws.com',
			requestParameters: {
				names: ['/app/a', '/app/b', '/app/c', '/app/d', '/app/e'],
				withDecryption: true,
			},
		},
	]);
	const flag = flagsOf(events, id)[0];
	assert.equal(flag?.severity, 'medium');
	assert.match(
		flag?.evidence[0] ?? '',
		/read 5 distinct SecureString parameters in 1 call/,
	);
});

test('BatchGetSecretValue with a filter is a bulk read by itself', () => {
	const events = judged([
		{
			...person,
			eventName: 'BatchGetSecretValue',
			eventSource: 'secretsmanager.amazonaws.com',
			requestParameters: {
				filters: [{key: 'tag-key', values: ['!tagKeyThatWillNeverExist']}],
			},
		},
	]);
	assert.match(
		textOf(flagsOf(events, id)[0]),
		/every secret matching a filter/,
	);
});

test('all refused is one step lower and says nothing was read', () => {
	const flags = flagsOf(
		judged(burst(12, {errorCode: 'AccessDeniedException'})),
		id,
	);
	assert.equal(flags[0]?.severity, 'medium');
	assert.match(
		textOf(flags[0]),
		/AWS refused or failed every one \(AccessDeniedException\): nothing was read/,
	);
});

test('near misses: one secret read again and again, plain parameters, slow reads', () => {
	const sameSecret = Array.from({length: 20}, (_, n) =>
		getSecret(n, {requestParameters: {secretId: 'prod/db'}}),
	);
	assert.ok(flagsOf(judged(sameSecret), id).every((f) => f === undefined));
	const plain: EventSpec = {
		...person,
		eventName: 'GetParameters',
		eventSource: 'ssm.amazonaws.com',
		requestParameters: {names: ['/a', '/b', '/c', '/d', '/e']},
	};
	assert.equal(flagsOf(judged([plain]), id)[0], undefined);
	const slow = Array.from({length: 6}, (_, n) => ({
		...getSecret(n),
		time: new Date(Date.UTC(2024, 4, 1, 10 + n))
			.toISOString()
			.replace('.000', ''),
	}));
	assert.ok(flagsOf(judged(slow), id).every((f) => f === undefined));
});

test('near misses: Terraform reading back what it wrote, the console, an AWS service', () => {
	for (const name of ['terraform', 'console', 'invokedByService']) {
		const specs = burst(12).map((spec) => variants(spec)[name]!);
		assert.ok(
			flagsOf(judged(specs), id).every((f) => f === undefined),
			name,
		);
	}
});

test("Terraform reads in between do not join or break a person's burst", () => {
	const specs = burst(12).flatMap((spec, n) => [
		spec,
		{...spec, time: at(n), ua: clients.terraform},
	]);
	const events = judged(specs);
	const flagged = events.filter((e) => e.flags.some((f) => f.id === id));
	assert.equal(flagged.length, 12);
	assert.ok(flagged.every((e) => e.userAgent === clients.cli));
});
