import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {parseFilter} from '../../source/query/filter.js';
import {makeEvents} from '../helpers/make-event.js';

const events = makeEvents([
	{
		time: '2024-05-01T10:00:00Z',
		user: 'alice',
		ip: '203.0.113.10',
		requestParameters: {bucketName: 'flaws2.cloud'},
		extra: {resources: [{ARN: 'arn:aws:s3:::a'}, {ARN: 'arn:aws:s3:::b'}]},
	},
	{
		time: '2024-05-01T10:05:00Z',
		role: 'level3',
		session: 'd190',
		key: 'ASIAEXAMPLE0000001',
		ip: '2001:db8::7',
		eventName: 'GetObject',
		errorCode: 'AccessDenied',
		ua: '[Mozilla/5.0 (Macintosh)]',
		region: 'eu-west-1',
	},
	{
		time: '2024-05-01T11:00:00Z',
		user: 'bob',
		ip: 'AWS Internal',
		eventName: 'PutImage',
		eventSource: 'ecr.amazonaws.com',
		console: true,
		errorCode: 'NoSuchKey',
	},
]);
events[1]!.flags = [
	{
		id: 'new-source-address',
		severity: 'medium',
		title: '',
		why: '',
		evidence: [],
		next: [],
	},
];
events[2]!.flags = [
	{
		id: 'reconnaissance-call',
		severity: 'low',
		title: '',
		why: '',
		evidence: [],
		next: [],
	},
];

/** The seqs of the events a filter keeps. */
function kept(text: string, list: TrailEvent[] = events): number[] {
	const parsed = parseFilter(text);
	assert.ok(
		parsed.ok,
		parsed.ok ? '' : `${parsed.error} at ${parsed.position}`,
	);
	return list.filter((e) => parsed.filter.test(e)).map((e) => e.seq);
}

function failure(text: string): {error: string; position: number} {
	const parsed = parseFilter(text);
	assert.ok(!parsed.ok, `"${text}" should not parse`);
	return {error: parsed.error, position: parsed.position};
}

test('= matches whole values in any case, != is its negation', () => {
	assert.deepEqual(kept('eventName=ListBuckets'), [0]);
	assert.deepEqual(kept('event=listbuckets'), [0]);
	assert.deepEqual(kept('name!=ListBuckets'), [1, 2]);
	assert.deepEqual(kept('eventName=List'), []);
});

test('~ matches a part in any case, !~ is its negation', () => {
	assert.deepEqual(kept('principal~LEVEL3'), [1]);
	assert.deepEqual(kept('who!~level3'), [0, 2]);
	assert.deepEqual(kept('ua~macintosh'), [1]);
});

test(': is = for text and an address range for ip, IPv4 and IPv6', () => {
	assert.deepEqual(kept('region:eu-west-1'), [1]);
	assert.deepEqual(kept('ip:203.0.113.0/24'), [0]);
	assert.deepEqual(kept('ip:2001:db8::/32'), [1]);
	assert.deepEqual(kept('source:203.0.113.10'), [0]);
	assert.deepEqual(kept('ip=2001:0db8:0:0::7'), [1]);
	assert.deepEqual(kept('ip="AWS Internal"'), [2]);
	assert.deepEqual(kept('!ip:10.0.0.0/8'), [0, 1, 2]);
	assert.deepEqual(kept('ip:::ffff:203.0.113.0/120'), [0]);
	// `10` is an old inet_aton form, not an address a person means.
	assert.match(failure('ip=10').error, /not an address/);
});

test('time ranges, spans and comparisons are UTC', () => {
	assert.deepEqual(kept('time:2024-05-01T10:00Z..2024-05-01T10:05Z'), [0, 1]);
	assert.deepEqual(kept('time:2024-05-01T10'), [0, 1]);
	assert.deepEqual(kept('time>2024-05-01T10:00Z'), [1, 2]);
	assert.deepEqual(kept('time>=2024-05-01T10:05:00Z'), [1, 2]);
	assert.deepEqual(kept('time<2024-05-01T10:05Z'), [0]);
	assert.deepEqual(kept('time<=2024-05-01T10:05Z'), [0, 1]);
	assert.deepEqual(kept('time:2024-05-01T12:05+02:00'), [1]);
	assert.deepEqual(kept('time:2024-05-01T10:30Z..'), [2]);
});

test('severity compares by rank and never matches unflagged events', () => {
	assert.deepEqual(kept('severity>=medium'), [1]);
	assert.deepEqual(kept('severity<medium'), [2]);
	assert.deepEqual(kept('severity:low'), [2]);
	assert.deepEqual(kept('severity!=low'), [0, 1]);
});

test('the other short fields', () => {
	assert.deepEqual(kept('key=ASIAEXAMPLE0000001'), [1]);
	assert.deepEqual(kept('role=level3 user=alice'), []);
	assert.deepEqual(kept('user=alice'), [0]);
	assert.deepEqual(kept('account=111122223333'), [0, 1, 2]);
	assert.deepEqual(kept('type=AssumedRole'), [1]);
	assert.deepEqual(kept('service=ecr'), [2]);
	assert.deepEqual(kept('service=ecr.amazonaws.com'), [2]);
	assert.deepEqual(kept('error=AccessDenied'), [1]);
	assert.deepEqual(kept('outcome=denied'), [1]);
	assert.deepEqual(kept('console:true'), [2]);
	assert.deepEqual(kept('console=no'), [0, 1]);
	assert.deepEqual(kept('flag=new-source-address'), [1]);
	assert.deepEqual(kept('flag~recon'), [2]);
});

test('any other name is a path into the record, through arrays', () => {
	assert.deepEqual(kept('requestParameters.bucketName=flaws2.cloud'), [0]);
	assert.deepEqual(kept('resources.ARN=arn:aws:s3:::b'), [0]);
	assert.deepEqual(kept('resources[1].ARN~:::b'), [0]);
	assert.deepEqual(kept('resources[0].ARN~:::b'), []);
	assert.deepEqual(kept('userIdentity.type=IAMUser'), [0, 2]);
	assert.deepEqual(kept('no.such.path!=x'), [0, 1, 2]);
});

test('bare words, negation, and joining by spaces or and', () => {
	assert.deepEqual(kept('flagged'), [1, 2]);
	assert.deepEqual(kept('!flagged'), [0]);
	assert.deepEqual(kept('console'), [2]);
	assert.deepEqual(kept('denied'), [1]);
	assert.deepEqual(kept('error'), [1, 2]);
	assert.deepEqual(kept('flagged and !denied'), [2]);
	assert.deepEqual(kept('flagged AND error  region=us-east-1'), [2]);
	assert.deepEqual(kept('!!flagged'), [1, 2]);
	assert.deepEqual(kept(''), [0, 1, 2]);
});

test('quoted values keep spaces and escaped quotes', () => {
	const [event] = makeEvents([{ua: 'say "hi" now'}]);
	assert.deepEqual(kept('ua="say \\"hi\\" now"', [event!]), [0]);
	assert.deepEqual(kept('ua~"hi\\" n"', [event!]), [0]);
	assert.deepEqual(kept('ua = "say'.concat(' \\"hi\\" now"'), [event!]), [0]);
});

test('errors say what is wrong and point at the place', () => {
	assert.deepEqual(failure('eventName='), {
		error: 'a value is expected after "="',
		position: 10,
	});
	assert.equal(failure('ua="open').position, 3);
	assert.equal(failure('ip:300.1.1.1/24').position, 3);
	assert.equal(failure('ip:1.2.3/8').position, 3);
	assert.equal(failure('ip:10.0.0.0/33').position, 3);
	assert.equal(failure('ip:2001:db8::/129').position, 3);
	assert.match(failure('ip:300.1.1.1/24').error, /not an address range/);
	assert.deepEqual(failure('flagged time:yesterday').position, 13);
	assert.deepEqual(failure('region>us').position, 6);
	assert.match(failure('region>us').error, /compares only time and severity/);
	assert.equal(failure('severity>=bad').position, 10);
	assert.equal(failure('console=maybe').position, 8);
	assert.deepEqual(failure('flagged foo'), {
		error:
			'unknown word "foo": write field=value (e.g. eventName=foo), or one of flagged, console, denied, error',
		position: 8,
	});
	// `or` and parentheses are the query language now (filter-query.test.ts).
	assert.equal(failure('flagged or').position, 8);
	assert.equal(failure('(flagged').position, 0);
	assert.equal(failure('and flagged').position, 0);
	assert.equal(failure('flagged and').position, 8);
	assert.equal(failure('flagged !').position, 9);
	assert.equal(failure('= x').position, 0);
	assert.equal(failure('time:2024-02-31').position, 5);
});

test('the filter keeps its text', () => {
	const parsed = parseFilter('flagged');
	assert.ok(parsed.ok);
	assert.equal(parsed.filter.text, 'flagged');
});
