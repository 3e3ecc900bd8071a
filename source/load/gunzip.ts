import zlib from 'node:zlib';

/** The outcome of decompressing every gzip member of a file. */
export interface GunzipResult {
	/** The decoded bytes, joined across members; partial when cut short. */
	data: Buffer;
	/** The input ended inside a member (header, data or trailer). */
	truncated: boolean;
	/** Decoding stopped because the output passed the cap. */
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
	chunks: Buffer[],
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

			result.size += chunk.length;
			if (result.size > room) {
				result.capExceeded = true;
				inflater.destroy();
				resolve(result);
				return;
			}

			result.crc = crc32 ? crc32(chunk, result.crc) : 0;
			chunks.push(chunk);
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
	const chunks: Buffer[] = [];
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
			chunks,
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

	result.data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
	return result;
}
