import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {parseQuery} from '../../source/query/filter.js';
import {projectRoot} from '../helpers/paths.js';

/** The README's Filters section: every query it shows must read. */
const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const start = readme.indexOf('### Filters');
const section = readme.slice(start, readme.indexOf('\n#', start + 1));

test('the examples of the Filters section read as queries', () => {
	const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	const lines = block.split('\n').filter((line) => line.trim() !== '');
	assert.ok(lines.length >= 6);
	for (const line of lines) {
		// A note may follow a query after a wide gap.
		const query = line.split(/ {3,}/)[0]!;
		const parsed = parseQuery(query);
		assert.ok(parsed.ok, `${query}: ${parsed.ok ? '' : parsed.error}`);
	}
});

test('every clause in the first column of the table reads', () => {
	const rows = section
		.split('\n')
		.filter((line) => line.startsWith('| `'))
		.map((line) => line.split(/(?<!\\)\|/)[1]!);
	assert.ok(rows.length >= 10);
	for (const cell of rows) {
		for (const [, code] of cell.matchAll(/`([^`]+)`/g)) {
			const query = code!.replaceAll('\\|', '|');
			const parsed = parseQuery(query);
			assert.ok(parsed.ok, `${query}: ${parsed.ok ? '' : parsed.error}`);
		}
	}
});
