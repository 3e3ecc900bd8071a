import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseQuery} from '../../source/query/filter.js';
import {
	selectionFilter,
	timeFlagClause,
} from '../../source/query/filter-flags.js';

function text(
	flags: Parameters<typeof selectionFilter>[0],
): string | undefined {
	const result = selectionFilter(flags);
	assert.ok(result.ok, result.ok ? '' : result.error);
	if (result.text !== undefined) {
		assert.ok(parseQuery(result.text).ok, result.text);
	}

	return result.text;
}

test('--since and --until become time clauses', () => {
	assert.equal(timeFlagClause('since', '2h'), 'last 2h');
	assert.equal(timeFlagClause('until', '30m'), 'time<=newest-30m');
	assert.equal(
		timeFlagClause('since', '2018-11-28T23:00Z'),
		'time>=2018-11-28T23:00Z',
	);
	assert.equal(
		timeFlagClause('until', '2018-11-28 23:00'),
		'time<="2018-11-28 23:00"',
	);
	assert.equal(timeFlagClause('since', 'yesterday'), undefined);
	assert.equal(timeFlagClause('since', '2018'), undefined);
});

test('the flags make one filter text, an or in --filter kept whole', () => {
	assert.equal(text({}), undefined);
	assert.equal(text({filter: '  '}), undefined);
	assert.equal(text({filter: 'principal~level3'}), 'principal~level3');
	assert.equal(
		text({filter: 'a=1 or b=2', flagged: true, since: '2h'}),
		'(a=1 or b=2) flagged last 2h',
	);
	assert.equal(
		text({since: '2018-11-28', until: '2018-11-29'}),
		'time>=2018-11-28 time<=2018-11-29',
	);
	assert.equal(text({flagged: true}), 'flagged');
});

test('what is wrong names the flag, and the position in --filter', () => {
	assert.deepEqual(selectionFilter({filter: 'eventName=', since: '2h'}), {
		ok: false,
		flag: '--filter',
		error: 'a value is expected after "="',
		position: 10,
	});
	const since = selectionFilter({since: 'soon'});
	assert.ok(!since.ok);
	assert.equal(since.flag, '--since');
	assert.equal(since.position, undefined);
	const until = selectionFilter({until: '2018-11-28T25:00'});
	assert.ok(!until.ok);
	assert.equal(until.flag, '--until');
	for (const [since, until] of [
		['1h', '2h'],
		['2018-11-28T23:05', '2018-11-28T23:04'],
	] as const) {
		const result = selectionFilter({since, until});
		assert.ok(!result.ok, `${since} ${until}`);
		assert.match(result.error, /starts after --until/);
	}

	assert.ok(selectionFilter({since: '2h', until: '2h'}).ok);
	assert.ok(
		selectionFilter({since: '2018-11-28T23:05', until: '2018-11-28T23:05'}).ok,
	);
	// A time and a span: which is first depends on the logs.
	assert.ok(selectionFilter({since: '2018-11-28', until: '1h'}).ok);
});
