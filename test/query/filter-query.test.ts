import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {
	latestTime,
	maxDepth,
	parseFilter,
	parseQuery,
	type QueryContext,
} from '../../source/query/filter.js';
import {makeEvents} from '../helpers/make-event.js';

/**
The query language: `or`, `and`, `not`, parentheses, `in (…)`, regular
expressions, CIDR ranges after `=`, and time relative to the newest event.
*/

const events = makeEvents([
	{
		time: '2024-05-01T08:00:00Z',
		eventName: 'ListBuckets',
		eventSource: 's3.amazonaws.com',
		ip: '203.0.113.10',
		user: 'alice',
	},
	{
		time: '2024-05-01T09:30:00Z',
		eventName: 'GetObject',
		eventSource: 's3.amazonaws.com',
		ip: '2001:db8::7',
		role: 'level3',
		errorCode: 'AccessDenied',
		outcome: 'denied',
	},
	{
		time: '2024-05-01T09:59:00Z',
		eventName: 'Decrypt',
		eventSource: 'kms.amazonaws.com',
		ip: 'AWS Internal',
		user: 'bob',
	},
	{
		time: '2024-05-01T10:00:00Z',
		eventName: 'DescribeInstances',
		eventSource: 'ec2.amazonaws.com',
		ip: '198.51.100.20',
		user: 'alice',
		ua: 'aws-cli/2.15 Python/3.11 Linux',
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

const latest = latestTime(events)!;

/** The seqs of the events a filter keeps. */
function kept(
	text: string,
	context: QueryContext = {latest},
	list: readonly TrailEvent[] = events,
): number[] {
	const parsed = parseFilter(text, context);
	assert.ok(
		parsed.ok,
		parsed.ok ? '' : `${text}: ${parsed.error} at ${parsed.position}`,
	);
	return list.filter((e) => parsed.filter.test(e)).map((e) => e.seq);
}

function failure(text: string): {error: string; position: number} {
	const parsed = parseQuery(text);
	assert.ok(!parsed.ok, `"${text}" should not parse`);
	return {error: parsed.error, position: parsed.position};
}

test('or keeps events that match either side', () => {
	assert.deepEqual(kept('eventName=ListBuckets or eventName=Decrypt'), [0, 2]);
	assert.deepEqual(kept('user=alice OR flagged'), [0, 1, 3]);
});

test('not binds tighter than and, and tighter than or', () => {
	// (alice and !ListBuckets) or Decrypt
	assert.deepEqual(
		kept('user=alice and not eventName=ListBuckets or eventName=Decrypt'),
		[2, 3],
	);
	// alice and (!ListBuckets or Decrypt)
	assert.deepEqual(
		kept('user=alice and (not eventName=ListBuckets or eventName=Decrypt)'),
		[3],
	);
	// Juxtaposition is and: a b or c is (a b) or c.
	assert.deepEqual(kept('user=alice service=ec2 or flagged'), [1, 3]);
	assert.deepEqual(kept('!flagged or denied'), [0, 1, 2, 3]);
	assert.deepEqual(kept('not not flagged'), [1]);
});

test('! or not before a group inverts the group', () => {
	assert.deepEqual(kept('!(service=kms or eventName~Describe)'), [0, 1]);
	assert.deepEqual(kept('not (service=kms or eventName~Describe)'), [0, 1]);
	assert.deepEqual(kept('!(user=alice service=s3)'), [1, 2, 3]);
	assert.deepEqual(kept('((flagged))'), [1]);
	assert.deepEqual(kept('!(!(flagged))'), [1]);
	assert.deepEqual(kept('(flagged)(user=bob)'), []);
	assert.deepEqual(kept('(flagged) or(user=bob)'), [1, 2]);
});

test('in lists values, for text, addresses and times, and is negated by ! and not', () => {
	assert.deepEqual(kept('eventName in (ListBuckets, GetObject)'), [0, 1]);
	assert.deepEqual(kept('eventName IN (listbuckets,decrypt)'), [0, 2]);
	assert.deepEqual(kept('eventName in ("ListBuckets")'), [0]);
	assert.deepEqual(kept('!eventName in (ListBuckets, GetObject)'), [2, 3]);
	assert.deepEqual(kept('not eventName in (ListBuckets, GetObject)'), [2, 3]);
	assert.deepEqual(kept('eventName not in (ListBuckets, GetObject)'), [2, 3]);
	assert.deepEqual(
		kept('ip in (203.0.113.0/24, 2001:db8::/32, "AWS Internal")'),
		[0, 1, 2],
	);
	assert.deepEqual(kept('severity in (medium, high)'), [1]);
	assert.deepEqual(kept('time in (2024-05-01T08, 2024-05-01T10)'), [0, 3]);
	assert.deepEqual(kept('eventName in (/^list/i, Decrypt)'), [0, 2]);
	// A field may be named `in`.
	assert.deepEqual(kept('in=3'), []);
});

test('a value /regex/ tests a regular expression; /regex/i in any case', () => {
	assert.deepEqual(kept('eventName=/^(List|Get)/'), [0, 1]);
	assert.deepEqual(kept('eventName~/^list/'), []);
	assert.deepEqual(kept('eventName~/^list/i'), [0]);
	assert.deepEqual(kept('eventName!=/^(List|Get)/'), [2, 3]);
	assert.deepEqual(kept('eventName!~/s$/'), [1, 2]);
	assert.deepEqual(kept('ua=/aws-cli\\/2\\.\\d+ Python/'), [3]);
	assert.deepEqual(kept('ua=/2\\.15 Python\\/(3|4)/'), [3]);
	assert.deepEqual(kept('ip=/^203\\./'), [0]);
	assert.deepEqual(kept('(eventName=/t$/ or user=bob)'), [1, 2]);
	// Not a whole /…/ or /…/i: the text, as before regular expressions.
	assert.deepEqual(kept('file~/tmp/x'), []);
	assert.deepEqual(kept('eventName="/^List/"'), []);
});

test('= and != take an address range, IPv4 and IPv6', () => {
	assert.deepEqual(kept('ip=203.0.113.0/24'), [0]);
	assert.deepEqual(kept('ip=2001:db8::/32'), [1]);
	assert.deepEqual(kept('ip!=203.0.113.0/24'), [1, 2, 3]);
	assert.deepEqual(kept('ip=198.51.100.0/24 or ip=2001:db8::/32'), [1, 3]);
	assert.deepEqual(kept('ip:0.0.0.0/0'), [0, 3]);
});

test('last 2h is the span that ends at the newest event loaded', () => {
	// The newest event is at 10:00.
	assert.deepEqual(kept('last 2h'), [0, 1, 2, 3]);
	assert.deepEqual(kept('last 90m'), [1, 2, 3]);
	assert.deepEqual(kept('last 30m'), [1, 2, 3]);
	assert.deepEqual(kept('last 29m'), [2, 3]);
	assert.deepEqual(kept('last 90s'), [2, 3]);
	assert.deepEqual(kept('last 1d'), [0, 1, 2, 3]);
	assert.deepEqual(kept('LAST 1s'), [3]);
	assert.deepEqual(kept('!last 30m'), [0]);
	assert.deepEqual(kept('last 2h and flagged'), [1]);
	// The same query over older logs: relative to their newest event.
	const older = events.slice(0, 2);
	assert.deepEqual(kept('last 1h', {latest: latestTime(older)}, older), [1]);
	// Nothing loaded, nothing newest: nothing matches.
	assert.deepEqual(kept('last 2h', {}), []);
});

test('newest-2h is a time before the newest event, in any time clause', () => {
	assert.deepEqual(kept('time>=newest-30m'), [1, 2, 3]);
	assert.deepEqual(kept('time>newest-30m'), [2, 3]);
	assert.deepEqual(kept('time<=newest-30m'), [0, 1]);
	assert.deepEqual(kept('time<newest-30m'), [0]);
	assert.deepEqual(kept('time=newest'), [3]);
	assert.deepEqual(kept('time:newest-1h..newest-1m'), [1, 2]);
	assert.deepEqual(kept('time:2024-05-01T09..newest'), [1, 2, 3]);
	assert.deepEqual(kept('time:newest..2024-05-01T09'), []);
	assert.deepEqual(kept('time>=newest-2h', {}), []);
});

test('absolute times: minute, hour, day, with or without Z or an offset', () => {
	assert.deepEqual(kept('time>2024-05-01T09:30'), [2, 3]);
	assert.deepEqual(kept('time>2024-05-01T09:30Z'), [2, 3]);
	assert.deepEqual(kept('time>=2024-05-01T09:30:00'), [1, 2, 3]);
	assert.deepEqual(kept('time<2024-05-01T11:30+02:00'), [0]);
	assert.deepEqual(kept('time<2024-05-01T12:00+02:00'), [0, 1, 2]);
	assert.deepEqual(kept('time=2024-05-01'), [0, 1, 2, 3]);
	assert.deepEqual(kept('time:"2024-05-01 09:59"'), [2]);
	assert.deepEqual(kept('time>2024-04-30'), [0, 1, 2, 3]);
});

test('errors name the mistake and its position', () => {
	const cases: Array<[string, number, RegExp]> = [
		['(flagged', 0, /never closed/],
		['flagged and (user=alice or (denied)', 12, /never closed/],
		['flagged)', 7, /closes no "\("/],
		['()', 0, /empty parentheses/],
		['flagged or', 8, /"or" needs a clause on each side/],
		['or flagged', 0, /"or" needs a clause on each side/],
		['flagged or or denied', 8, /"or" needs a clause/],
		['(flagged or) denied', 9, /"or" needs a clause/],
		['flagged and or denied', 8, /"and" needs a clause/],
		['not', 3, /"not" needs a clause after it/],
		['flagged !', 9, /"!" needs a clause after it/],
		['!(flagged) or !', 15, /"!" needs a clause/],
		['eventName^x', 9, /"\^" is not an operator/],
		['eventName ^ x', 10, /"\^" is not an operator/],
		['flagged && denied', 8, /write "and"/],
		['flagged || denied', 8, /write "or"/],
		['flagged, denied', 7, /comma separates the values of a list/],
		['eventName=/(/', 10, /not a valid regular expression/],
		['eventName~/a[/i', 10, /not a valid regular expression/],
		['time>/x/', 4, /does not take a regular expression/],
		['ip=10.0.0.0/33', 3, /not an address range/],
		['ip in (10.0.0.0/8, 300.1.1.1/8)', 19, /not an address range/],
		['time>2024-13-01', 5, /not a time/],
		['time>newest-2', 5, /not a time/],
		['eventName in ListBuckets', 13, /takes a list in parentheses/],
		['eventName in ()', 13, /the list is empty/],
		['eventName in (a b)', 16, /separate the values with commas/],
		['eventName in (a,)', 16, /a value is expected after ","/],
		['eventName in (a, b', 13, /never closed/],
		['severity in (high, bad)', 19, /not a severity/],
		['last', 0, /"last" takes a span/],
		['last 2x', 5, /"last" takes a span/],
		['last 0h', 5, /"last" takes a span/],
		['flagged last yesterday', 8, /"last" takes a span/],
		['eventName=', 10, /a value is expected after "="/],
		['eventName=)', 10, /a value is expected after "="/],
		['ua~f(x)', 6, /closes no "\(".*quote/],
	];
	for (const [text, position, message] of cases) {
		const got = failure(text);
		assert.match(got.error, message, text);
		assert.equal(got.position, position, `${text}: ${got.error}`);
	}
});

test('nesting deeper than the bound is an error, never a stack overflow', () => {
	const deep = '('.repeat(maxDepth + 1) + 'flagged' + ')'.repeat(maxDepth + 1);
	assert.match(failure(deep).error, /too many parentheses/);
	const fine = '('.repeat(maxDepth) + 'flagged' + ')'.repeat(maxDepth);
	assert.deepEqual(kept(fine), [1]);
	const huge = '('.repeat(100_000);
	assert.doesNotThrow(() => parseQuery(huge));
	assert.deepEqual(kept('!'.repeat(100_001) + 'flagged'), [0, 2, 3]);
	const chain = Array.from({length: 20_000}, () => 'flagged').join(' or ');
	assert.deepEqual(kept(chain), [1]);
});

test('the old filters read as before', () => {
	assert.deepEqual(kept('flagged and !denied'), []);
	assert.deepEqual(kept('eventName=ListBuckets user=alice'), [0]);
	assert.deepEqual(kept('!!flagged'), [1]);
	assert.deepEqual(kept('and=x'), []);
	assert.deepEqual(kept('or!=x'), [0, 1, 2, 3]);
	assert.deepEqual(kept(''), [0, 1, 2, 3]);
	assert.deepEqual(kept('   '), [0, 1, 2, 3]);
});

test('latestTime is the newest readable time, whatever the order', () => {
	assert.equal(latestTime([]), undefined);
	const [a, b] = makeEvents([{time: '2024-05-01T10:00:00Z'}, {time: 'x'}]);
	assert.equal(latestTime([b!, a!]), Date.parse('2024-05-01T10:00:00Z'));
	assert.equal(latestTime([b!]), undefined);
});
