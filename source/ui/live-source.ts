import type {Dataset, TrailEvent} from '../core/types.js';
import {emptySummary} from '../load/summary-builder.js';
import type {LoadProgress} from '../load/load-records.js';
import {compareEventTime} from '../pipeline.js';

/**
The screen's view of a load in progress: the events read so far, ordered by
time, handed to the screen now and then while the threads read the rest,
then the judged dataset once it is complete. Plain state and callbacks, no
React, so it is tested on its own.
*/

export interface LoadingStatus {
	phase: 'reading' | 'judging';
	filesDone: number;
	filesTotal: number;
	bytesRead: number;
	/** Events read so far. */
	events: number;
	/** Milliseconds since the load started. */
	elapsedMs: number;
}

export interface LiveSnapshot {
	dataset: Dataset;
	/** Undefined once the dataset is complete and judged. */
	loading: LoadingStatus | undefined;
	/** Set when the screen must close (nothing could be read). */
	closed?: boolean;
}

/** The least time between two orderings of the events read so far. */
const minIntervalMs = 250;

/** The least time between two updates of the progress figures alone. */
const progressIntervalMs = 100;

export class LiveSource {
	private readonly arrived: TrailEvent[] = [];
	private snapshot: LiveSnapshot;
	private readonly listeners = new Set<() => void>();
	private progressNow: LoadProgress = {
		filesDone: 0,
		filesTotal: 0,
		bytesRead: 0,
	};
	private lastOrdered = Number.NEGATIVE_INFINITY;
	private lastCostMs = 0;
	private lastProgress = Number.NEGATIVE_INFINITY;
	private ordered = 0;

	constructor(
		private readonly now: () => number = () => performance.now(),
		private readonly startedAt = now(),
	) {
		this.snapshot = {
			dataset: {events: [], summary: emptySummary(), findings: []},
			loading: this.status('reading'),
		};
	}

	private status(phase: LoadingStatus['phase']): LoadingStatus {
		return {
			phase,
			...this.progressNow,
			events: this.arrived.length,
			elapsedMs: Math.max(0, this.now() - this.startedAt),
		};
	}

	/** Events just read; shown at the next ordering. */
	addEvents(events: readonly TrailEvent[]): void {
		for (const event of events) {
			this.arrived.push(event);
		}

		this.maybePublish();
	}

	progress(progress: LoadProgress): void {
		this.progressNow = progress;
		this.maybePublish();
	}

	/**
	Orders the events read so far for the screen: at once for the first
	ones, then at most every `minIntervalMs`, and never more often than four
	times what the last ordering cost, so that a million events do not
	spend the main thread re-sorting.
	*/
	private maybePublish(): void {
		const now = this.now();
		const fresh = this.arrived.length !== this.ordered;
		const wait = Math.max(minIntervalMs, this.lastCostMs * 4);
		if (fresh && (this.ordered === 0 || now - this.lastOrdered >= wait)) {
			this.order();
			return;
		}

		if (now - this.lastProgress >= progressIntervalMs) {
			this.lastProgress = now;
			this.set({...this.snapshot, loading: this.status('reading')});
		}
	}

	private order(): void {
		const started = this.now();
		const events = [...this.arrived].sort(compareEventTime);
		for (const [seq, event] of events.entries()) {
			event.seq = seq;
		}

		this.ordered = events.length;
		this.lastOrdered = this.now();
		this.lastCostMs = this.lastOrdered - started;
		this.lastProgress = this.lastOrdered;
		this.set({
			dataset: {
				events,
				summary: {...emptySummary(), events: events.length},
				findings: [],
			},
			loading: this.status('reading'),
		});
	}

	/** Every file is read: the events are being ordered and judged. */
	judging(): void {
		if (this.arrived.length !== this.ordered) {
			this.order();
		}

		this.set({...this.snapshot, loading: this.status('judging')});
	}

	/** The complete, judged dataset. */
	finish(dataset: Dataset): void {
		this.set({dataset, loading: undefined});
	}

	/** Ask the screen to close: the caller has something to say on the normal screen. */
	close(): void {
		this.set({...this.snapshot, closed: true});
	}

	get = (): LiveSnapshot => this.snapshot;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	private set(snapshot: LiveSnapshot): void {
		this.snapshot = snapshot;
		for (const listener of this.listeners) {
			listener();
		}
	}
}
