import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseBaselineUntil} from '../../source/cli-main.js';
import {jsonLines, runBuiltCli} from '../cli/run-cli.js';

/**
`--baseline-until` from the command line: a bad time is bad usage, and on
flaws2 the window moves only what the learned baseline changes.
*/

const flaws2 = ['samples/flaws2', '--iam', 'samples/flaws2/level3.json'];

function flagsByCall(args: string[]): string[] {
	const run = runBuiltCli(['--json', '--flagged', ...flaws2, ...args]);
	assert.equal(run.status, 0, run.stderr);
	return jsonLines(run).map(
		(line) =>
			`${String(line['eventName'])}: ${(line['flags'] as Array<{id: string}>)
				.map((flag) => flag.id)
				.sort()
				.join(' ')}`,
	);
}

test('the time is read as UTC, with or without a clock, and an offset counts', () => {
	assert.equal(
		parseBaselineUntil('2018-11-28T23:00Z'),
		Date.UTC(2018, 10, 28, 23),
	);
	assert.equal(
		parseBaselineUntil('2018-11-28 23:00'),
		Date.UTC(2018, 10, 28, 23),
	);
	assert.equal(parseBaselineUntil('2018-11-28'), Date.UTC(2018, 10, 28));
	assert.equal(
		parseBaselineUntil('2018-11-28T23:00+01:00'),
		Date.UTC(2018, 10, 28, 22),
	);
	for (const bad of ['', 'yesterday', '2018', '1543446000', '2018-13-01']) {
		assert.equal(parseBaselineUntil(bad), undefined, bad);
	}
});

test('a bad --baseline-until is bad usage: exit 2 and a message naming it', () => {
	const run = runBuiltCli(['--report', '--baseline-until', 'soon', ...flaws2]);
	assert.equal(run.status, 2);
	assert.match(run.stderr, /bad --baseline-until "soon"/);
	assert.equal(run.stdout, '');
});

test('flaws2: a window closing before level1 is first used changes nothing', () => {
	assert.deepEqual(
		flagsByCall(['--baseline-until', '2018-11-28T23:00Z']),
		flagsByCall([]),
	);
});

test('flaws2: a window that learns the laptop makes its address normal', () => {
	const laptop =
		'interactive-client-on-workload workload-credential-outside-aws';
	assert.deepEqual(flagsByCall(['--baseline-until', '2018-11-28T23:05Z']), [
		`ListObjects: ${laptop}`,
		`ListImages: ${laptop}`,
		`BatchGetImage: ${laptop}`,
		`GetDownloadUrlForLayer: ${laptop}`,
		'ListBuckets: interactive-client-on-workload reconnaissance-call workload-credential-outside-aws',
	]);
});
