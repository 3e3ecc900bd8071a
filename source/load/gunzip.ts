import zlib from 'node:zlib';

/** The outcome of decompressing every gzip member of a file. */
export interface GunzipResult {
	/** The decoded bytes, joined across members; partial when cut short. */
	data: Buffer;
	/** The input ended inside a member (header, data or trailer). */
	truncated: boolean;
	/** Decoding stopped at the cap: `data` holds the bytes up to it. */
	capExceeded: boolean;
	/** Bytes after the last complete member that are not NUL padding. */
	trailingBytes: number;
	/** Corrupt data or a failed checksum, in zlib's words. */
	corrupt?: string;
}

/** Absent before Node 20.15: checksums are then left unchecked. */
const crc32: typeof zlib.crc32 | undefined = zlib.crc32;

const flagHeaderCrc = 0x02;
const flagExtra = 0x04;
const flagName = 0x08;
const flagComment = 0x10;
const flagReserved = 0xe0;

type HeaderScan = number | 'truncated' | 'invalid';

/** Find where a member's deflate data starts (RFC 1952 section 2.3). */
function skipHeader(input: Buffer, start: number): HeaderScan {
	const available = input.length - start;
	if (input[start] !== 0x1f || (available > 1 && input[start + 1] !== 0x8b)) {
		return 'invalid';
	}

	if (available < 10) {
		return 'truncated';
	}

	const flags = input[start + 3]!;
	if (input[start + 2] !== 8 || (flags & flagReserved) !== 0) {
		return 'invalid';
	}

	let at = start + 10;
	if (flags & flagExtra) {
		if (at + 2 > input.length) {
			return 'truncated';
		}

		at += 2 + input.readUInt16LE(at);
	}

	for (const flag of [flagName, flagComment]) {
		if (flags & flag) {
			const end = input.indexOf(0, at);
			if (end === -1) {
				return 'truncated';
			}

			at = end + 1;
		}
	}

	if (flags & flagHeaderCrc) {
		at += 2;
	}

	return at > input.length ? 'truncated' : at;
}

/**
The decoded bytes, written into one buffer that grows by doubling. Sized
from the gzip trailer's length field first, an honest file fills it with no
copy at all; joining a list of chunks instead would hold the output twice.
*/
class Output {
	buffer: Buffer;
	length = 0;

	constructor(
		hint: number,
		private readonly cap: number,
	) {
		this.buffer = Buffer.allocUnsafe(Math.min(Math.max(hint, 64 * 1024), cap));
	}

	/** Append a chunk; the caller has already checked it fits under the cap. */
	push(chunk: Buffer): void {
		const needed = this.length + chunk.length;
		if (needed > this.buffer.length) {
			const grown = Buffer.allocUnsafe(
				Math.min(Math.max(needed, this.buffer.length * 2), this.cap),
			);
			this.buffer.copy(grown, 0, 0, this.length);
			this.buffer = grown;
		}

		chunk.copy(this.buffer, this.length);
		this.length = needed;
	}

	/** The bytes written, as a view: never a copy. */
	get data(): Buffer {
		return this.buffer.subarray(0, this.length);
	}
}

interface MemberResult {
	consumed: number;
	ended: boolean;
	capExceeded: boolean;
	crc: number;
	size: number;
	error?: string;
}

/**
Inflate one member's deflate data from a stream, so a large file never
blocks the event loop, and stop as soon as the output passes the cap.
*/
function inflateMember(
	body: Buffer,
	room: number,
	output: Output,
): Promise<MemberResult> {
	return new Promise((resolve) => {
		const inflater = zlib.createInflateRaw({chunkSize: 64 * 1024});
		const result: MemberResult = {
			consumed: 0,
			ended: false,
			capExceeded: false,
			crc: 0,
			size: 0,
		};
		inflater.on('data', (chunk: Buffer) => {
			if (result.capExceeded) {
				return;
			}

			if (result.size + chunk.length > room) {
				// Keep what fits: the complete records in it are still read.
				output.push(chunk.subarray(0, room - result.size));
				result.size = room;
				result.capExceeded = true;
				inflater.destroy();
				resolve(result);
				return;
			}

			result.size += chunk.length;
			result.crc = crc32 ? crc32(chunk, result.crc) : 0;
			output.push(chunk);
		});
		inflater.on('error', (error: Error & {code?: string}) => {
			result.consumed = inflater.bytesWritten;
			if (error.code !== 'Z_BUF_ERROR') {
				result.error = error.message;
			}

			resolve(result);
		});
		inflater.on('end', () => {
			result.consumed = inflater.bytesWritten;
			result.ended = true;
			resolve(result);
		});
		inflater.end(body);
	});
}

/** True when every byte from `start` on is zero: padding, not data. */
function onlyZeros(input: Buffer, start: number): boolean {
	for (let i = start; i < input.length; i++) {
		if (input[i] !== 0) {
			return false;
		}
	}

	return true;
}

/**
Decompress gzip data member by member. Node's own gunzip throws away
everything when bytes follow the last member, and gives nothing back from a
truncated one; here the good part is kept and the damage is described.
*/
export async function gunzip(
	input: Buffer,
	maxBytes: number,
): Promise<GunzipResult> {
	// ISIZE of the last member: the whole size of a one-member file, mod 2^32.
	// Deflate expands at most about 1032 times: a larger claim is a lie.
	const claimed = input.length >= 18 ? input.readUInt32LE(input.length - 4) : 0;
	const output = new Output(Math.min(claimed, input.length * 1032), maxBytes);
	const result: GunzipResult = {
		data: Buffer.alloc(0),
		truncated: false,
		capExceeded: false,
		trailingBytes: 0,
	};
	let offset = 0;
	let total = 0;
	for (let member = 0; offset < input.length; member++) {
		const bodyStart = skipHeader(input, offset);
		if (bodyStart === 'invalid' && member > 0) {
			result.trailingBytes = input.length - offset;
			break;
		}

		if (bodyStart === 'invalid') {
			result.corrupt = 'not gzip data';
			break;
		}

		if (bodyStart === 'truncated') {
			result.truncated = true;
			break;
		}

		const inflated = await inflateMember(
			input.subarray(bodyStart),
			maxBytes - total,
			output,
		);
		total += inflated.size;
		if (inflated.capExceeded) {
			result.capExceeded = true;
			break;
		}

		if (inflated.error !== undefined) {
			result.corrupt = inflated.error;
			break;
		}

		const trailer = bodyStart + inflated.consumed;
		if (!inflated.ended || trailer + 8 > input.length) {
			result.truncated = true;
			break;
		}

		const crcOk = !crc32 || input.readUInt32LE(trailer) === inflated.crc;
		// ISIZE is the member's size modulo 2^32 (RFC 1952).
		if (!crcOk || input.readUInt32LE(trailer + 4) !== inflated.size >>> 0) {
			result.corrupt = 'checksum or length mismatch: data corrupt';
			break;
		}

		offset = trailer + 8;
		if (onlyZeros(input, offset)) {
			break;
		}
	}

	result.data = output.data;
	return result;
}
