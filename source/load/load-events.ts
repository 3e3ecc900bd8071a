import {createHash} from 'node:crypto';
import {availableParallelism} from 'node:os';
import type {LoadSummary} from '../core/types.js';
import type {AwsRanges} from '../enrich/aws-ranges.js';
import {EventInterner} from '../store/batch-events.js';
import type {FileOutcome} from '../store/event-batch.js';
import {RecordStore} from '../store/record-store.js';
import type {StoredEvent} from '../store/stored-event.js';
import {Deduplicator, type DedupeAdapter} from './dedupe.js';
import {canonicalJson} from './canonical-json.js';
import {discoverFiles} from './discover.js';
import {checkedMaxBytes, type LoadProgress} from './load-records.js';
import type {FileTask, WorkerSetup} from './load-worker.js';
import {SummaryBuilder} from './summary-builder.js';
import {runFileTasks} from './worker-pool.js';

/**
The scaling loader: files are read, decoded, parsed and normalised on
worker threads, and come back as compact batches that the main thread turns
into events over a shared store. Results are taken in walk order, whatever
order the threads finish in, so the events, their order, the copies merged
and the summary are those of the one-thread loader (`loadRecords` followed
by `normaliseRecord`), which the tests check.
*/

export interface LoadEventsOptions {
	maxDecodedBytes?: number;
	/** Worker threads; 0 reads on the calling thread. Default: cores, at most 4. */
	threads?: number;
	ipRangesText?: string | undefined;
	ipRangesFile?: string | undefined;
	/** The ranges for reading without threads (the threads parse their own). */
	ranges: () => AwsRanges;
	onProgress?: (progress: LoadProgress) => void;
	/** Events as files are read, in walk order: not yet ordered by time, copies not yet merged. */
	onEvents?: (events: readonly StoredEvent[]) => void;
	signal?: AbortSignal | undefined;
}

export interface LoadEventsResult {
	/** Kept events in walk order (files, then position). */
	events: StoredEvent[];
	summary: LoadSummary;
	store: RecordStore;
}

/**
Threads to read with by default: the cores there are, at most four; none
for a small load, where starting threads (each imports the loader and the
AWS ranges) would cost more than they save.
*/
export function defaultThreads(totalBytes = Number.POSITIVE_INFINITY): number {
	if (totalBytes < threadsFromBytes) {
		return 0;
	}

	return Math.max(1, Math.min(4, availableParallelism()));
}

/** Below this many bytes of files, one thread reads faster than several start. */
const threadsFromBytes = 8 * 1024 * 1024;

/** An event's eventID when copies are merged by it (a non-empty string). */
function idOf(event: StoredEvent): string | undefined {
	return event.idIsText ? event.eventId : undefined;
}

/**
A digest of each record whose eventID is shared, worked out file by file
after the load so that each file is parsed once, however the copies are
spread (read one by one, copies spread round robin over many files would
parse a file per copy). SHA-256 of the canonical text: a forged copy cannot
be made to match, and a million copies do not keep a million texts.
*/
function contentDigests(
	events: readonly StoredEvent[],
	store: RecordStore,
): Map<StoredEvent, string | undefined> {
	// Only events whose id is shared get a digest; the others are kept as
	// they are, without passing through the de-duplicator at all.
	const seen = new Map<string, number>();
	for (const event of events) {
		const id = idOf(event);
		if (id !== undefined) {
			seen.set(id, (seen.get(id) ?? 0) + 1);
		}
	}

	const shared = events.filter((event) => (seen.get(idOf(event)!) ?? 0) > 1);
	shared.sort((a, b) => a.fileId - b.fileId);
	const digests = new Map<StoredEvent, string | undefined>();
	for (const event of shared) {
		const record = store.records(event.fileId).get(event.recordIndex);
		let digest: string | undefined;
		try {
			digest =
				record === undefined
					? undefined
					: createHash('sha256').update(canonicalJson(record)).digest('hex');
		} catch {
			// Too deep to write out: its own content, never merged.
			digest = undefined;
		}

		digests.set(event, digest);
	}

	return digests;
}

const eventAdapter = (
	digests: ReadonlyMap<StoredEvent, string | undefined>,
): DedupeAdapter<StoredEvent> => ({
	id: idOf,
	canon: (event) => digests.get(event),
	file: (event) => event.file,
	index: (event) => event.recordIndex,
	moveTo(kept, clean) {
		kept.file = clean.file;
		kept.fileId = clean.fileId;
		kept.recordIndex = clean.recordIndex;
		kept.time = clean.time;
		kept.timeText = clean.timeText;
	},
});

export async function loadEvents(
	paths: readonly string[],
	options: LoadEventsOptions,
): Promise<LoadEventsResult> {
	const maxDecodedBytes = checkedMaxBytes(options.maxDecodedBytes);

	const discovery = await discoverFiles(paths);
	const summary = new SummaryBuilder(discovery);
	const store = new RecordStore();
	const interner = new EventInterner();
	// Every event read, in walk order; copies are merged once all are read.
	const read: StoredEvent[] = [];
	const tasks: FileTask[] = discovery.files.map((file, fileIndex) => ({
		fileIndex,
		path: file.path,
		real: file.real,
	}));
	const filesTotal = tasks.length;
	const waiting = new Map<number, FileOutcome>();
	let nextFile = 0;
	let bytesRead = 0;
	options.onProgress?.({filesDone: 0, filesTotal, bytesRead: 0});

	// Take the outcomes in walk order: one that comes early waits.
	const take = (outcome: FileOutcome): void => {
		const path = tasks[outcome.fileIndex]!.path;
		summary.add(outcome);
		bytesRead += outcome.bytesRead;
		if (outcome.batch === undefined || outcome.form === undefined) {
			return;
		}

		const fileId = store.add(path, outcome.form);
		const events = interner.events(outcome.batch, fileId, path, store);
		for (const event of events) {
			read.push(event);
		}

		if (events.length > 0) {
			options.onEvents?.(events);
		}
	};

	const setup: Omit<WorkerSetup, 'channel'> = {
		ipRangesText: options.ipRangesText,
		ipRangesFile: options.ipRangesFile,
		maxDecodedBytes,
	};
	await runFileTasks(tasks, {
		threads:
			options.threads ??
			defaultThreads(discovery.files.reduce((sum, file) => sum + file.size, 0)),
		setup,
		ranges: options.ranges,
		signal: options.signal,
		onResult(outcome) {
			// The tables grow in the order a thread sends: read them now.
			if (outcome.batch) {
				interner.register(outcome.batch);
			}

			waiting.set(outcome.fileIndex, outcome);
			while (waiting.has(nextFile)) {
				const ready = waiting.get(nextFile)!;
				waiting.delete(nextFile);
				nextFile++;
				take(ready);
				options.onProgress?.({filesDone: nextFile, filesTotal, bytesRead});
			}
		},
	});

	const digests = contentDigests(read, store);
	const dedupe = new Deduplicator(eventAdapter(digests));
	const events = read.filter(
		(event) => !digests.has(event) || dedupe.keep(event),
	);
	const troubled = summary.troubledFiles();
	dedupe.attribute((file) => troubled.has(file));
	return {
		events,
		summary: summary.finish(events.length, dedupe.dropped, dedupe.notes()),
		store,
	};
}
