import process from 'node:process';
import {Worker} from 'node:worker_threads';
import {parseArgs, numberArg, textArg} from './args.js';
import {listGzFiles} from './files.js';
import {parseFiles} from './parse-work.js';

/**
The Node floors, run as a child of the harness: gunzip and JSON.parse every
log file on the main thread, or split over worker threads (files dealt in
turn, so each thread gets a like share). Prints one JSON line: records,
JSON bytes, milliseconds of the work, and the process's peak RSS.
*/

type Totals = {records: number; jsonBytes: number};

function onWorker(root: string, files: string[]): Promise<Totals> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('parse-worker.js', import.meta.url), {
			workerData: {root, files},
		});
		worker.once('message', (totals: Totals) => {
			resolve(totals);
		});
		worker.once('error', reject);
	});
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const root = textArg(args, 'root');
	if (!root) {
		throw new Error('give --root');
	}

	const threads = numberArg(args, 'threads', 1);
	const started = performance.now();
	const {logs} = listGzFiles(root);
	let totals: Totals;
	if (threads <= 1) {
		totals = parseFiles(root, logs);
	} else {
		const shares = Array.from({length: threads}, (_, t) =>
			logs.filter((_, i) => i % threads === t),
		);
		const parts = await Promise.all(
			shares.map((share) => onWorker(root, share)),
		);
		totals = parts.reduce((sum, part) => ({
			records: sum.records + part.records,
			jsonBytes: sum.jsonBytes + part.jsonBytes,
		}));
	}

	const ms = performance.now() - started;
	console.log(
		JSON.stringify({
			...totals,
			files: logs.length,
			ms,
			maxRssKiB: process.resourceUsage().maxRSS,
		}),
	);
}

await main();
