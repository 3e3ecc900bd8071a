import {test, afterEach} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {cleanup} from 'ink-testing-library';
import {openDataset} from '../../source/pipeline.js';
import {formatSummary} from '../../source/report/index.js';
import {caseFile, sample} from '../helpers/paths.js';
import {renderApp} from '../helpers/ui-render.js';

afterEach(cleanup);

function row(lines: string[], label: string): string {
	const line = lines.find((text) => text.startsWith(label));
	assert.ok(line, `no "${label}" row in ${lines.join('\n')}`);
	return line.slice(label.length).trim();
}

async function countFiles(dir: string): Promise<number> {
	const entries = await fs.readdir(dir, {recursive: true, withFileTypes: true});
	return entries.filter((entry) => entry.isFile()).length;
}

test('flaws2: every file found is read, and the not-CloudTrail ones are skipped', async () => {
	const dir = sample('flaws2');
	const dataset = await openDataset([dir]);
	const lines = formatSummary(dataset.summary);
	assert.equal(row(lines, 'Files read'), String(await countFiles(dir)));
	const notes = dataset.summary.problems.filter((problem) =>
		/skipped/.test(problem.message),
	);
	assert.equal(
		row(lines, 'Files skipped'),
		`${notes.length} (0 digest, 0 empty, ${notes.length} not CloudTrail)`,
	);
});

test('BR-04: the report and the screen give the same skipped files', async () => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailtui-br04-'));
	try {
		const empty = await fs.readFile(caseFile('BR-04.json'));
		await fs.writeFile(path.join(dir, 'empty-records.json'), empty);
		await fs.writeFile(
			path.join(dir, 'empty-records.json.gz'),
			gzipSync(empty),
		);
		await fs.writeFile(path.join(dir, 'zero-bytes.json'), '');
		await fs.writeFile(path.join(dir, 'no-records.json'), '{}');
		const dataset = await openDataset([dir]);
		const lines = formatSummary(dataset.summary);
		assert.equal(row(lines, 'Files read'), '4');
		assert.equal(
			row(lines, 'Files skipped'),
			'4 (0 digest, 3 empty, 1 not CloudTrail)',
		);
		const app = await renderApp(dataset, {columns: 120, rows: 24});
		const frame = (app.lastFrame() ?? '').replaceAll(/\s+/g, ' ');
		assert.match(
			frame,
			/4 files read: 4 skipped \(0 digest, 3 empty, 1 not CloudTrail\)/,
		);
	} finally {
		await fs.rm(dir, {recursive: true, force: true});
	}
});
