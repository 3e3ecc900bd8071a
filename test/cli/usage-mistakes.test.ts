import {test} from 'node:test';
import assert from 'node:assert/strict';
import {runBuiltCli} from './run-cli.js';

/** Mistakes in how the command is typed: exit 2 and one plain line. */

test('an option given twice is a one-line usage error, not a stack trace', () => {
	for (const args of [
		['--filter', 'error', '--filter', 'denied'],
		['--since', '30m', '--since', '10m'],
	]) {
		const run = runBuiltCli(['--report', ...args, 'samples/flaws2']);
		assert.equal(run.status, 2, run.stderr);
		assert.match(
			run.stderr,
			/^trailtui: The flag --\w+ can only be set once\.\n$/,
		);
		assert.equal(run.stdout, '');
	}
});

test('an option missing its value names the PATH it took', () => {
	const run = runBuiltCli(['--json', '--since', 'samples/flaws2']);
	assert.equal(run.status, 2);
	assert.match(
		run.stderr,
		/give at least one PATH.*--since took "samples\/flaws2" as its value/,
	);
});

test('with no PATH and no option to blame, the message stays short', () => {
	const run = runBuiltCli(['--json', '--since', '2h']);
	assert.equal(run.status, 2);
	assert.match(
		run.stderr,
		/give at least one PATH: a CloudTrail file or folder\n/,
	);
	assert.doesNotMatch(run.stderr, /took/);
});

test('an unknown option is one line naming it, in the form of every usage error', () => {
	for (const [arg, shown] of [
		['--bogus', '--bogus'],
		['-z', '-z'],
	]) {
		const run = runBuiltCli([arg!, 'samples/flaws2']);
		assert.equal(run.status, 2);
		assert.equal(
			run.stderr,
			`trailtui: unknown option ${shown} (trailtui --help lists the options)\n`,
		);
		assert.equal(run.stdout, '');
	}
});

test('a missing PATH leaves standard output empty, for the pipe after it', () => {
	const run = runBuiltCli(['--json']);
	assert.equal(run.status, 2);
	assert.equal(run.stdout, '');
	assert.match(run.stderr, /usage: trailtui \[options\] PATH\.\.\./);
});

test('every documented option is known, in its dashed spelling', () => {
	const run = runBuiltCli([
		'--json',
		'--max-file-mb',
		'5',
		'--baseline-until',
		'2018-11-28T23:00Z',
		'--ip-ranges',
		'samples/flaws2/level3.json',
		'samples/flaws2',
	]);
	assert.doesNotMatch(run.stderr, /unknown option/);
});
