import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {findingBySeq, findingsOf} from '../../source/detect/findings.js';
import {
	csvCell,
	csvRows,
	defaultColumns,
	parseColumns,
} from '../../source/export/csv.js';
import {exportChunks} from '../../source/export/export-job.js';
import {
	defaultFileName,
	formatOfPath,
	parseFormat,
	withFormatExtension,
} from '../../source/export/formats.js';
import {jsonLines} from '../../source/export/jsonl.js';
import {codeSpan, mdText} from '../../source/export/markdown-text.js';
import {incidentNote} from '../../source/export/markdown.js';
import {noMarks, setNote, toggleMark} from '../../source/investigate/marks.js';
import {loadedFiles} from '../../source/investigate/session-store.js';
import {makeEvents} from '../helpers/make-event.js';
import {sample} from '../helpers/paths.js';
import {makeFlag} from '../helpers/ui-dataset.js';
import {openFlaws2} from '../helpers/ui-samples.js';

let flaws2: Dataset;

before(async () => {
	flaws2 = await openFlaws2();
});

/** The raw records of a gzip CloudTrail file, read with nothing but zlib. */
function rawRecords(file: string): unknown[] {
	const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
	return (JSON.parse(text) as {Records: unknown[]}).Records;
}

function gzipFiles(folder: string): string[] {
	return fs
		.readdirSync(folder, {recursive: true, encoding: 'utf8'})
		.filter((name) => name.endsWith('.json.gz'))
		.map((name) => path.join(folder, name));
}

test('JSON Lines are the original records, deep-equal to what zlib and JSON.parse read', () => {
	const lines = [...jsonLines(flaws2.events)];
	assert.equal(lines.length, 37);
	const raw = new Map<string, unknown[]>();
	for (const file of gzipFiles(sample('flaws2'))) {
		raw.set(path.resolve(file), rawRecords(file));
	}

	let total = 0;
	for (const records of raw.values()) {
		total += records.length;
	}

	assert.equal(total, 37, 'every record of the sample, once');
	for (const [index, event] of flaws2.events.entries()) {
		const line = lines[index]!;
		assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
		const original = raw.get(path.resolve(event.file))![event.recordIndex];
		assert.deepEqual(JSON.parse(line), original);
	}
});

test('JSON Lines escape what a terminal must not receive, and parse back to the same text', () => {
	const [event] = makeEvents([{ua: 'curl\u009b2J\u202eevil\u001b]0;x\u0007'}]);
	const [line] = [...jsonLines([event!])];
	// Looking for raw control characters is the point.
	// eslint-disable-next-line no-control-regex
	assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e]/.test(line!.trimEnd()));
	assert.equal(
		(JSON.parse(line!) as {userAgent: string}).userAgent,
		'curl\u009b2J\u202eevil\u001b]0;x\u0007',
	);
});

test('CSV cells: RFC 4180 quoting, visible escapes and the formula guard', () => {
	assert.equal(csvCell('plain'), 'plain');
	assert.equal(csvCell('a,b'), '"a,b"');
	assert.equal(csvCell('say "hi"'), '"say ""hi"""');
	assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
	assert.equal(csvCell('+1'), "'+1");
	assert.equal(csvCell('-2+3'), "'-2+3");
	assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
	assert.equal(csvCell('\tcmd'), "'\\tcmd");
	assert.equal(csvCell('\r=1'), "'\\r=1");
	// Line ends and escape sequences never reach the file raw.
	assert.equal(csvCell('two\nlines'), 'two\\nlines');
	assert.equal(csvCell('\u001b[2Jx'), '\\x1b[2Jx');
	assert.equal(csvCell('a=b'), 'a=b');
});

test('CSV rows: the default columns, a header, CRLF line ends, hostile cells defused', () => {
	const events = makeEvents([
		{
			time: '2024-05-01T10:00:00Z',
			eventName: 'GetObject',
			user: "=cmd|' /C calc'!A0",
			ua: 'evil\u001b]0;owned\u0007, "quoted"\nFAKE,ROW',
			errorCode: 'AccessDenied',
			requestParameters: {bucketName: 'b,1'},
		},
	]);
	events[0]!.flags = [makeFlag('high', 'Bad thing')];
	const text = [...csvRows(events, defaultColumns)].join('');
	const lines = text.split('\r\n');
	assert.equal(lines[0], defaultColumns.join(','));
	assert.equal(lines.length, 3);
	assert.equal(lines[2], '');
	assert.equal(
		lines[1],
		"2024-05-01T10:00:00Z,GetObject,'=cmd|' /C calc'!A0,203.0.113.10," +
			'"evil\\x1b]0;owned\\x07, ""quoted""\\nFAKE,ROW",us-east-1,' +
			'AccessDenied,bad-thing',
	);
	const custom = parseColumns('time, requestParameters.bucketName ,eventID');
	assert.ok(custom.ok);
	const rows = [...csvRows(events, custom.columns)];
	assert.equal(rows[1], `2024-05-01T10:00:00Z,"b,1",${events[0]!.eventId}\r\n`);
});

test('CSV columns: known names in any case, paths into the record, errors name the column', () => {
	assert.deepEqual(parseColumns('TIME,ip,note'), {
		ok: true,
		columns: ['TIME', 'ip', 'note'],
	});
	assert.ok(parseColumns('resources[0].ARN').ok);
	const bad = parseColumns('time,no such');
	assert.ok(!bad.ok);
	assert.match(bad.error, /unknown column "no such"/);
	assert.ok(!parseColumns(' , ').ok);
});

test('formats come from names and extensions; default names carry a UTC stamp', () => {
	assert.equal(parseFormat('NDJSON'), 'jsonl');
	assert.equal(parseFormat('markdown'), 'md');
	assert.equal(parseFormat('xml'), undefined);
	assert.equal(parseFormat('toString'), undefined);
	assert.equal(formatOfPath('out/events.jsonl'), 'jsonl');
	assert.equal(formatOfPath('x.CSV'), 'csv');
	assert.equal(formatOfPath('note'), undefined);
	const time = Date.parse('2024-05-01T10:02:03.456Z');
	assert.equal(
		defaultFileName('md', time),
		'trailtui-note-20240501T100203Z.md',
	);
	assert.equal(
		defaultFileName('csv', time),
		'trailtui-events-20240501T100203Z.csv',
	);
	assert.equal(withFormatExtension('a/b.md', 'csv'), 'a/b.csv');
	assert.equal(withFormatExtension('a/b', 'jsonl'), 'a/b.jsonl');
	assert.equal(withFormatExtension('a/b.csv', 'csv'), 'a/b.csv');
});

test('the Markdown note holds the files, span, filter, findings with their evidence, marks and counts', () => {
	const findings = findingsOf(flaws2);
	const flagged = flaws2.events.filter((event) => event.flags.length > 0);
	const listBuckets = flagged.find((e) => e.eventName === 'ListBuckets')!;
	const listObjects = flagged.find((e) => e.eventName === 'ListObjects')!;
	const marks = setNote(
		toggleMark(noMarks, listObjects.seq),
		listBuckets.seq,
		'stolen ECS task credentials',
	);
	const files = loadedFiles(flaws2.events);
	const note = incidentNote({
		generatedAt: Date.parse('2024-05-01T10:00:00Z'),
		loaded: flaws2.events,
		files,
		what: 'view',
		events: flagged,
		filter: 'flagged',
		window: {
			from: Date.parse('2018-11-28T23:00:00Z'),
			to: Date.parse('2018-11-28T23:10:00Z'),
		},
		findings,
		marks,
	});
	assert.match(note, /^# Incident note/);
	assert.match(note, /Written by trailtui on 2024-05-01 10:00:00 UTC/);
	assert.match(
		note,
		/- Logs: 8 files, 37 events, 2018-11-28 22:31:59 – 23:09:36 UTC/,
	);
	assert.ok(note.includes(`  - ${mdText(files[0]!)}`));
	assert.match(note, /- Filter: `flagged`/);
	assert.match(note, /- Time window: 2018-11-28 23:00:00 – 23:09:59 UTC/);
	assert.match(note, /\| Events exported \| 5 \|/);
	assert.match(note, /\| Flagged among them \| 5 \|/);
	assert.match(note, /\| Findings among them \| 2 \|/);
	assert.match(note, /\| Marked among them \| 2 \|/);
	// Each finding with its flags' own words: why, evidence, next steps.
	for (const finding of findings) {
		assert.ok(
			note.includes(`### ${finding.id} · ${finding.severity.toUpperCase()}`),
		);
		for (const flag of finding.flags) {
			assert.ok(note.includes(mdText(flag.why)), flag.id);
			assert.ok(note.includes(`- ${mdText(flag.evidence[0])}`), flag.id);
		}
	}

	assert.match(
		note,
		/`aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=ASIAZQNB3KHGNXWXBSJS --region us-east-1`/,
	);
	// The marked events, with their notes and eventIDs.
	const marked = note.slice(note.indexOf('## Marked events'));
	assert.match(
		marked,
		/\| Time \(UTC\) \| Principal \| API \| Address \| User agent \| eventID \| Note \|/,
	);
	assert.ok(marked.includes(mdText(listBuckets.eventId)));
	assert.ok(marked.includes('stolen ECS task credentials'));
	assert.match(marked, /\| 104\.102\.221\.250 \|/);
	assert.equal(marked.match(/^\| 2018-/gm)?.length, 2);
});

test("a finding's evidence in the note speaks of an exported event", () => {
	const findings = findingsOf(flaws2);
	const level1 = flaws2.events.filter(
		(e) => e.flags.length > 0 && e.principal.roleName === 'level1',
	);
	const [first, ...rest] = level1;
	assert.ok(first && rest.length > 0);
	const exported = rest.at(-1)!;
	const note = incidentNote({
		generatedAt: 0,
		loaded: flaws2.events,
		files: loadedFiles(flaws2.events),
		what: 'view',
		events: [exported],
		filter: '',
		findings,
		marks: noMarks,
	});
	const own = exported.flags[0]!;
	assert.ok(note.includes(`- ${mdText(own.evidence[0])}`), own.id);
	assert.ok(!note.includes(`${first.eventName} at `), note);
});

test('hostile fields cannot break the note: no escapes, no table pipes, no code spans, no links', () => {
	const events = makeEvents([
		{
			eventName: 'Get`Object`',
			user: 'mallory | injected | cells',
			ua: 'ua\u001b]0;owned\u0007\n## Forged heading\n<script>alert(1)</script> [link](http://x) *bold* ~~gone~~ &#27;',
			eventId: 'id|`x`',
		},
	]);
	events[0]!.flags = [
		{...makeFlag('high', 'Bad thing'), evidence: ['user mallory | `x` *y*']},
	];
	events[0]!.file = 'logs/a|b.json';
	const note = incidentNote({
		generatedAt: 0,
		loaded: events,
		files: loadedFiles(events),
		what: 'marked',
		events,
		filter: 'ua~"`"',
		findings: findingsOf({events, summary: flaws2.summary}),
		marks: setNote(noMarks, 0, 'see | `this`\u001b[2J'),
	});
	assert.ok(
		// eslint-disable-next-line no-control-regex
		!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(note),
		'no control characters',
	);
	assert.ok(!note.includes('\n## Forged'), 'no forged heading');
	assert.ok(!note.includes('<script>'));
	assert.ok(!note.includes('[link](http'));
	assert.ok(note.includes('\\<script\\>'));
	// Visible escapes, their backslashes escaped for Markdown.
	assert.ok(note.includes('\\\\x1b\\]0;owned\\\\x07\\\\n## Forged heading'));
	assert.ok(note.includes('\\&#27;'));
	// Every table row has exactly the cells of its header.
	for (const block of note.split('\n\n')) {
		const rows = block.split('\n').filter((line) => line.startsWith('| '));
		if (rows.length === 0) {
			continue;
		}

		const cells = (row: string) => row.split(/(?<!\\)\|/).length;
		for (const row of rows) {
			assert.equal(cells(row), cells(rows[0]!), row);
		}
	}

	// The filter sits in a code span its backticks cannot close.
	assert.match(note, /- Filter: ``ua~"`"``/);
	assert.equal(codeSpan('a`b'), '``a`b``');
	assert.equal(codeSpan('`'), '`` ` ``');
});

test('one export job gives each format', () => {
	const findings = findingsOf(flaws2);
	const job = {
		events: flaws2.events.slice(0, 3),
		what: 'view' as const,
		columns: ['time', 'eventName', 'finding'],
		loaded: flaws2.events,
		files: loadedFiles(flaws2.events),
		findings,
		findingOf: findingBySeq(findings),
		marks: noMarks,
	};
	const text = (format: 'jsonl' | 'csv' | 'md') =>
		[...exportChunks({...job, format}, 0)].join('');
	assert.equal(text('jsonl').split('\n').length, 4);
	assert.match(
		text('csv'),
		/^time,eventName,finding\r\n2018-11-28T22:31:59Z,AssumeRole,\r\n/,
	);
	assert.match(text('md'), /Events exported \| 3 \|/);
	assert.ok(
		!JSON.stringify(job.events.map((e: TrailEvent) => e.seq)).includes('-'),
	);
});
