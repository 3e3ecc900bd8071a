/** Order statistics of timing samples. */

export function quantile(samples: readonly number[], q: number): number {
	if (samples.length === 0) {
		return Number.NaN;
	}

	const sorted = [...samples].sort((a, b) => a - b);
	// Nearest rank: p95 of 20 samples is the 19th, never an interpolation.
	const rank = Math.min(
		sorted.length,
		Math.max(1, Math.ceil(q * sorted.length)),
	);
	return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
	return quantile(samples, 0.5);
}

export interface Spread {
	median: number;
	p95: number;
	max: number;
	count: number;
}

export function spread(samples: readonly number[]): Spread {
	return {
		median: median(samples),
		p95: quantile(samples, 0.95),
		max: quantile(samples, 1),
		count: samples.length,
	};
}
