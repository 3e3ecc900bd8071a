import {Worker} from 'node:worker_threads';
import type {AwsRanges} from '../enrich/aws-ranges.js';
import {BatchEncoder, type FileOutcome} from '../store/event-batch.js';
import {
	runTask,
	taskFault,
	type FileTask,
	type WorkerSetup,
} from './load-worker.js';

/**
Runs file tasks on worker threads, each thread one file at a time, and
hands every result to `onResult` as it comes (in any order). With no
threads the same code runs on the calling thread, one file after the other.
*/
export async function runFileTasks(
	tasks: readonly FileTask[],
	options: {
		threads: number;
		setup: Omit<WorkerSetup, 'channel'>;
		ranges: () => AwsRanges;
		onResult: (outcome: FileOutcome) => void;
		/** Stops reading: the promise rejects with the signal's reason. */
		signal?: AbortSignal | undefined;
	},
): Promise<void> {
	const {threads, setup, onResult, signal} = options;
	signal?.throwIfAborted();
	if (threads <= 0 || tasks.length === 0) {
		const encoder = new BatchEncoder(0, options.ranges());
		for (const task of tasks) {
			onResult(await runTask(task, {...setup, channel: 0}, encoder));
			signal?.throwIfAborted();
		}

		return;
	}

	let next = 0;
	const workers: Worker[] = [];
	try {
		await new Promise<void>((resolve, reject) => {
			let running = 0;
			const inFlight = new Map<Worker, FileTask>();
			const feed = (worker: Worker): void => {
				const task = tasks[next++];
				if (task === undefined) {
					if (running === 0) {
						resolve();
					}

					return;
				}

				running++;
				inFlight.set(worker, task);
				worker.postMessage(task);
			};

			const done = (worker: Worker, outcome: FileOutcome): void => {
				running--;
				inFlight.delete(worker);
				try {
					onResult(outcome);
				} catch (error) {
					reject(error as Error);
					return;
				}

				feed(worker);
			};

			const count = Math.min(threads, tasks.length);
			for (let i = 0; i < count; i++) {
				const worker = new Worker(new URL('load-worker.js', import.meta.url), {
					workerData: {...setup, channel: i},
				});
				workers.push(worker);
				worker.on('message', (outcome: FileOutcome) => {
					done(worker, outcome);
				});
				// A message this thread cannot rebuild: the file is reported.
				worker.on('messageerror', (error: Error) => {
					const task = inFlight.get(worker);
					if (task) {
						done(worker, taskFault(task, error));
					}
				});
				worker.on('error', reject);
				worker.on('exit', (code) => {
					if (code !== 0) {
						reject(new Error(`a loader thread stopped (exit code ${code})`));
					}
				});
			}

			signal?.addEventListener('abort', () => {
				reject(signal.reason as Error);
			});
			for (const worker of workers) {
				feed(worker);
			}
		});
	} finally {
		await Promise.all(workers.map(async (worker) => worker.terminate()));
	}
}
