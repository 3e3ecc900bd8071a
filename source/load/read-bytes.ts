import {constants} from 'node:fs';
import {open} from 'node:fs/promises';

/**
Read-only and non-blocking: opening a FIFO for reading would otherwise wait
for a writer forever. The walk already skips FIFOs; this covers a file that
was swapped for one after the walk. (`O_NONBLOCK` is absent on Windows.)
*/
export const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a file's bytes could not be returned. */
export class ReadRefused extends Error {}

/** One MiB, for messages. */
export const mebibyte = 1024 * 1024;

/** `512 MiB`, `1.5 MiB` or `900 bytes`, for messages about sizes. */
export function formatBytes(bytes: number): string {
	if (bytes < mebibyte) {
		return `${bytes} bytes`;
	}

	const mib = bytes / mebibyte;
	return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/**
Read a whole regular file, refusing one larger than `maxBytes` before
reading it: the decoded-size cap also bounds what a plain file may cost.
*/
export async function readBytes(
	path: string | Buffer,
	maxBytes: number,
): Promise<Buffer> {
	const handle = await open(path, openFlags);
	try {
		const stats = await handle.stat();
		if (!stats.isFile()) {
			throw new ReadRefused('not a regular file: skipped, never read');
		}

		if (stats.size > maxBytes) {
			throw new ReadRefused(
				`${formatBytes(stats.size)}, more than the cap of ` +
					`${formatBytes(maxBytes)} per file (raise it with --max-file-mb): not read`,
			);
		}

		const buffer = Buffer.allocUnsafe(stats.size);
		let filled = 0;
		while (filled < buffer.length) {
			const {bytesRead} = await handle.read(
				buffer,
				filled,
				buffer.length - filled,
				filled,
			);
			if (bytesRead === 0) {
				break;
			}

			filled += bytesRead;
		}

		// A file that shrank while being read keeps only what was there.
		return buffer.subarray(0, filled);
	} finally {
		await handle.close();
	}
}
