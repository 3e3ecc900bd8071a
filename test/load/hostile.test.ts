import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmod, readdir, readFile, stat, symlink} from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {loadRecords} from '../../source/load/load-records.js';
import {caseFile} from '../helpers/paths.js';
import {ofLevel, show} from './problems.js';
import {type Scratch, makeScratch} from './scratch.js';

let scratch: Scratch;
before(async () => {
	scratch = await makeScratch();
});
after(async () => {
	await scratch.cleanup();
});

const mebibyte = 1024 * 1024;
const goodLog = () => readFile(caseFile('BR-03.json'));

test('a decompression bomb stops at the cap with an error and other files still load', async () => {
	const bomb = await scratch.write(
		'bomb/bomb.json.gz',
		gzipSync(Buffer.alloc(64 * mebibyte)),
	);
	await scratch.write('bomb/good.json', await goodLog());
	const {summary} = await loadRecords([path.join(scratch.dir, 'bomb')], {
		maxDecodedBytes: mebibyte,
	});
	assert.equal(summary.events, 3);
	const errors = ofLevel(summary.problems, 'error');
	assert.equal(errors.length, 1, show(summary.problems));
	assert.equal(errors[0]!.file, bomb);
	assert.match(errors[0]!.message, /cap of 1 MiB/);
	assert.match(errors[0]!.message, /decompression bomb/);
});

test('a plain file larger than the cap is refused before it is read', async () => {
	const big = await scratch.write(
		'too-big/big.json',
		`{"Records":[${'0,'.repeat(mebibyte)}0]}`,
	);
	const {summary} = await loadRecords([big], {maxDecodedBytes: mebibyte});
	assert.equal(summary.filesRead, 0);
	assert.deepEqual(
		summary.problems.map((problem) => [problem.level, problem.file]),
		[['error', big]],
	);
	assert.match(summary.problems[0]!.message, /more than the cap of 1 MiB/);
});

test('a symbolic link loop is reported and the rest loads', async () => {
	await scratch.write('links/logs/good.json', await goodLog());
	await symlink('..', path.join(scratch.dir, 'links/logs/parent'));
	await symlink('b', path.join(scratch.dir, 'links/a'));
	await symlink('a', path.join(scratch.dir, 'links/b'));
	const {summary} = await loadRecords([path.join(scratch.dir, 'links')]);
	assert.equal(summary.events, 3);
	assert.equal(ofLevel(summary.problems, 'warning').length, 3);
	assert.ok(
		summary.problems.every((problem) => /loop/.test(problem.message)),
		show(summary.problems),
	);
});

test('unreadable paths are reported by name and the rest loads', async () => {
	// Tests run as root on CI, where chmod 000 stops nothing: cover what root
	// cannot read too (a dangling link, a path through a file, a missing path).
	const good = await scratch.write('unreadable/good.json', await goodLog());
	await symlink('missing.json', path.join(scratch.dir, 'unreadable/dangling'));
	const throughFile = path.join(good, 'inner.json');
	const missing = path.join(scratch.dir, 'unreadable/not-there.json');
	const {summary} = await loadRecords([
		path.join(scratch.dir, 'unreadable'),
		throughFile,
		missing,
	]);
	assert.equal(summary.events, 3);
	assert.deepEqual(
		summary.problems.map((problem) => [
			problem.level,
			path.relative(scratch.dir, problem.file),
		]),
		[
			['warning', 'unreadable/dangling'],
			['error', 'unreadable/good.json/inner.json'],
			['error', 'unreadable/not-there.json'],
		],
	);
	assert.match(summary.problems[0]!.message, /broken symbolic link/);
	assert.match(summary.problems[1]!.message, /not a folder/);
	assert.match(summary.problems[2]!.message, /no such file/);
});

test('a file without read permission is reported (when not running as root)', async (t) => {
	if (process.getuid?.() === 0) {
		t.skip('root reads files whatever their mode');
		return;
	}

	const locked = await scratch.write('locked/secret.json', await goodLog());
	await chmod(locked, 0o000);
	const {summary} = await loadRecords([path.join(scratch.dir, 'locked')]);
	await chmod(locked, 0o600);
	assert.equal(summary.events, 0);
	assert.equal(summary.filesWithErrors, 1);
	assert.match(summary.problems[0]!.message, /permission denied/);
});

test('a FIFO and a socket are skipped without being opened', async (t) => {
	const dir = path.join(scratch.dir, 'special');
	await scratch.write('special/good.json', await goodLog());
	try {
		execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
	} catch {
		t.skip('mkfifo is not available');
		return;
	}

	const server = net.createServer();
	await new Promise<void>((resolve) => {
		server.listen(path.join(dir, 'socket.json'), resolve);
	});
	try {
		const {summary} = await loadRecords([dir]);
		assert.equal(summary.events, 3);
		assert.deepEqual(
			summary.problems.map((problem) => [
				problem.level,
				path.basename(problem.file),
			]),
			[
				['warning', 'pipe.json'],
				['warning', 'socket.json'],
			],
		);
		assert.match(summary.problems[0]!.message, /FIFO.*never opened/);
		assert.match(summary.problems[1]!.message, /socket/);
	} finally {
		await new Promise((resolve) => {
			server.close(resolve);
		});
	}
});

test('bytes that are not UTF-8 are replaced with a warning, and the file loads', async () => {
	const file = await scratch.write(
		'latin1/log.json',
		Buffer.concat([
			Buffer.from('{"Records":[{"eventID":"x","userAgent":"caf'),
			Buffer.from([0xe9, 0xff]),
			Buffer.from('"}]}'),
		]),
	);
	const {records, summary} = await loadRecords([file]);
	assert.equal(records.length, 1);
	assert.equal(records[0]!.record['userAgent'], 'caf\uFFFD\uFFFD');
	assert.deepEqual(
		summary.problems.map((problem) => problem.level),
		['warning'],
	);
	assert.match(summary.problems[0]!.message, /not UTF-8/);
});

/** Every entry below a folder with its size and modification time. */
async function listing(dir: string): Promise<string[]> {
	const entries = await readdir(dir, {recursive: true});
	const lines = await Promise.all(
		entries.map(async (entry) => {
			const info = await stat(path.join(dir, entry)).catch(() => undefined);
			return `${entry} ${info?.size} ${info?.mtimeMs}`;
		}),
	);
	return lines.sort();
}

test('loading writes nothing into the log folders', async () => {
	const fixtures = path.dirname(caseFile('BR-03.json'));
	const before = [await listing(scratch.dir), await listing(fixtures)];
	await loadRecords([scratch.dir, fixtures], {maxDecodedBytes: mebibyte});
	const after = [await listing(scratch.dir), await listing(fixtures)];
	assert.deepEqual(after, before);
});
