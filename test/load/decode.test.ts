import {test} from 'node:test';
import assert from 'node:assert/strict';
import {gzipSync} from 'node:zlib';
import {decodeBytes} from '../../source/load/decode.js';
import {gunzip} from '../../source/load/gunzip.js';

const text = '{"Records":[{"eventID":"a"}]}';
const gzip = gzipSync(text);
const cap = 1024 * 1024;

test('concatenated gzip members are decoded and joined', async () => {
	const result = await gunzip(
		Buffer.concat([gzipSync('{"Records":'), gzipSync('[]}')]),
		cap,
	);
	assert.equal(result.data.toString(), '{"Records":[]}');
	assert.equal(result.trailingBytes, 0);
	assert.equal(result.truncated, false);
});

test('NUL padding after the gzip stream is accepted silently', async () => {
	const decoded = await decodeBytes(
		'padded.json.gz',
		Buffer.concat([gzip, Buffer.alloc(100)]),
		cap,
	);
	assert.equal(decoded.text, text);
	assert.deepEqual(decoded.problems, []);
});

test('bytes after the stream are counted exactly, padding and garbage alike', async () => {
	const result = await gunzip(
		Buffer.concat([gzip, Buffer.alloc(3), Buffer.from('XY')]),
		cap,
	);
	assert.equal(result.trailingBytes, 5);
	assert.equal(result.data.toString(), text);
});

test('a second member with a broken header counts as trailing bytes', async () => {
	const broken = Buffer.from([0x1f, 0x8b, 0x63, 0, 0, 0, 0, 0, 0, 0, 0]);
	const result = await gunzip(Buffer.concat([gzip, broken]), cap);
	assert.equal(result.trailingBytes, broken.length);
});

test('a gzip cut inside its header is truncated with no text', async () => {
	const decoded = await decodeBytes('cut.gz', gzip.subarray(0, 5), cap);
	assert.equal(decoded.failed, true);
	assert.deepEqual(
		decoded.problems.map((problem) => problem.message),
		['unexpected end of gzip data'],
	);
});

test('a gzip that lost only its trailer is truncated but keeps all text', async () => {
	const result = await gunzip(gzip.subarray(0, gzip.length - 8), cap);
	assert.equal(result.truncated, true);
	assert.equal(result.data.toString(), text);
});

test('a wrong checksum is reported as corrupt data', async () => {
	const damaged = Buffer.from(gzip);
	damaged[damaged.length - 8]! ^= 0xff;
	const decoded = await decodeBytes('crc.json.gz', damaged, cap);
	assert.equal(decoded.cut, true);
	assert.match(decoded.problems[0]!.message, /corrupt gzip data/);
});

test('the decoded size cap stops a bomb early', async () => {
	const result = await gunzip(gzipSync(Buffer.alloc(8 * cap)), cap);
	assert.equal(result.capExceeded, true);
	assert.ok(result.data.length <= cap);
});

test('the cap counts every member together', async () => {
	const half = gzipSync(Buffer.alloc(cap / 2 + 1));
	const result = await gunzip(Buffer.concat([half, half]), cap);
	assert.equal(result.capExceeded, true);
});

test('gzip inside gzip is undone twice with a note', async () => {
	const decoded = await decodeBytes('double.gz', gzipSync(gzip), cap);
	assert.equal(decoded.text, text);
	assert.deepEqual(
		decoded.problems.map((problem) => problem.message),
		['gzip inside gzip: decompressed twice'],
	);
});

test('gzip content that is not JSON is marked as not a log', async () => {
	const decoded = await decodeBytes(
		'table.csv.gz',
		gzipSync('a,b\n1,2\n'),
		cap,
	);
	assert.equal(decoded.notLog, true);
	assert.match(decoded.problems[0]!.message, /^after gunzip: not JSON or gzip/);
});

test('a UTF-8 byte-order mark is stripped', async () => {
	const decoded = await decodeBytes(
		'bom.json',
		Buffer.from(`\uFEFF${text}`),
		cap,
	);
	assert.equal(decoded.text, text);
	assert.deepEqual(decoded.problems, []);
});

test('UTF-16 text from a PowerShell redirect is converted', async () => {
	const bytes = Buffer.concat([
		Buffer.from([0xff, 0xfe]),
		Buffer.from(text, 'utf16le'),
	]);
	const decoded = await decodeBytes('ps.json', bytes, cap);
	assert.equal(decoded.text, text);
	assert.equal(decoded.problems[0]!.level, 'info');
});

test('a plain file named .gz is read with a note, and no note without the suffix', async () => {
	const named = await decodeBytes('x.json.gz', Buffer.from(text), cap);
	const plain = await decodeBytes('x.json', Buffer.from(text), cap);
	assert.equal(named.text, text);
	assert.deepEqual(
		named.problems.map((problem) => [problem.level, problem.message]),
		[['info', 'named .gz but not gzip, read as plain JSON']],
	);
	assert.deepEqual(plain.problems, []);
});
