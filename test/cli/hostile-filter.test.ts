import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
	hostileAgents,
	hostileNames,
	writeHostileTrail,
} from '../helpers/hostile-names.js';
import {jsonLines, runBuiltCli} from './run-cli.js';

/**
Issue 5: `--filter` over names and agents holding real escapes and the
same texts written with backslashes, and `--json` giving them back once
escaped.
*/

const file = writeHostileTrail();
after(() => {
	fs.rmSync(path.dirname(file), {recursive: true, force: true});
});

function kept(filter: string): Array<Record<string, unknown>> {
	const run = runBuiltCli(['--json', '--filter', filter, file]);
	assert.equal(run.status, 0, run.stderr);
	return jsonLines(run);
}

test('--json gives each principal as logged, escaped once', () => {
	const run = runBuiltCli(['--json', file]);
	assert.equal(run.status, 0, run.stderr);
	const principals = new Set(jsonLines(run).map((line) => line['principal']));
	for (const name of Object.values(hostileNames)) {
		assert.ok(principals.has(name), JSON.stringify(name));
	}

	assert.match(run.stdout, /"principal":"new\\u001b\]0;owned\\u0007title"/);
	assert.match(run.stdout, /"principal":"bidi\\u202eevil\.exe"/);
});

test('the escapes the screen shows, typed in quotes, find the hidden characters', () => {
	const agents = (filter: string) =>
		kept(filter).map((line) => line['userAgent']);
	assert.deepEqual(agents(String.raw`ua="curl/8 \u202egnp.exe"`), [
		hostileAgents.realBidi,
	]);
	assert.deepEqual(agents(String.raw`ua="curl/8 \\u202egnp.exe"`), [
		hostileAgents.writtenBidi,
	]);
	const principals = (filter: string) => [
		...new Set(kept(filter).map((line) => line['principal'])),
	];
	assert.deepEqual(
		principals(String.raw`principal="new\x1b]0;owned\x07title"`),
		[hostileNames.realEscape],
	);
	assert.deepEqual(principals('principal~x1b'), [hostileNames.writtenEscape]);
});

test('--filter on a field no event has runs, with a note on stderr', () => {
	const run = runBuiltCli(['--json', '--filter', '!foo.bar=1', file]);
	assert.equal(run.status, 0, run.stderr);
	assert.equal(jsonLines(run).length, 21);
	assert.match(
		run.stderr,
		/^trailtui: note on --filter: no event has a field named "foo"$/m,
	);
	const known = runBuiltCli(['--json', '--filter', 'eventType~Api', file]);
	assert.doesNotMatch(known.stderr, /no event has a field/);
});
