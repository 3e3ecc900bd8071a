import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {listGzFiles} from './files.js';
import {repeat, type Measurement} from './measurement.js';
import {
	PeakSampler,
	benchScript,
	hasProgram,
	runNodeChild,
	succeeded,
} from './proc.js';

/**
The reference measurements trailtui is compared with, each in a process of
its own: zcat of every log file, Node's gunzip + JSON.parse on one thread
and on two worker threads (the "two-thread parse floor"), and jq selecting
ListBuckets. All of them read the log files only, not the digests.
*/

/** The jq program of the comparison, as a person would type it. */
export const jqProgram = '.Records[] | select(.eventName=="ListBuckets")';

/**
A NUL-separated list of the log files, relative to `root`, for `xargs -0`,
which hands them to zcat in batches that fit the command line.
*/
function writeFileList(root: string): {list: string; files: number} {
	const {logs} = listGzFiles(root);
	const list = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-bench-list-')),
		'files',
	);
	fs.writeFileSync(list, `${logs.join('\0')}\0`);
	return {list, files: logs.length};
}

function removeList(list: string): void {
	fs.rmSync(path.dirname(list), {recursive: true, force: true});
}

export async function measureZcat(
	root: string,
	runs: number,
): Promise<Measurement> {
	const {list, files} = writeFileList(root);
	try {
		return await repeat(
			'zcat',
			'zcat of every log file > /dev/null',
			runs,
			async () => {
				const input = fs.openSync(list, 'r');
				const output = fs.openSync('/dev/null', 'w');
				const started = performance.now();
				const child = spawn('xargs', ['-0', 'zcat', '--'], {
					cwd: root,
					stdio: [input, output, 'pipe'],
				});
				const sampler = new PeakSampler([child.pid!]);
				try {
					await succeeded(child, 'xargs zcat');
				} finally {
					fs.closeSync(input);
					fs.closeSync(output);
				}

				const ms = performance.now() - started;
				const peak = sampler.stop();
				return {
					ms,
					...(peak === undefined ? {} : {maxRssKiB: peak}),
					count: files,
					extra: {countLabel: 'files'},
				};
			},
		);
	} finally {
		removeList(list);
	}
}

interface ParseResult {
	records: number;
	jsonBytes: number;
	files: number;
	ms: number;
	maxRssKiB: number;
}

export async function measureNodeParse(
	root: string,
	threads: 1 | 2,
	runs: number,
): Promise<Measurement> {
	const id = threads === 1 ? 'node-1' : 'node-2';
	const method =
		threads === 1
			? 'Node gunzip + JSON.parse, one thread'
			: 'Node gunzip + JSON.parse, two worker threads (floor)';
	return repeat(id, method, runs, async () => {
		const {result} = await runNodeChild<ParseResult>(
			benchScript('parse-child.js'),
			['--root', root, '--threads', String(threads)],
		);
		return {ms: result.ms, maxRssKiB: result.maxRssKiB, count: result.records};
	});
}

export async function measureJq(
	root: string,
	runs: number,
): Promise<Measurement> {
	const method = `zcat … | jq -c '${jqProgram}'`;
	if (!(await hasProgram('jq'))) {
		return {id: 'jq', method, error: 'jq not installed'};
	}

	const {list} = writeFileList(root);
	try {
		return await repeat('jq', method, runs, async () => {
			const input = fs.openSync(list, 'r');
			const started = performance.now();
			const feed = spawn('xargs', ['-0', 'zcat', '--'], {
				cwd: root,
				stdio: [input, 'pipe', 'pipe'],
			});
			const jq = spawn('jq', ['-c', jqProgram], {
				stdio: [feed.stdout!, 'pipe', 'pipe'],
			});
			// jq holds the pipe now; the parent's end would keep zcat's
			// process from ever counting as closed.
			feed.stdout!.destroy();
			const sampler = new PeakSampler([jq.pid!]);
			let matches = 0;
			jq.stdout!.on('data', (chunk: Buffer) => {
				for (const byte of chunk) {
					if (byte === 10) {
						matches++;
					}
				}
			});
			try {
				await Promise.all([succeeded(feed, 'xargs zcat'), succeeded(jq, 'jq')]);
			} finally {
				fs.closeSync(input);
			}

			const ms = performance.now() - started;
			const peak = sampler.stop();
			return {
				ms,
				...(peak === undefined ? {} : {maxRssKiB: peak}),
				count: matches,
				extra: {countLabel: 'ListBuckets matches', note: 'peak RSS: jq'},
			};
		});
	} finally {
		removeList(list);
	}
}
