import {parentPort, workerData} from 'node:worker_threads';
import {parseFiles} from './parse-work.js';

/** One worker thread of the two-thread floor: its share of the files. */
const {root, files} = workerData as {root: string; files: string[]};
parentPort?.postMessage(parseFiles(root, files));
