import {median} from './stats.js';

/** One row of a result table: a method, its time, memory and count. */
export interface Measurement {
	/** Stable id, used by the target checks. */
	id: string;
	method: string;
	/** Median wall time of the runs, seconds. */
	seconds?: number;
	/** Every run's wall time, seconds. */
	runs?: number[];
	/** Largest peak resident size over the runs, MB (10^6 bytes). */
	peakRssMB?: number;
	/** Events or records the method saw. */
	count?: number;
	/** What `count` counts when not records, e.g. "ListBuckets matches". */
	countLabel?: string;
	note?: string;
	/** A sentence printed under the table, e.g. what trailtui flagged. */
	remark?: string;
	/** Set when the measurement failed; the run goes on. */
	error?: string;
}

export interface RunFigures {
	ms: number;
	maxRssKiB?: number;
	count?: number;
	extra?: Partial<Measurement>;
}

/**
Runs a measurement `runs` times and keeps the median time and the largest
peak memory. A failure becomes the row's error, so one broken method does
not stop the benchmark.
*/
export async function repeat(
	id: string,
	method: string,
	runs: number,
	once: () => Promise<RunFigures>,
): Promise<Measurement> {
	const row: Measurement = {id, method};
	try {
		const figures: RunFigures[] = [];
		for (let run = 0; run < runs; run++) {
			figures.push(await once());
		}

		const seconds = figures.map((f) => f.ms / 1000);
		const rss = figures
			.map((f) => f.maxRssKiB)
			.filter((v): v is number => v !== undefined);
		const last = figures.at(-1)!;
		Object.assign(row, last.extra ?? {}, {
			seconds: median(seconds),
			runs: seconds,
			...(rss.length > 0 ? {peakRssMB: (Math.max(...rss) * 1024) / 1e6} : {}),
			...(last.count === undefined ? {} : {count: last.count}),
		});
	} catch (error) {
		row.error = error instanceof Error ? error.message : String(error);
	}

	return row;
}
