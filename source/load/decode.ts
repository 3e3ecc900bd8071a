import {constants, isUtf8} from 'node:buffer';
import type {LoadProblem} from '../core/types.js';
import {gunzip} from './gunzip.js';
import {formatBytes} from './read-bytes.js';
import {
	describeNotLog,
	sniffContent,
	sniffLength,
	utf16WithoutBom,
} from './sniff.js';

/** The text of one file and what went wrong on the way to it. */
export interface Decoded {
	/** The decoded text without a byte-order mark; empty when none was kept. */
	text: string;
	problems: LoadProblem[];
	/**
	The text stops early (truncated or corrupt gzip), so damage at its end
	is already reported and the parser's view of it adds a detail only.
	*/
	cut: boolean;
	/** No usable text at all: the file is done with once decoding fails. */
	failed: boolean;
	/** The decoded content is not JSON: a gzipped CSV or tarball. */
	notLog: boolean;
}

/** How many gzip layers are undone: S3 downloads sometimes add one. */
const maxGzipLayers = 2;

const gzipNamed = /\.gz$/i;

const zeroBlock = Buffer.alloc(64 * 1024);

/**
The bytes before a run of NUL bytes at the end: padding left by a copy tool
or a pre-allocated file, not data, in a plain file as after a gzip stream.
Compared block by block in native code: a bomb of zeros is 256 MiB of them.
*/
export function withoutZeroPadding(data: Buffer): Buffer {
	let end = data.length;
	while (end > 0) {
		const start = Math.max(0, end - zeroBlock.length);
		if (data.compare(zeroBlock, 0, end - start, start, end) !== 0) {
			break;
		}

		end = start;
	}

	while (end > 0 && data[end - 1] === 0) {
		end--;
	}

	return end === data.length ? data : data.subarray(0, end);
}

/** Turn bytes into text, noting bytes that are not UTF-8 instead of failing. */
function toText(
	file: string,
	data: Buffer,
	gzipped: boolean,
	decoded: Decoded,
): void {
	const kind = sniffContent(data.subarray(0, sniffLength));
	if (kind === 'other' || kind === 'gzip') {
		decoded.notLog = true;
		const prefix = gzipped ? 'after gunzip: ' : '';
		const {level, message} =
			kind === 'gzip'
				? {
						level: 'warning' as const,
						message: decoded.cut
							? 'a gzip inside the cut gzip: not read'
							: `gzip nested more than ${maxGzipLayers} deep: skipped`,
					}
				: describeNotLog(data.subarray(0, sniffLength));
		decoded.problems.push({level, file, message: prefix + message});
		return;
	}

	if (data.length > constants.MAX_STRING_LENGTH) {
		decoded.failed = true;
		decoded.problems.push({
			level: 'error',
			file,
			message: `${formatBytes(data.length)} of text is more than one string can hold: not read`,
		});
		return;
	}

	if (kind === 'utf16') {
		const marked = data[0] === 0xff || data[0] === 0xfe;
		const order = marked
			? data[0] === 0xfe
				? 'be'
				: 'le'
			: utf16WithoutBom(data.subarray(0, sniffLength));
		const decoder = new TextDecoder(order === 'be' ? 'utf-16be' : 'utf-16le');
		decoded.text = decoder.decode(data);
		decoded.problems.push(
			marked
				? {
						level: 'info',
						file,
						message: 'UTF-16 text (a PowerShell redirect?), converted',
					}
				: {
						level: 'warning',
						file,
						message:
							`UTF-16${order === 'be' ? 'BE' : 'LE'} text without a byte-order mark ` +
							'(every other byte is zero), converted; save logs as UTF-8',
					},
		);
		return;
	}

	const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
	decoded.text = data.toString('utf8', bom ? 3 : 0);
	if (!isUtf8(data)) {
		decoded.problems.push({
			level: 'warning',
			file,
			message: 'bytes that are not UTF-8 were replaced with U+FFFD',
		});
	}
}

/**
Decode a file's bytes to text. Compression is told by the gzip magic bytes,
never by the name; a name that disagrees with the content gets a note.
*/
export async function decodeBytes(
	file: string,
	bytes: Buffer,
	maxDecodedBytes: number,
): Promise<Decoded> {
	const decoded: Decoded = {
		text: '',
		problems: [],
		cut: false,
		failed: false,
		notLog: false,
	};
	const note = (level: LoadProblem['level'], message: string) => {
		decoded.problems.push({level, file, message});
	};

	const kind = sniffContent(bytes.subarray(0, sniffLength));
	const named = gzipNamed.test(file);
	if (kind === 'gzip' && !named) {
		note('info', 'gzip content without .gz suffix');
	} else if (kind !== 'gzip' && kind !== 'empty' && named) {
		note('info', 'named .gz but not gzip, read as plain JSON');
	}

	let data = bytes;
	for (let layer = 0; layer < maxGzipLayers; layer++) {
		if (sniffContent(data.subarray(0, 2)) !== 'gzip') {
			break;
		}

		if (layer > 0) {
			note('info', 'gzip inside gzip: decompressed twice');
		}

		const result = await gunzip(data, maxDecodedBytes);
		if (result.capExceeded) {
			note(
				'error',
				`decompressed size passed the cap of ${formatBytes(maxDecodedBytes)} ` +
					'per file (raise it with --max-file-mb): stopped, a decompression bomb?',
			);
			decoded.cut = true;
		} else if (result.truncated) {
			note('error', 'unexpected end of gzip data');
			decoded.cut = true;
		} else if (result.corrupt !== undefined) {
			note('error', `corrupt gzip data (${result.corrupt})`);
			decoded.cut = true;
		}

		if (result.trailingBytes > 0) {
			note(
				'warning',
				`${result.trailingBytes} bytes after end of gzip stream: file altered? ` +
					'(aws cloudtrail validate-logs would reject it)',
			);
		}

		data = result.data;
		if (decoded.cut) {
			break;
		}
	}

	// In UTF-16 a zero byte at the end is half of the last character.
	if (sniffContent(data.subarray(0, sniffLength)) !== 'utf16') {
		data = withoutZeroPadding(data);
	}

	if (decoded.cut && data.length === 0) {
		decoded.failed = true;
		return decoded;
	}

	toText(file, data, data !== bytes, decoded);
	return decoded;
}
