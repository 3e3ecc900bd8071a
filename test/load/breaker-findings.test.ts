import assert from 'node:assert/strict';
import test from 'node:test';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {loadEvents} from '../../source/load/load-events.js';
import {openDataset} from '../../source/pipeline.js';
import {parseFilter} from '../../source/query/filter.js';
import {runBuiltCli} from '../cli/run-cli.js';
import {makeScratch} from './scratch.js';

/**
Faults a hostile tester found in the threaded loader, each kept as a test:
nesting too deep for a structured clone, a `__proto__` key, inherited
names read as fields, a cap that rounds to nothing.
*/

function call(id: string, extra: Record<string, unknown>): unknown {
	return {
		eventVersion: '1.08',
		userIdentity: {type: 'IAMUser', userName: 'alice'},
		eventTime: '2024-05-01T10:00:00Z',
		eventSource: 's3.amazonaws.com',
		eventName: 'PutBucketPolicy',
		awsRegion: 'us-east-1',
		sourceIPAddress: '203.0.113.10',
		eventID: id,
		readOnly: false,
		...extra,
	};
}

/** A record with `depth` levels of nesting where the text `X` stands. */
function deepRecord(id: string, depth: number, where: string): string {
	const text = JSON.stringify(call(id, {[where]: 'X'}));
	return text.replace(
		'"X"',
		'{"a":'.repeat(depth) + '"needle"' + '}'.repeat(depth),
	);
}

for (const depth of [3000, 20_000]) {
	test(`nesting ${depth} levels deep loads on threads like on one thread`, async () => {
		const scratch = await makeScratch();
		try {
			const records = [
				deepRecord('deep-request', depth, 'requestParameters'),
				deepRecord('deep-tls', depth, 'tlsDetails'),
				JSON.stringify(call('plain', {})),
			];
			await scratch.write('a/deep.json', `{"Records":[${records.join(',')}]}`);
			await scratch.write(
				'a/next.json',
				JSON.stringify({Records: [call('after', {})]}),
			);
			for (const threads of [2, 0]) {
				const dataset = await openDataset([`${scratch.dir}/a`], {threads});
				assert.deepEqual(
					dataset.events.map((event) => event.eventId).sort(),
					['after', 'deep-request', 'deep-tls', 'plain'],
					`${threads} threads`,
				);
				const deep = dataset.events.find((e) => e.eventId === 'deep-tls')!;
				assert.equal(typeof deep.record['tlsDetails'], 'object');
				assert.equal(
					dataset.summary.problems.filter((p) => p.level === 'error').length,
					0,
				);
			}
		} finally {
			await scratch.cleanup();
		}
	});
}

test('a __proto__ key is a field of its record only, and inherited names are no fields', async () => {
	const scratch = await makeScratch();
	try {
		const forged =
			JSON.stringify(call('id-0', {})).slice(0, -1) +
			',"__proto__":{"recipientAccountId":"999999999999"}}';
		const text = `{"Records":[${forged},${JSON.stringify(call('id-1', {}))},${JSON.stringify(call('id-2', {}))}]}`;
		await scratch.write('p/proto.json', text);
		for (const threads of [0, 2]) {
			const dataset = await openDataset([`${scratch.dir}/p`], {threads});
			for (const query of [
				'account=999999999999',
				'toString~function',
				'constructor~function',
			]) {
				const parsed = parseFilter(query);
				assert.ok(parsed.ok);
				assert.deepEqual(
					dataset.events
						.filter((e) => parsed.filter.test(e))
						.map((e) => e.eventId),
					[],
					`${query}, ${threads} threads`,
				);
			}
		}
	} finally {
		await scratch.cleanup();
	}
});

test('a --max-file-mb that rounds to no byte at all is bad usage', () => {
	const run = runBuiltCli(['--report', '--max-file-mb', '0.0000001', '.']);
	assert.equal(run.status, 2, run.stderr);
	assert.match(run.stderr, /--max-file-mb takes a number/);
});

test('copies spread round robin over many files parse each file at most once', async () => {
	const scratch = await makeScratch();
	try {
		const files = 24;
		const perFile = 50;
		const copies: unknown[] = [];
		for (let f = 0; f < files; f++) {
			const records = Array.from({length: perFile}, (_, i) =>
				call(`id-${f}-${i}`, {}),
			);

			await scratch.write(
				`c/f${String(f).padStart(2, '0')}.json`,
				JSON.stringify({Records: records}),
			);
		}

		// A later file copies one record of each file in turn.
		for (let i = 0; i < perFile; i++) {
			for (let f = 0; f < files; f++) {
				copies.push(call(`id-${f}-${i}`, {}));
			}
		}

		await scratch.write('c/z-copies.json', JSON.stringify({Records: copies}));
		const {events, summary, store} = await loadEvents([`${scratch.dir}/c`], {
			threads: 0,
			ranges: bundledRanges,
		});
		assert.equal(events.length, files * perFile);
		assert.equal(summary.duplicates, files * perFile);
		assert.ok(
			store.decodes <= files + 1,
			`${store.decodes} files parsed again for ${files + 1} files`,
		);
	} finally {
		await scratch.cleanup();
	}
});
