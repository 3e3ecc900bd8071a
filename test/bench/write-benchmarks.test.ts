import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	investigationMarkers,
	keysMarkers,
	mainMarkers,
	spliceBlock,
	writeBenchmarks,
} from '../../bench/write-benchmarks.js';
import type {Target} from '../../bench/report.js';

const page = [
	'# Benchmarks',
	'',
	mainMarkers[0],
	'',
	'old main tables (1M included)',
	'',
	mainMarkers[1],
	'',
	'## Investigation',
	'',
	investigationMarkers[0],
	'',
	'old investigation tables',
	'',
	investigationMarkers[1],
	'',
	keysMarkers[0],
	'',
	'old keys table',
	'',
	keysMarkers[1],
	'',
].join('\n');

const judged: Target[] = [{target: 'a', status: 'met', detail: ''}];
const partial: Target[] = [
	{target: 'a', status: 'met', detail: ''},
	{target: '1M', status: 'not measured', detail: 'no figure in this run'},
];

function scratchFile(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-bench-write-'));
	const file = path.join(dir, 'BENCHMARKS.md');
	fs.writeFileSync(file, page);
	return file;
}

test('spliceBlock replaces only what lies between the markers', () => {
	const text = spliceBlock(page, mainMarkers, 'new tables\n');
	assert.match(text, /<!-- bench:start -->\n\nnew tables\n\n<!-- bench:end/);
	assert.ok(text.includes('old investigation tables'));
	assert.ok(!text.includes('old main tables'));
	assert.throws(() => spliceBlock('# nothing', mainMarkers, 'x'), /no <!--/);
});

test('a run that leaves targets not measured keeps the main tables', () => {
	const file = scratchFile();
	try {
		const written = writeBenchmarks(file, {
			main: 'quick main tables',
			targets: partial,
			investigation: 'new investigation tables',
		});
		assert.deepEqual(written, {
			main: false,
			investigation: true,
			keys: false,
		});
		const text = fs.readFileSync(file, 'utf8');
		assert.ok(text.includes('old main tables (1M included)'));
		assert.ok(!text.includes('quick main tables'));
		assert.ok(text.includes('new investigation tables'));
		assert.ok(!text.includes('old investigation tables'));
	} finally {
		fs.rmSync(path.dirname(file), {recursive: true, force: true});
	}
});

test('a run that judges every target replaces the main tables', () => {
	const file = scratchFile();
	try {
		const written = writeBenchmarks(file, {
			main: 'full main tables',
			targets: judged,
			investigation: undefined,
		});
		assert.deepEqual(written, {
			main: true,
			investigation: false,
			keys: false,
		});
		const text = fs.readFileSync(file, 'utf8');
		assert.ok(text.includes('full main tables'));
		assert.ok(text.includes('old investigation tables'));
	} finally {
		fs.rmSync(path.dirname(file), {recursive: true, force: true});
	}
});

test('a quick run with the keys table alone keeps the other tables', () => {
	const file = scratchFile();
	try {
		const written = writeBenchmarks(file, {
			main: 'quick main tables',
			targets: partial,
			investigation: undefined,
			keys: 'new keys table',
		});
		assert.deepEqual(written, {
			main: false,
			investigation: false,
			keys: true,
		});
		const text = fs.readFileSync(file, 'utf8');
		assert.ok(text.includes('old main tables (1M included)'));
		assert.ok(text.includes('old investigation tables'));
		assert.ok(text.includes('new keys table'));
		assert.ok(!text.includes('old keys table'));
	} finally {
		fs.rmSync(path.dirname(file), {recursive: true, force: true});
	}
});
