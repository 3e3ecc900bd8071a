import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset, Flag, LoadSummary} from '../../source/core/types.js';
import {
	formatJsonLines,
	formatProblems,
	formatReport,
	formatSummary,
} from '../../source/report/index.js';
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

test('the report lists flagged events most severe first, then the rest by time', () => {
	const lines = formatReport(dataset()).split('\n');
	assert.match(
		lines[0] ?? '',
		/^TIME \(UTC\)\s+SEVERITY\s+EVENT\s+PRINCIPAL\s+SOURCE\s+FLAGS$/,
	);
	assert.match(
		lines[1] ?? '',
		/^2024-05-01T10:02:00Z\s+high\s+ListBuckets\s+bob\s+—\s+c-flag, d-flag$/,
	);
	assert.match(
		lines[2] ?? '',
		/^2024-05-01T10:01:00Z\s+medium\s+ListBuckets\s+eve\\x1b\]0;owned\\x07\s+3\.80\.1\.2 \(AWS EC2\)\s+b-flag$/,
	);
	assert.match(
		lines[3] ?? '',
		/^2024-05-01T10:00:00Z\s+—\s+ListBuckets\s+alice\s+203\.0\.113\.10\s+—$/,
	);
	assert.equal(lines[4], '');
	assert.equal(lines[5], '2 of 3 events flagged.');
});

test('the report columns line up and hold no control characters', () => {
	const report = formatReport(dataset());
	const rows = report.split('\n').slice(0, 4);
	const start = (row: string) => row.indexOf('ListBuckets');
	assert.equal(new Set(rows.slice(1).map(start)).size, 1);
	assert.equal(rows[0]?.indexOf('EVENT'), start(rows[1]!));
	assert.deepEqual(unsafeCharacters(report, '\n'), []);
});

test('the flagged-only report leaves clean events out and ends with the summary', () => {
	const report = formatReport(dataset(), {flaggedOnly: true});
	assert.equal(
		report.split('\n').filter((l) => l.startsWith('2024-')).length,
		2,
	);
	assert.ok(
		report.endsWith('Problems            1 error, 1 warning, 1 note\n'),
	);
	const empty = formatReport({events: [], summary}, {flaggedOnly: true});
	assert.ok(empty.startsWith('No flagged events.\n'));
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

test('JSON lines for flagged events only', () => {
	assert.equal(formatJsonLines(dataset(), {flaggedOnly: true}).length, 2);
});

test('the summary names every figure', () => {
	assert.deepEqual(formatSummary(summary), [
		'Files read          4',
		'Events              3',
		'Duplicates dropped  1',
		'Files skipped       3 (2 digest, 1 empty)',
		'Files with errors   1',
		'Partial files       1',
		'Problems            1 error, 1 warning, 1 note',
	]);
});

test('problems read file[:record]: level: message, made visible', () => {
	assert.deepEqual(formatProblems(summary), [
		'bad\\x1b[2J.json.gz:1: error: unexpected end of gzip data',
		'a.json: warning: named .gz but not gzip',
		'd.json: info: skipped digest\\u2028file',
	]);
	assert.equal(formatProblems(summary, {includeInfo: false}).length, 2);
});
