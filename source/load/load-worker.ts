import {parentPort, workerData} from 'node:worker_threads';
import {
	bundledRanges,
	parseIpRangesJson,
	type AwsRanges,
} from '../enrich/aws-ranges.js';
import {BatchEncoder, type FileOutcome} from '../store/event-batch.js';
import {loadFileParts} from './file-parts.js';
import {internalFault} from './load-records.js';
import type {RealPath} from './path-names.js';

/**
A loader thread: reads, decodes, parses and normalises the files it is
given, one at a time, and sends each back as a compact batch. It holds no
state between files but the address ranges.
*/

export interface WorkerSetup {
	/** The channel this thread's batches are numbered in. */
	channel: number;
	/** The text of `--ip-ranges`, or undefined for the bundled ranges. */
	ipRangesText: string | undefined;
	ipRangesFile: string | undefined;
	maxDecodedBytes: number;
}

export interface FileTask {
	fileIndex: number;
	path: string;
	real: RealPath;
}

/** Read one file and encode it; the same code runs without threads. */
export async function runTask(
	task: FileTask,
	setup: WorkerSetup,
	encoder: BatchEncoder,
): Promise<FileOutcome> {
	try {
		const parts = await loadFileParts(
			task.path,
			task.real,
			setup.maxDecodedBytes,
		);
		return encoder.encode(task.fileIndex, task.path, parts);
	} catch (error: unknown) {
		return {
			fileIndex: task.fileIndex,
			...internalFault(task.path, error),
		};
	}
}

/** The outcome of a file whose result could not reach the main thread. */
export function taskFault(task: FileTask, error: unknown): FileOutcome {
	return {fileIndex: task.fileIndex, ...internalFault(task.path, error)};
}

export function rangesFor(setup: WorkerSetup): AwsRanges {
	return setup.ipRangesText === undefined
		? bundledRanges()
		: parseIpRangesJson(setup.ipRangesText, setup.ipRangesFile ?? '');
}

/** What a batch's buffers are, so they move to the main thread without a copy. */
function transferList(outcome: FileOutcome): ArrayBuffer[] {
	const list: ArrayBuffer[] = [];
	if (outcome.batch) {
		list.push(
			outcome.batch.ints.buffer as ArrayBuffer,
			outcome.batch.times.buffer as ArrayBuffer,
		);
	}

	if (outcome.form && outcome.form.kind !== 'text') {
		list.push(outcome.form.bytes.buffer as ArrayBuffer);
	}

	return list;
}

if (parentPort) {
	const port = parentPort;
	const setup = workerData as WorkerSetup;
	const encoder = new BatchEncoder(setup.channel, rangesFor(setup));
	// One file at a time: the encoder's tables must see the batches in the
	// order they are sent.
	port.on('message', (task: FileTask) => {
		void runTask(task, setup, encoder).then((outcome) => {
			try {
				port.postMessage(outcome, transferList(outcome));
			} catch (error: unknown) {
				// A value the clone cannot carry: the file is reported, not lost
				// in silence, and the thread goes on with the next one.
				port.postMessage(taskFault(task, error));
			}
		});
	});
}
