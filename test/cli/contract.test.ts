import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {caseFile} from '../helpers/paths.js';
import {jsonLines, runBuiltCli} from './run-cli.js';

const flaws2 = ['samples/flaws2', '--iam', 'samples/flaws2/level3.json'];

function tempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-cli-'));
}

function flagIds(line: Record<string, unknown>): string[] {
	const flags = line['flags'] as Array<{id: string}>;
	return flags.map((flag) => flag.id).sort();
}

describe('the command line contract', () => {
	test('--report puts the level3 ListBuckets first with flags 1, 2 and 3', () => {
		const run = runBuiltCli(['--report', '--flagged', ...flaws2]);
		assert.equal(run.status, 0, run.stderr);
		const lines = run.stdout.split('\n');
		// Findings first, each a heading over its events as indented rows.
		assert.match(lines[1]!, /^f1 {2}HIGH {2}\S/);
		const rows = lines.filter((l) => /^ +\d{4}-/.test(l));
		assert.equal(rows.length, 5);
		assert.match(
			rows[0]!,
			/23:09:28Z.*ListBuckets.*level3.*104\.102\.221\.250/,
		);
		assert.match(run.stdout, /^2 findings holding 5 flagged events\.$/m);
		for (const id of [
			'workload-credential-outside-aws',
			'interactive-client-on-workload',
			'reconnaissance-call',
		]) {
			assert.ok(rows[0]!.includes(id), `${id} missing in ${rows[0]}`);
		}

		assert.match(run.stdout, /Files read\s+\d+/);
		assert.match(run.stdout, /Events\s+37/);
	});

	test('--json --flagged gives the five stolen-credential calls with their flags', () => {
		const run = runBuiltCli(['--json', '--flagged', ...flaws2]);
		assert.equal(run.status, 0, run.stderr);
		const lines = jsonLines(run);
		const byName = new Map(lines.map((l) => [l['eventName'], l]));
		assert.deepEqual([...byName.keys()].sort(), [
			'BatchGetImage',
			'GetDownloadUrlForLayer',
			'ListBuckets',
			'ListImages',
			'ListObjects',
		]);
		for (const name of ['ListObjects', 'ListImages', 'BatchGetImage']) {
			assert.deepEqual(flagIds(byName.get(name)!), [
				'interactive-client-on-workload',
				'new-source-address',
				'workload-credential-outside-aws',
			]);
		}

		const listBuckets = byName.get('ListBuckets')!;
		for (const key of [
			'eventID',
			'eventTime',
			'eventName',
			'principal',
			'sourceIPAddress',
			'sourceKind',
			'flags',
		]) {
			assert.ok(key in listBuckets, `${key} missing`);
		}

		assert.equal(listBuckets['eventTime'], '2018-11-28T23:09:28Z');
		assert.equal(listBuckets['sourceKind'], 'public');
		// The finding ids of --report: level3's call first, level1's four next.
		assert.equal(listBuckets['finding'], 'f1');
		for (const name of ['ListObjects', 'ListImages', 'BatchGetImage']) {
			assert.equal(byName.get(name)!['finding'], 'f2', name);
		}
	});

	test('--json without --flagged gives every event, unflagged ones in no finding', () => {
		const run = runBuiltCli(['--json', ...flaws2]);
		const lines = jsonLines(run);
		assert.equal(lines.length, 37);
		const outside = lines.filter((l) => l['finding'] === null);
		assert.equal(outside.length, 32);
		assert.ok(outside.every((l) => (l['flags'] as unknown[]).length === 0));
	});

	test('--filter limits the output to matching events', () => {
		const run = runBuiltCli([
			'--json',
			'--filter',
			'principal~level1 ip=104.102.221.250',
			...flaws2,
		]);
		assert.equal(run.status, 0, run.stderr);
		assert.equal(jsonLines(run).length, 4);
		// Finding ids are those of the whole load, whatever the filter keeps.
		assert.deepEqual(
			jsonLines(run).map((l) => l['finding']),
			['f2', 'f2', 'f2', 'f2'],
		);
	});

	test('a bad --filter is bad usage, with a caret under the mistake', () => {
		const run = runBuiltCli(['--report', '--filter', 'eventName=', ...flaws2]);
		assert.equal(run.status, 2);
		assert.match(run.stderr, /bad --filter/);
		assert.match(run.stderr, /\^/);
		assert.equal(run.stdout, '');
	});

	test('an unknown option and a missing PATH are bad usage', () => {
		assert.equal(runBuiltCli(['--nonsense', 'samples/flaws2']).status, 2);
		assert.equal(runBuiltCli(['--report']).status, 2);
		assert.equal(
			runBuiltCli(['--report', '--json', 'samples/flaws2']).status,
			2,
		);
	});

	test('an unreadable --iam file is bad usage naming the file', () => {
		const dir = tempDir();
		const iam = path.join(dir, 'role.json');
		fs.writeFileSync(iam, '{"Role": ');
		const run = runBuiltCli(['--report', '--iam', iam, 'samples/flaws2']);
		assert.equal(run.status, 2);
		assert.ok(run.stderr.includes('role.json'), run.stderr);
	});

	test('nothing readable exits 1 and names what went wrong', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'broken.json'), '{"Records": [ nope');
		const missing = runBuiltCli(['--report', path.join(dir, 'absent')]);
		assert.equal(missing.status, 1);
		assert.match(missing.stderr, /absent.*no such file/);
		const broken = runBuiltCli(['--report', path.join(dir, 'broken.json')]);
		assert.equal(broken.status, 1);
		assert.match(broken.stderr, /broken\.json/);
	});

	test('bad files beside good ones still exit 0, with the errors on stderr', () => {
		const dir = tempDir();
		fs.copyFileSync(caseFile('BR-03.json'), path.join(dir, 'good.json'));
		fs.writeFileSync(path.join(dir, 'broken.json'), '{"Records": [ nope');
		const run = runBuiltCli(['--json', dir]);
		assert.equal(run.status, 0);
		assert.equal(jsonLines(run).length, 3);
		assert.match(run.stderr, /broken\.json.*error/);
	});

	test('digest files are skipped with exit status 0 (BR-01)', () => {
		const dir = tempDir();
		const digest = fs.readFileSync(caseFile('BR-01.digest.json'));
		fs.writeFileSync(
			path.join(dir, 'log.json.gz'),
			zlib.gzipSync(fs.readFileSync(caseFile('BR-01.log.json'))),
		);
		fs.writeFileSync(path.join(dir, 'digest.json.gz'), zlib.gzipSync(digest));
		fs.writeFileSync(path.join(dir, 'renamed.json.gz'), zlib.gzipSync(digest));
		const run = runBuiltCli(['--report', dir]);
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /Events\s+2\b/);
		assert.match(run.stdout, /2 digest/);
	});

	test('output is the same whatever the machine time zone (BR-22)', () => {
		const dir = tempDir();
		const folder = path.join(
			dir,
			'AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01',
		);
		fs.mkdirSync(folder, {recursive: true});
		fs.copyFileSync(caseFile('BR-22.a.json'), path.join(folder, 'a.json'));
		fs.copyFileSync(caseFile('BR-22.b.json'), path.join(folder, 'b.json'));
		const utc = runBuiltCli(['--json', dir], {TZ: 'UTC'});
		const kolkata = runBuiltCli(['--json', dir], {TZ: 'Asia/Kolkata'});
		assert.equal(utc.stdout, kolkata.stdout);
		assert.deepEqual(
			jsonLines(utc).map((l) => l['eventName']),
			['ListBuckets', 'GetBucketAcl', 'DeleteBucket'],
		);
		const ranged = runBuiltCli([
			'--json',
			'--filter',
			'time:2024-04-30T23:00Z..2024-05-01T00:00Z',
			dir,
		]);
		assert.equal(jsonLines(ranged).length, 1);
	});

	test('without a terminal and without --report it prints the report', () => {
		const run = runBuiltCli(flaws2);
		assert.equal(run.status, 0);
		assert.match(run.stderr, /not a terminal/);
		assert.match(run.stdout, /ListBuckets/);
	});

	test('--help shows every public option', () => {
		const run = runBuiltCli(['--help']);
		for (const flag of [
			'--report',
			'--json',
			'--flagged',
			'--filter',
			'--iam',
		]) {
			assert.ok(run.stdout.includes(flag), flag);
		}
	});
});
