import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Dataset} from '../../source/core/types.js';
import {noMarks, setNote, toggleMark} from '../../source/investigate/marks.js';
import {openSession, saveSession} from '../../source/investigate/session.js';
import {fileSessions} from '../../source/investigate/session-store.js';
import {openFlaws2} from '../helpers/ui-samples.js';
import {runBuiltCli} from './run-cli.js';

const flaws2 = ['samples/flaws2', '--iam', 'samples/flaws2/level3.json'];
let dir: string;
let env: Record<string, string>;
let dataset: Dataset;

before(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-export-'));
	// Sessions are looked up in the config folder: a scratch one.
	env = {XDG_CONFIG_HOME: path.join(dir, 'config')};
	dataset = await openFlaws2();
});

after(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

function run(args: string[]) {
	return runBuiltCli([...args, ...flaws2], env);
}

describe('--export', () => {
	test('.jsonl writes the original records of the filtered events', () => {
		const file = path.join(dir, 'level1.jsonl');
		const result = run(['--filter', 'principal~level1', '--export', file]);
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.stdout, '');
		const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
		const expected = dataset.events.filter((event) =>
			event.principal.label.includes('level1'),
		);
		assert.equal(lines.length, expected.length);
		assert.deepEqual(
			lines.map((line) => JSON.parse(line) as unknown),
			expected.map((event) => event.record),
		);
	});

	test('.csv writes the default columns, --columns others', () => {
		const file = path.join(dir, 'flagged.csv');
		const result = run(['--flagged', '--export', file]);
		assert.equal(result.status, 0, result.stderr);
		const rows = fs.readFileSync(file, 'utf8').split('\r\n');
		assert.equal(rows[0], 'time,eventName,principal,ip,ua,region,error,flags');
		assert.equal(rows.length, 1 + 5 + 1);
		assert.match(rows[5]!, /^2018-11-28T23:09:28Z,ListBuckets,role level3/);

		const custom = path.join(dir, 'custom.csv');
		const chosen = run([
			'--filter',
			'eventName=ListBuckets',
			'--export',
			custom,
			'--columns',
			'eventID,finding,sourceIPAddress',
		]);
		assert.equal(chosen.status, 0, chosen.stderr);
		assert.equal(
			fs.readFileSync(custom, 'utf8'),
			'eventID,finding,sourceIPAddress\r\n' +
				`${dataset.events.find((e) => e.eventName === 'ListBuckets')!.eventId},f1,104.102.221.250\r\n`,
		);
	});

	test('.md writes the incident note with the findings and the filter', () => {
		const file = path.join(dir, 'note.md');
		const result = run(['--flagged', '--export', file]);
		assert.equal(result.status, 0, result.stderr);
		const note = fs.readFileSync(file, 'utf8');
		assert.match(note, /^# Incident note/);
		assert.match(note, /- Filter: `flagged`/);
		assert.match(note, /### f1 · HIGH/);
		assert.match(note, /\| Events exported \| 5 \|/);
	});

	test('- writes to standard output; --export-format overrides the extension', () => {
		const lines = run(['--filter', 'eventName=ListBuckets', '--export', '-']);
		assert.equal(lines.status, 0, lines.stderr);
		assert.equal(lines.stdout.trimEnd().split('\n').length, 1);
		assert.equal(
			(JSON.parse(lines.stdout) as {eventName: string}).eventName,
			'ListBuckets',
		);
		const csv = run(['--export', '-', '--export-format', 'csv']);
		assert.equal(csv.status, 0, csv.stderr);
		assert.equal(csv.stdout.split('\r\n').length, 1 + 37 + 1);
		const file = path.join(dir, 'forced.txt');
		const md = run(['--export', file, '--export-format', 'md']);
		assert.equal(md.status, 0, md.stderr);
		assert.match(fs.readFileSync(file, 'utf8'), /^# Incident note/);
	});

	test('bad export options are bad usage, before anything is read', () => {
		const cases: Array<[string[], RegExp]> = [
			[
				['--export', '-', '--export-format', 'xml'],
				/bad --export-format "xml"/,
			],
			[['--export', path.join(dir, 'x.txt')], /name it \.jsonl/],
			[['--export-format', 'csv'], /--export-format goes with --export/],
			[['--export', '-', '--columns', 'time'], /--columns goes with a CSV/],
			[
				['--export', '-', '--export-format', 'csv', '--columns', 'a b'],
				/unknown column "a b"/,
			],
			[['--export', path.join(dir, 'absent', 'x.md')], /cannot write .*ENOENT/],
			[['--export', dir + '.csv', '--report'], /choose one of --export/],
		];
		for (const [args, message] of cases) {
			const result = run(args);
			assert.equal(result.status, 2, args.join(' '));
			assert.match(result.stderr, message, args.join(' '));
			assert.equal(result.stdout, '');
		}
	});

	test('--marked exports the events marked in the saved session of these files', () => {
		const stores = fileSessions(env);
		const session = openSession(stores, dataset.events);
		const listBuckets = dataset.events.find(
			(e) => e.eventName === 'ListBuckets',
		)!;
		const first = dataset.events[0]!;
		saveSession(
			session,
			dataset.events,
			setNote(
				toggleMark(noMarks, first.seq),
				listBuckets.seq,
				'level3 | stolen',
			),
		);
		const csv = run([
			'--marked',
			'--export',
			'-',
			'--export-format',
			'csv',
			'--columns',
			'time,eventName,note',
		]);
		assert.equal(csv.status, 0, csv.stderr);
		assert.equal(
			csv.stdout,
			'time,eventName,note\r\n' +
				`${first.timeText},${first.eventName},\r\n` +
				'2018-11-28T23:09:28Z,ListBuckets,level3 | stolen\r\n',
		);
		// With the filter, only the marks it keeps.
		const both = run(['--marked', '--flagged', '--json']);
		assert.equal(both.stdout.trimEnd().split('\n').length, 1);
		const note = run(['--marked', '--export', '-', '--export-format', 'md']);
		assert.match(note.stdout, /level3 \\\| stolen/);
		assert.match(note.stdout, /- Exported: the marked events/);
	});

	test('--marked with a damaged session says so and exports nothing', () => {
		const stores = fileSessions(env);
		const file = openSession(stores, dataset.events).store.where;
		fs.writeFileSync(file, 'garbage');
		const result = run(['--marked', '--export', '-', '--export-format', 'csv']);
		assert.equal(result.status, 0);
		assert.match(result.stderr, /damaged .* kept as .*\.bad/);
		assert.equal(result.stdout.split('\r\n').length, 2);
		assert.equal(fs.readFileSync(`${file}.bad`, 'utf8'), 'garbage');
	});

	test('--help lists the export options', () => {
		const help = runBuiltCli(['--help']).stdout;
		for (const flag of [
			'--export',
			'--export-format',
			'--columns',
			'--marked',
		]) {
			assert.ok(help.includes(flag), flag);
		}
	});
});
