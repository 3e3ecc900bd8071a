import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {gzipSync} from 'node:zlib';
import {loadRecords} from '../../source/load/load-records.js';
import {show} from './problems.js';
import {type Scratch, makeScratch} from './scratch.js';

/**
Files that are neither JSON nor gzip, or gzip too deep to read, are skipped;
one that is plainly a CloudTrail log gone wrong is a warning, so that it is
not lost among the info notes about stray files.
*/

let scratch: Scratch;
before(async () => {
	scratch = await makeScratch();
});
after(async () => {
	await scratch.cleanup();
});

const log = JSON.stringify({
	Records: [
		{
			eventVersion: '1.08',
			eventID: 'h1',
			eventTime: '2024-05-01T10:00:00Z',
			eventName: 'ListBuckets',
			eventSource: 's3.amazonaws.com',
		},
	],
});

async function problemsOf(name: string, bytes: Buffer) {
	const file = await scratch.write(`heads/${name}`, bytes);
	const {records, summary} = await loadRecords([file]);
	assert.equal(records.length, 0, show(summary.problems));
	return summary.problems.map(({level, message}) => ({level, message}));
}

test('a log led by NUL bytes or two byte-order marks is a damaged log', async () => {
	const bom = Buffer.from([0xef, 0xbb, 0xbf]);
	for (const [name, lead] of [
		['nul.json', Buffer.alloc(3)],
		['boms.json', Buffer.concat([bom, bom])],
	] as const) {
		const problems = await problemsOf(
			name,
			Buffer.concat([lead, Buffer.from(log)]),
		);
		assert.equal(problems.length, 1, name);
		assert.equal(problems[0]!.level, 'warning', name);
		assert.match(
			problems[0]!.message,
			/^looks like a damaged CloudTrail log: it holds "Records"/,
		);
	}
});

test('a file of another kind stays an info note', async () => {
	const problems = await problemsOf('notes.json', Buffer.from('# notes\n'));
	assert.deepEqual(problems, [
		{
			level: 'info',
			message:
				'not JSON or gzip (starts with "# notes."): skipped, not a CloudTrail log',
		},
	]);
});

test('gzip three deep is named as such, and a cut outer gzip is not blamed on depth', async () => {
	const triple = gzipSync(gzipSync(gzipSync(log)));
	const deep = await problemsOf('triple.json.gz', triple);
	assert.deepEqual(deep.at(-1), {
		level: 'warning',
		message: 'after gunzip: gzip nested more than 2 deep: skipped',
	});

	const cut = gzipSync(gzipSync(log)).subarray(0, 20);
	const problems = await problemsOf('cut.json.gz', cut);
	assert.deepEqual(
		problems.map((p) => p.level),
		['error', 'warning'],
	);
	assert.equal(problems[0]!.message, 'unexpected end of gzip data');
	assert.equal(
		problems[1]!.message,
		'after gunzip: a gzip inside the cut gzip: not read',
	);
});

test('a text file that only mentions Records is not a damaged log', async () => {
	const problems = await problemsOf(
		'README.md',
		Buffer.from('# Logs\nEach file holds "Records": […]\n'),
	);
	assert.equal(problems[0]!.level, 'info');
});
