import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {link, symlink} from 'node:fs/promises';
import path from 'node:path';
import {discoverFiles} from '../../source/load/discover.js';
import {show} from './problems.js';
import {type Scratch, makeScratch} from './scratch.js';

let scratch: Scratch;
before(async () => {
	scratch = await makeScratch();
});
after(async () => {
	await scratch.cleanup();
});

const records = '{"Records":[]}';

test('folders are walked recursively in code-unit order, arguments in the order given', async () => {
	await scratch.write('order/b/2.json', records);
	await scratch.write('order/b/10.json', records);
	await scratch.write('order/a.json', records);
	await scratch.write('order/B.json', records);
	await scratch.write('order/c', records);
	const single = await scratch.write('single.json', records);
	const {files, problems} = await discoverFiles([
		single,
		path.join(scratch.dir, 'order'),
	]);
	assert.deepEqual(problems, []);
	assert.deepEqual(
		files.map((file) => path.relative(scratch.dir, file.path)),
		[
			'single.json',
			'order/B.json',
			'order/a.json',
			'order/b/10.json',
			'order/b/2.json',
			'order/c',
		],
	);
});

test('a file reached twice by links or arguments is listed once', async () => {
	const original = await scratch.write('twice/original.json', records);
	await link(original, path.join(scratch.dir, 'twice/hard-link.json'));
	await symlink(original, path.join(scratch.dir, 'twice/soft-link.json'));
	const {files, problems} = await discoverFiles([
		path.join(scratch.dir, 'twice'),
		original,
	]);
	assert.deepEqual(problems, []);
	assert.equal(files.length, 1);
});

test('files whose first bytes are not JSON or gzip are skipped with a note', async () => {
	await scratch.write('sniff/index.csv', 'line,rule\n1,a\n');
	await scratch.write('sniff/README', '# notes\n');
	await scratch.write('sniff/bom.json', `\uFEFF  \n${records}`);
	await scratch.write('sniff/gzip-without-suffix', Buffer.from([0x1f, 0x8b]));
	await scratch.write('sniff/blank.json', '');
	const {files, problems, skippedNotLog} = await discoverFiles([
		path.join(scratch.dir, 'sniff'),
	]);
	assert.deepEqual(
		files.map((file) => path.basename(file.path)),
		['blank.json', 'bom.json', 'gzip-without-suffix'],
	);
	assert.equal(skippedNotLog, 2);
	assert.deepEqual(
		problems.map((problem) => [problem.level, path.basename(problem.file)]),
		[
			['info', 'README'],
			['info', 'index.csv'],
		],
		show(problems),
	);
	assert.match(
		problems[1]!.message,
		/^not JSON or gzip \(starts with "line,rule\.1,"\)/,
	);
});

test('a folder link back to an ancestor is reported once and not followed', async () => {
	await scratch.write('loop/inner/log.json', records);
	await symlink('..', path.join(scratch.dir, 'loop/inner/up'));
	const {files, problems} = await discoverFiles([
		path.join(scratch.dir, 'loop'),
	]);
	assert.equal(files.length, 1);
	assert.equal(problems.length, 1, show(problems));
	assert.equal(problems[0]!.level, 'warning');
	assert.equal(problems[0]!.file, path.join(scratch.dir, 'loop/inner/up'));
	assert.match(problems[0]!.message, /symbolic link loop/);
});

test('links that point at each other are reported as a loop', async () => {
	const first = path.join(scratch.dir, 'cycle/first');
	await scratch.write('cycle/log.json', records);
	await symlink('second', first);
	await symlink('first', path.join(scratch.dir, 'cycle/second'));
	const {files, problems} = await discoverFiles([
		path.join(scratch.dir, 'cycle'),
	]);
	assert.equal(files.length, 1);
	assert.deepEqual(
		problems.map((problem) => [problem.level, path.basename(problem.file)]),
		[
			['warning', 'first'],
			['warning', 'second'],
		],
	);
	assert.match(problems[0]!.message, /symbolic link loop/);
});
