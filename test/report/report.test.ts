import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset, Flag, LoadSummary} from '../../source/core/types.js';
import {
	formatJsonLines,
	formatProblems,
	formatReport,
	formatSummary,
} from '../../source/report/index.js';
import {buildFindings} from '../../source/detect/findings.js';
import {makeEvents} from '../helpers/make-event.js';

/** Characters a terminal would act on, apart from those allowed. */
function unsafeCharacters(text: string, allowed = ''): string[] {
	return [...text].filter((char) => {
		const code = char.codePointAt(0)!;
		const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
		const format = code === 0x2028 || code === 0x2029 || code === 0x202e;
		return (control || format) && !allowed.includes(char);
	});
}

function flag(id: string, severity: Flag['severity']): Flag {
	return {
		id,
		severity,
		title: `title of ${id}`,
		why: '',
		evidence: [],
		next: [],
	};
}

const summary: LoadSummary = {
	filesRead: 4,
	events: 3,
	duplicates: 1,
	skippedDigest: 2,
	skippedEmpty: 1,
	filesWithErrors: 1,
	partialFiles: 1,
	problems: [
		{
			level: 'error',
			file: 'bad\u001b[2J.json.gz',
			record: 0,
			message: 'unexpected end of gzip data',
		},
		{level: 'warning', file: 'a.json', message: 'named .gz but not gzip'},
		{level: 'info', file: 'd.json', message: 'skipped digest\u2028file'},
	],
};

function dataset(): Dataset {
	const events = makeEvents([
		{time: '2024-05-01T10:00:00Z', user: 'alice', ip: '203.0.113.10'},
		{
			time: '2024-05-01T10:01:00Z',
			user: 'eve\u001b]0;owned\u0007',
			ip: '3.80.1.2',
			aws: {service: 'EC2'},
			ua: 'curl\u009b2J\u2028next\u202eline',
		},
		{
			time: '2024-05-01T10:02:00Z',
			user: 'bob',
			ip: null,
			errorCode: 'AccessDenied',
		},
	]);
	events[1]!.flags = [flag('b-flag', 'medium')];
	events[2]!.flags = [flag('c-flag', 'high'), flag('d-flag', 'low')];
	return {events, summary};
}

test('the report lists the findings most severe first, each over its events, then every event by time', () => {
	const lines = formatReport(dataset()).split('\n');
	assert.match(
		lines[0] ?? '',
		/^ {4}TIME \(UTC\)\s+SEVERITY\s+EVENT\s+PRINCIPAL\s+SOURCE\s+FLAGS$/,
	);
	assert.equal(lines[1], 'f1  HIGH  title of c-flag (1 event)');
	assert.equal(lines[2], '    ListBuckets by bob, 10:02:00');
	assert.match(
		lines[3] ?? '',
		/^ {4}2024-05-01T10:02:00Z\s+high\s+ListBuckets\s+bob\s+—\s+c-flag, d-flag$/,
	);
	assert.equal(lines[4], '');
	assert.equal(lines[5], 'f2  MEDIUM  title of b-flag (1 event)');
	assert.equal(
		lines[6],
		'    ListBuckets by eve\\x1b]0;owned\\x07 from 3.80.1.2, 10:01:00',
	);
	assert.match(
		lines[7] ?? '',
		/^ {4}2024-05-01T10:01:00Z\s+medium\s+ListBuckets\s+eve\\x1b\]0;owned\\x07\s+3\.80\.1\.2 \(AWS EC2\)\s+b-flag$/,
	);
	assert.equal(lines[8], '');
	assert.equal(lines[9], 'All 3 events, in time order:');
	assert.deepEqual(
		lines.slice(10, 13).map((line) => /(alice|eve|bob)/.exec(line)?.[1]),
		['alice', 'eve', 'bob'],
	);
	assert.match(
		lines[10] ?? '',
		/^ {4}2024-05-01T10:00:00Z\s+—\s+ListBuckets\s+alice\s+203\.0\.113\.10\s+—$/,
	);
	assert.equal(lines[13], '');
	assert.equal(lines[14], '2 findings holding 2 flagged events.');
	assert.equal(lines[15], '2 of 3 events flagged.');
});

test('the report columns line up and hold no control characters', () => {
	const report = formatReport(dataset());
	const rows = report
		.split('\n')
		.filter((row) => /^ {4}(TIME|\d{4}-)/.test(row));
	assert.equal(rows.length, 6);
	const start = (row: string) => row.indexOf('ListBuckets');
	assert.equal(new Set(rows.slice(1).map(start)).size, 1);
	assert.equal(rows[0]?.indexOf('EVENT'), start(rows[1]!));
	assert.deepEqual(unsafeCharacters(report, '\n'), []);
});

test('the flagged-only report leaves clean events out and ends with the summary', () => {
	const report = formatReport(dataset(), {flaggedOnly: true});
	assert.equal(report.split('\n').filter((l) => /^ +2024-/.test(l)).length, 2);
	assert.ok(!report.includes('All 3 events'));
	assert.ok(report.includes('\n2 findings holding 2 flagged events.\n'));
	assert.ok(
		report.endsWith('Problems            1 error, 1 warning, 1 note\n'),
	);
	const empty = formatReport({events: [], summary}, {flaggedOnly: true});
	assert.ok(empty.startsWith('No flagged events.\n'));
});

test('one finding holds a burst of one key, and a filter shows part of it', () => {
	const events = makeEvents(
		['10:00:00', '10:03:00', '10:07:00'].map((clock) => ({
			time: `2024-05-01T${clock}Z`,
			role: 'app',
			key: 'ASIAEXAMPLEKEY000001',
		})),
	);
	for (const event of events) {
		event.flags = [flag('a-flag', 'high')];
	}

	const whole = {events, summary};
	const report = formatReport(whole, {flaggedOnly: true});
	assert.ok(report.startsWith('    TIME'));
	assert.match(report, /^f1 {2}HIGH {2}title of a-flag \(3 events\)$/m);
	assert.match(
		report,
		/^ {4}ListBuckets by role app from 203\.0\.113\.10, 10:00:00–10:07:00$/m,
	);
	assert.match(report, /^1 finding holding 3 flagged events\.$/m);
	// A filter keeps the finding's id and size, and says how much is shown.
	const filtered = formatReport(
		{...whole, events: events.slice(1), findings: buildFindings(events)},
		{flaggedOnly: true},
	);
	assert.match(
		filtered,
		/^f1 {2}HIGH {2}title of a-flag \(3 events, 2 shown here\)$/m,
	);
	assert.match(filtered, /^1 finding holding 2 flagged events\.$/m);
});

test('JSON lines hold the contract fields, with null for what the log lacks', () => {
	const [first, second, third] = formatJsonLines(dataset()).map((line) =>
		JSON.parse(line),
	);
	assert.equal(first.eventName, 'ListBuckets');
	assert.equal(first.principal, 'alice');
	assert.equal(first.sourceIPAddress, '203.0.113.10');
	assert.equal(first.sourceKind, 'public');
	assert.deepEqual(first.flags, []);
	assert.equal(first.errorCode, null);
	assert.equal(first.file, 'test.json');
	assert.ok(first.eventID);
	assert.equal(first.eventTime, '2024-05-01T10:00:00Z');
	assert.deepEqual(second.sourceAws, {service: 'EC2', region: 'us-east-1'});
	assert.equal(third.sourceIPAddress, null);
	assert.equal(third.sourceKind, 'missing');
	assert.equal(third.errorCode, 'AccessDenied');
	assert.equal(third.severity, 'high');
	assert.deepEqual(third.flags, [
		{id: 'c-flag', severity: 'high', title: 'title of c-flag'},
		{id: 'd-flag', severity: 'low', title: 'title of d-flag'},
	]);
	for (const key of ['region', 'userAgent', 'errorCode', 'file', 'principal']) {
		assert.ok(key in first, key);
	}
});

test('JSON lines escape C1 controls, line separators and bidi marks, and parse back', () => {
	const lines = formatJsonLines(dataset());
	const line = lines[1]!;
	assert.deepEqual(unsafeCharacters(line), []);
	assert.ok(line.includes('curl\\u009b2J\\u2028next\\u202eline'));
	assert.ok(line.includes('eve\\u001b]0;owned\\u0007'));
	assert.equal(JSON.parse(line).userAgent, 'curl\u009b2J\u2028next\u202eline');
});

test('JSON lines for flagged events only, each naming its finding', () => {
	const lines = formatJsonLines(dataset(), {flaggedOnly: true}).map((line) =>
		JSON.parse(line),
	);
	assert.deepEqual(
		lines.map((line) => [line.principal, line.finding]),
		[
			['eve\u001b]0;owned\u0007', 'f2'],
			['bob', 'f1'],
		],
	);
	assert.equal(JSON.parse(formatJsonLines(dataset())[0]!).finding, null);
});

test('the summary names every figure', () => {
	assert.deepEqual(formatSummary(summary), [
		'Files read          4',
		'Events              3',
		'Duplicates dropped  1',
		'Files skipped       3 (2 digest, 1 empty, 0 not CloudTrail)',
		'Files with errors   1',
		'Partial files       1',
		'Problems            1 error, 1 warning, 1 note',
	]);
});

test('problems read file[:record]: level: message, made visible', () => {
	assert.deepEqual(formatProblems(summary), [
		'bad\\x1b[2J.json.gz: record 1: error: unexpected end of gzip data',
		'a.json: warning: named .gz but not gzip',
		'd.json: info: skipped digest\\u2028file',
	]);
	assert.equal(formatProblems(summary, {includeInfo: false}).length, 2);
});
