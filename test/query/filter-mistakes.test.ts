import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseFilter} from '../../source/query/filter.js';
import {makeEvents} from '../helpers/make-event.js';

/**
Filters that used to parse and then silently match nothing: each must now be
refused with a message that says what to write, at the mistake's position.
*/

const events = makeEvents([
	{ip: '203.0.113.10', outcome: 'success'},
	{ip: 'ec2.amazonaws.com', errorCode: 'AccessDenied', outcome: 'denied'},
	{
		eventName: 'ConsoleLogin',
		ip: null,
		outcome: 'error',
		responseElements: {ConsoleLogin: 'Failure'},
	},
]);
events[0]!.flags = [
	{
		id: 'new-source-address',
		severity: 'medium',
		title: '',
		why: '',
		evidence: [],
		next: [],
	},
];

function failure(text: string): {error: string; position: number} {
	const parsed = parseFilter(text);
	assert.ok(!parsed.ok, `"${text}" should not parse`);
	return {error: parsed.error, position: parsed.position};
}

function kept(text: string): number[] {
	const parsed = parseFilter(text);
	assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
	return events.filter((e) => parsed.filter.test(e)).map((e) => e.seq);
}

test('an ip value that is no address, range or source name is refused', () => {
	assert.equal(failure('ip:foo').position, 3);
	assert.match(failure('ip:foo').error, /not an address.*ip~foo/);
	assert.equal(failure('flagged ip=foo').position, 11);
	assert.match(failure('ip=10.0.0.256').error, /not an address/);
	assert.deepEqual(kept('ip~foo'), []);
	assert.deepEqual(kept('ip=ec2.amazonaws.com'), [1]);
	assert.deepEqual(kept('ip!=203.0.113.10'), [1, 2]);
});

test('an outcome must be success, denied or error, with failure and failed for error', () => {
	assert.deepEqual(failure('outcome=bogus'), {
		error:
			'"bogus" is not an outcome: use success, denied or error (failure and failed mean error)',
		position: 8,
	});
	assert.deepEqual(kept('outcome=failure'), [2]);
	assert.deepEqual(kept('outcome=FAILED'), [2]);
	assert.deepEqual(kept('outcome=error'), [2]);
	assert.deepEqual(kept('outcome:denied'), [1]);
	assert.deepEqual(kept('outcome!=success'), [1, 2]);
});

test('a doubled operator is refused at the second one', () => {
	assert.deepEqual(failure('eventName=='), {
		error:
			'"==" is two operators: write one (quote a value that starts with "=")',
		position: 10,
	});
	assert.equal(failure('eventName==ListBuckets').position, 10);
	assert.equal(failure('time=>2024-05-01').position, 5);
	assert.equal(failure('eventName~~x').position, 10);
	assert.deepEqual(kept('eventName="=x"'), []);
	assert.deepEqual(kept('ip:::ffff:203.0.113.0/120'), [0]);
});

test('an unknown flag id names the ids that exist and the nearest one', () => {
	const {error, position} = failure('flag=nonexistent');
	assert.equal(position, 5);
	assert.match(error, /^no flag "nonexistent": did you mean [a-z-]+\?/);
	assert.match(error, /workload-credential-outside-aws/);
	assert.match(
		failure('flag=new-source-adress').error,
		/did you mean new-source-address\?/,
	);
	assert.match(failure('flag~zzz').error, /^no flag "zzz"/);
	assert.deepEqual(kept('flag=new-source-address'), [0]);
	assert.deepEqual(kept('flag~source'), [0]);
});

test('a span that ends before it starts says so', () => {
	const text = 'time:2018-11-28T23:05Z..2018-11-28T23:00Z';
	const {error, position} = failure(text);
	assert.equal(position, 5);
	assert.match(error, /the span ends before it starts/);
	assert.doesNotMatch(error, /is not a time/);
	assert.match(failure('time:2018-11-28T23:05Z..nope').error, /is not a time/);
});

test('every reversed span is refused, whatever the precision or newest form', () => {
	// Issue 5, item 8: only minute precision was refused.
	for (const [text, position] of [
		['time:2023-07-11..2023-07-10', 5],
		['time:2023-07-11T10..2023-07-11T09', 5],
		['time:2023-07-11T10:00:00.500..2023-07-11T10:00:00.499', 5],
		['time:newest-1h..newest-2h', 5],
		['time:newest..newest-1s', 5],
		['time>=newest-1h..newest-2h', 6],
		['flagged or time in (2024-01-01, 2023-07-11..2023-07-10)', 32],
	] as const) {
		const {error, position: at} = failure(text);
		assert.match(error, /the span ends before it starts/, text);
		assert.equal(at, position, text);
	}

	for (const text of [
		'time:2023-07-10..2023-07-11',
		'time:2023-07-11..2023-07-11',
		'time:2023-07-11T10..2023-07-11',
		'time:newest-1h..newest-1h',
		'time:newest-2h..newest',
		'time:2023-07-11..newest',
	]) {
		assert.ok(parseFilter(text).ok, text);
	}
});

test('regular expression flags other than i are an error at the flag', () => {
	// Issue 5, item 9: `/boto/gi` was read as text and matched nothing.
	for (const [text, position, flag] of [
		['ua=/boto/gi', 9, 'g'],
		['eventName=/abc/g', 15, 'g'],
		['ua~/a/m', 6, 'm'],
		['ua in (/a/i, /b/s)', 16, 's'],
	] as const) {
		const {error, position: at} = failure(text);
		assert.equal(at, position, text);
		assert.match(error, new RegExp(`only the flag i .*not "${flag}"`), text);
		assert.match(error, /in quotes for the text/, text);
	}

	// Paths that are no regular expression stay text.
	for (const text of ['ua=/var/log', 'ua=/tmp/x', 'ua="/boto/gi"']) {
		assert.ok(parseFilter(text).ok, text);
	}
});

test('flagged and denied take true or false; error=true says what to write', () => {
	assert.deepEqual(kept('flagged=true'), kept('flagged'));
	assert.deepEqual(kept('flagged=false'), kept('!flagged'));
	assert.deepEqual(kept('denied=true'), kept('denied'));
	assert.deepEqual(kept('DENIED=no'), kept('!denied'));
	assert.match(failure('flagged=maybe').error, /true or false/);
	const {error, position} = failure('eventName=x or error=true');
	assert.equal(position, 21);
	assert.match(error, /bare word error.*!error/);
	assert.ok(parseFilter('error=AccessDenied').ok);
});
