import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {ensureDataset} from '../../bench/generate.js';
import {logsRoot} from '../../bench/files.js';

/**
The compact store must not quietly regress into keeping parsed records: a
generated trail of 200,000 events is opened (loaded, normalised, judged)
in a Node whose heap is capped well below what the same records take as
parsed objects, measured in the same run.
*/

const run = promisify(execFile);
const child = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'capped-heap-child.js',
);
const events = 200_000;
/**
Old-space megabytes the store gets: two thirds of what the records take as
parsed objects (about 380 MB here), while the store's own heap after judging
is about 205 MB, flags and findings included.
*/
const capMb = 250;

async function node(args: string[]): Promise<Record<string, unknown>> {
	const {stdout} = await run(process.execPath, args, {
		maxBuffer: 1024 * 1024,
	});
	return JSON.parse(stdout) as Record<string, unknown>;
}

test(`${events} generated events open with the heap capped at ${capMb} MB`, async () => {
	const dir = path.join(
		os.tmpdir(),
		`trailtui-capped-${process.pid}-${Date.now()}`,
	);
	try {
		const {facts} = ensureDataset(dir, events, 7);
		const root = logsRoot(dir);
		const objects = await node(['--expose-gc', child, 'objects', root]);
		assert.equal(objects['records'], events);
		const objectsMb = Number(objects['heap']) / 1024 / 1024;
		assert.ok(
			capMb <= objectsMb * 0.7,
			`the cap (${capMb} MB) must be well below the parsed objects (${Math.round(objectsMb)} MB)`,
		);

		const opened = await node([
			`--max-old-space-size=${capMb}`,
			'--expose-gc',
			child,
			'store',
			root,
		]);
		assert.equal(opened['events'], events);
		assert.ok(Number(opened['findings']) > 0);
		// The planted theft of the generator is judged, its record readable.
		assert.equal((opened['theftFlags'] as string[]).length > 0, true);
		assert.equal(typeof opened['lastRecordTime'], 'string');
		assert.equal(facts.events, events);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
