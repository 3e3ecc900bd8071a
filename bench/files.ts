import fs from 'node:fs';
import path from 'node:path';

/** The files of a generated dataset, for the tools that read them. */

/**
The folder to give the tools: the bucket's `AWSLogs/`, without the facts
file beside it (which trailtui would otherwise read and skip).
*/
export function logsRoot(dir: string): string {
	return path.join(dir, 'AWSLogs');
}

/** The log and digest files below a folder, relative to it, sorted. */
export function listGzFiles(dir: string): {logs: string[]; digests: string[]} {
	const logs: string[] = [];
	const digests: string[] = [];
	const walk = (relative: string) => {
		for (const entry of fs.readdirSync(path.join(dir, relative), {
			withFileTypes: true,
		})) {
			const child = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				walk(child);
			} else if (entry.name.endsWith('.json.gz')) {
				(child.includes('/CloudTrail-Digest/') ? digests : logs).push(child);
			}
		}
	};

	walk('');
	return {logs: logs.sort(), digests: digests.sort()};
}
