import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {
	clients,
	flagFor,
	flagsOf,
	person,
	textOf,
	variants,
} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'unused-region-activity';

/** Sixty ordinary calls in us-east-1, one a minute from 08:00. */
function usualDay(count = 60): EventSpec[] {
	return Array.from({length: count}, (_, n) => ({
		...person,
		time: new Date(Date.UTC(2024, 4, 1, 8, n))
			.toISOString()
			.replace('.000', ''),
		eventName: n % 2 ? 'DescribeInstances' : 'PutObject',
		eventSource: n % 2 ? 'ec2.amazonaws.com' : 's3.amazonaws.com',
	}));
}

const inNorth = (time: string, extra: EventSpec = {}): EventSpec => ({
	...person,
	time,
	region: 'eu-north-1',
	eventName: 'CreateKeyPair',
	eventSource: 'ec2.amazonaws.com',
	...extra,
});

test('writes in a region first touched late are flagged the same way on each', () => {
	const events = judged([
		...usualDay(),
		inNorth('2024-05-01T10:00:00Z'),
		inNorth('2024-05-01T10:01:00Z', {eventName: 'RunInstances'}),
	]);
	const [a, b] = flagsOf(events, id).slice(-2);
	assert.equal(a?.severity, 'medium');
	assert.equal(
		a?.title,
		'Changes in eu-north-1, a region the account does not use',
	);
	assert.deepEqual(
		a?.evidence,
		b?.evidence,
		'same words on every event of the region',
	);
	assert.match(
		textOf(a),
		/2 changes in eu-north-1 between 2024-05-01 10:00:00 and 10:01:00, by mallory: CreateKeyPair and RunInstances\./,
	);
	assert.match(
		textOf(a),
		/The account's calls in the loaded logs are in us-east-1 \(60 calls\); eu-north-1 holds 2 calls of 62\./,
	);
	assert.match(
		textOf(a),
		/Its first call in eu-north-1 was CreateKeyPair at 10:00:00 by mallory, after 60 calls elsewhere\./,
	);
});

test('near misses: reads there, writes in the usual region, logs too short to know', () => {
	const reads = judged([
		...usualDay(),
		inNorth('2024-05-01T10:00:00Z', {
			eventName: 'DescribeInstances',
			extra: {readOnly: true},
		}),
	]);
	assert.equal(flagsOf(reads, id).at(-1), undefined);
	const usual = judged(usualDay());
	assert.ok(flagsOf(usual, id).every((f) => f === undefined));
	const short = judged([...usualDay(10), inNorth('2024-05-01T10:00:00Z')]);
	assert.equal(flagsOf(short, id).at(-1), undefined);
});

test('near misses: global services, AWS services and Terraform', () => {
	const iamCall = inNorth('2024-05-01T10:00:00Z', {
		eventName: 'CreateUser',
		eventSource: 'iam.amazonaws.com',
	});
	const v = variants(inNorth('2024-05-01T10:00:00Z'));
	for (const spec of [
		iamCall,
		v.awsService!,
		v.invokedByService!,
		v.terraform!,
	]) {
		const events = judged([...usualDay(), spec]);
		assert.equal(
			flagsOf(events, id).at(-1),
			undefined,
			JSON.stringify(spec.ua),
		);
	}
});

test('a console write in the unused region still counts', () => {
	const events = judged([
		...usualDay(),
		variants(inNorth('2024-05-01T10:00:00Z')).console!,
	]);
	assert.equal(flagsOf(events, id).at(-1)?.severity, 'medium');
});

test('EnableRegion is medium and names the region', () => {
	const flag = flagFor(
		{
			...person,
			eventName: 'EnableRegion',
			eventSource: 'account.amazonaws.com',
			requestParameters: {RegionName: 'af-south-1'},
		},
		id,
	);
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'A region was enabled');
	assert.match(
		flag?.evidence[0] ?? '',
		/it enables af-south-1 for the account\.$/,
	);
	assert.ok(
		flag?.next.includes(
			"See the region's state: aws account get-region-opt-status --region-name af-south-1",
		),
	);
});

test('EnableRegion by Terraform is low; refused is low too', () => {
	const enable: EventSpec = {
		...person,
		eventName: 'EnableRegion',
		eventSource: 'account.amazonaws.com',
		requestParameters: {RegionName: 'af-south-1'},
	};
	assert.equal(
		flagFor({...enable, ua: clients.terraform}, id)?.severity,
		'low',
	);
	assert.equal(
		flagFor({...enable, errorCode: 'AccessDenied'}, id)?.severity,
		'low',
	);
});
