import fs from 'node:fs';
import path from 'node:path';

/**
Writes an export, chunk by chunk, so that a million events never become one
string (Node caps a string at 512 MB). A file is replaced whole: the text
goes to a temporary file beside it, renamed over the old one at the end, so
a failed write leaves the old file as it was. Asked not to overwrite, it
creates the file exclusively and fails with EEXIST when it is there.
*/

/** Text gathered before one write. */
const batchSize = 1 << 20;

function writeAll(fd: number, chunks: Iterable<string>): void {
	let pending = '';
	for (const chunk of chunks) {
		pending += chunk;
		if (pending.length >= batchSize) {
			fs.writeSync(fd, pending);
			pending = '';
		}
	}

	if (pending !== '') {
		fs.writeSync(fd, pending);
	}
}

export function writeFileChunks(
	file: string,
	chunks: Iterable<string>,
	options: {overwrite: boolean},
): void {
	const target = path.resolve(file);
	const temporary = options.overwrite
		? path.join(
				path.dirname(target),
				`.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`,
			)
		: target;
	const fd = fs.openSync(temporary, 'wx', 0o600);
	try {
		writeAll(fd, chunks);
		fs.closeSync(fd);
		if (temporary !== target) {
			fs.renameSync(temporary, target);
		}
	} catch (error) {
		try {
			fs.closeSync(fd);
		} catch {
			// Closed already.
		}

		fs.rmSync(temporary, {force: true});
		throw error;
	}
}

/** Writes to a stream (standard output), waiting whenever it is full. */
export async function writeStreamChunks(
	stream: NodeJS.WritableStream,
	chunks: Iterable<string>,
): Promise<void> {
	let pending = '';
	const flush = async (): Promise<void> => {
		if (pending === '') {
			return;
		}

		const text = pending;
		pending = '';
		if (!stream.write(text)) {
			await new Promise<void>((resolve) => {
				stream.once('drain', resolve);
			});
		}
	};

	for (const chunk of chunks) {
		pending += chunk;
		if (pending.length >= batchSize) {
			await flush();
		}
	}

	await flush();
}

/** The text of a write error for a person: the code, the path. */
export function writeProblem(file: string, error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code ?? String(error);
	return `cannot write ${file} (${code})`;
}
