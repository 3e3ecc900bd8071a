import {mkdtemp, rm, writeFile, mkdir} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder for one test file, removed by `cleanup`. */
export interface Scratch {
	dir: string;
	/** Write a file below the folder, creating its parent folders. */
	write(relative: string, content: string | Uint8Array): Promise<string>;
	cleanup(): Promise<void>;
}

export async function makeScratch(): Promise<Scratch> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'trailtui-load-'));
	return {
		dir,
		async write(relative, content) {
			const file = path.join(dir, relative);
			await mkdir(path.dirname(file), {recursive: true});
			await writeFile(file, content);
			return file;
		},
		async cleanup() {
			await rm(dir, {recursive: true, force: true});
		},
	};
}
