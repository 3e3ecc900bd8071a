import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {jsonLines, runBuiltCli} from './run-cli.js';

/**
`--since` and `--until`: absolute UTC times, or spans counted back from the
newest event loaded (flaws2's is 2018-11-28T23:09:36Z), for --json and
--report alike, joined to --filter. The expected counts are worked out here
from the unfiltered output's times, and pinned.
*/

const flaws2 = ['samples/flaws2', '--iam', 'samples/flaws2/level3.json'];

function times(args: readonly string[]): string[] {
	const run = runBuiltCli(['--json', ...args, ...flaws2]);
	assert.equal(run.status, 0, run.stderr);
	return jsonLines(run).map((line) => String(line['eventTime']));
}

const all = times([]);
const ms = (time: string): number => Date.parse(time);
const newest = Math.max(...all.map((time) => ms(time)));

describe('--since and --until', () => {
	test('a span counts back from the newest event, not from the clock', () => {
		const since = times(['--since', '5m']);
		const expected = all.filter((t) => ms(t) >= newest - 5 * 60_000);
		assert.deepEqual(since, expected);
		assert.equal(since.length, 12);
		const until = times(['--until', '6m']);
		assert.deepEqual(
			until,
			all.filter((t) => ms(t) <= newest - 6 * 60_000),
		);
		assert.equal(until.length, 24);
		// The same as the filter clause it stands for.
		assert.deepEqual(times(['--filter', 'last 5m']), since);
	});

	test('an absolute time covers its whole unit, both ends included', () => {
		const since = times(['--since', '2018-11-28T23:05']);
		assert.deepEqual(
			since,
			all.filter((t) => t >= '2018-11-28T23:05:00Z'),
		);
		assert.equal(since.length, 11);
		const until = times(['--until', '2018-11-28T23:03Z']);
		assert.deepEqual(
			until,
			all.filter((t) => t < '2018-11-28T23:04:00Z'),
		);
		assert.equal(until.length, 25);
		const both = times([
			'--since',
			'2018-11-28 23:00',
			'--until',
			'2018-11-28T23:03:10Z',
		]);
		assert.deepEqual(
			both,
			all.filter(
				(t) => t >= '2018-11-28T23:00:00Z' && t < '2018-11-28T23:03:11Z',
			),
		);
		assert.equal(both.length, 10);
		assert.equal(times(['--since', '2018-11-29']).length, 0);
		assert.equal(times(['--until', '2018-11-28']).length, 37);
	});

	test('they are joined to --filter, an or in it kept whole', () => {
		const run = runBuiltCli([
			'--json',
			'--since',
			'5m',
			'--filter',
			'eventName=GetObject or eventName=ListBuckets',
			...flaws2,
		]);
		assert.equal(run.status, 0, run.stderr);
		const lines = jsonLines(run);
		assert.ok(
			lines.every(
				(l) =>
					ms(String(l['eventTime'])) >= newest - 5 * 60_000 &&
					['GetObject', 'ListBuckets'].includes(String(l['eventName'])),
			),
		);
		assert.equal(lines.length, 8);
	});

	test('--report keeps the same events', () => {
		const run = runBuiltCli(['--report', '--since', '5m', ...flaws2]);
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /^All 12 events, in time order:$/m);
		const flagged = runBuiltCli([
			'--report',
			'--flagged',
			'--until',
			'2018-11-28T23:05',
			...flaws2,
		]);
		assert.equal(flagged.status, 0, flagged.stderr);
		// Up to the end of the minute 23:05: two of level1's four calls.
		assert.match(flagged.stdout, /^1 finding holding 2 flagged events\.$/m);
		assert.match(flagged.stdout, /^2 of 30 events flagged\.$/m);
	});

	test('a bad value is bad usage that names the flag and the forms', () => {
		for (const [flag, value] of [
			['--since', 'yesterday'],
			['--until', '2x'],
			['--since', '2018-13-01'],
			['--until', '0h'],
		] as const) {
			const run = runBuiltCli(['--json', flag, value, ...flaws2]);
			assert.equal(run.status, 2, `${flag} ${value}`);
			assert.equal(run.stdout, '');
			assert.ok(run.stderr.includes(`bad ${flag}`), run.stderr);
			assert.match(run.stderr, /2018-11-28T23:00Z.*2h/s);
		}

		const reversed = runBuiltCli([
			'--report',
			'--since',
			'2018-11-28T23:05',
			'--until',
			'2018-11-28T23:00',
			...flaws2,
		]);
		assert.equal(reversed.status, 2);
		assert.match(reversed.stderr, /starts after --until/);
	});

	test('--help shows them', () => {
		const run = runBuiltCli(['--help']);
		assert.match(run.stdout, /--since TIME/);
		assert.match(run.stdout, /--until TIME/);
	});
});
