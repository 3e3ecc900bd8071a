import {setImmediate as nextTurn} from 'node:timers/promises';
import type {TrailEvent} from '../core/types.js';
import {createSearchIndex, type SearchIndex} from './search.js';

/**
The search index built a slice at a time after loading, so that by the
time a person searches it is usually ready and the screen answers keys
meanwhile. A search before it is done finishes the rest at once.

Events are added in the order of the files they came from (`fileId`, then
position), so that each stored file is decoded once for the values of its
requests, not once per slice.
*/

export interface IndexBuild {
	/** The whole index, built now if it is not yet. */
	index(): SearchIndex;
	/** Share of the events added so far, 0 to 1. */
	progress(): number;
	/** Stop building in the background (the dataset was replaced). */
	cancel(): void;
}

/** Time spent per slice before the screen gets its turn. */
const sliceMs = 8;

function fileOrder(events: readonly TrailEvent[]): TrailEvent[] {
	const place = (event: TrailEvent): number =>
		(event as {fileId?: number}).fileId ?? 0;
	return [...events].sort(
		(a, b) => place(a) - place(b) || a.recordIndex - b.recordIndex,
	);
}

export function buildIndexInBackground(
	events: readonly TrailEvent[],
	options: {background?: boolean} = {},
): IndexBuild {
	const index = createSearchIndex();
	let order: TrailEvent[] | undefined;
	let next = 0;
	let cancelled = false;
	const addUntil = (deadline: number): void => {
		order ??= fileOrder(events);
		while (next < order.length && performance.now() < deadline) {
			const end = Math.min(next + 256, order.length);
			index.add(order.slice(next, end));
			next = end;
		}
	};

	if (options.background ?? true) {
		void (async () => {
			// The first slice waits a turn too: the screen draws first.
			await nextTurn();
			while (!cancelled && (order === undefined || next < order.length)) {
				addUntil(performance.now() + sliceMs);

				await nextTurn();
			}
		})();
	}

	return {
		index() {
			addUntil(Number.POSITIVE_INFINITY);
			return index;
		},
		progress: () => (events.length === 0 ? 1 : next / events.length),
		cancel() {
			cancelled = true;
		},
	};
}
