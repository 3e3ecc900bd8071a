import {headerLines, table, type BenchResult} from './report.js';
import {keySteps, type KeySamples, type KeyStep} from './screen-keys.js';
import {spread} from './stats.js';

/**
The screen's investigation keys as Markdown: per size, each key's median
and slowest time from the key to the frame that shows its work.
*/

export interface KeyFigure {
	step: KeyStep;
	label: string;
	median: number;
	max: number;
	count: number;
}

/** The samples of the child, summarised in the report's order. */
export function keyFigures(samples: KeySamples): KeyFigure[] {
	return (Object.keys(keySteps) as KeyStep[]).flatMap((step) => {
		const times = samples[step] ?? [];
		if (times.length === 0) {
			return [];
		}

		const {median, max, count} = spread(times);
		return [{step, label: keySteps[step], median, max, count}];
	});
}

function ms(value: number): string {
	return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

export function keysTable(figures: readonly KeyFigure[]): string[] {
	return table(
		['Key, to the frame that shows it (ms)', 'Median', 'Slowest', 'Runs'],
		['left', 'right', 'right', 'right'],
		figures.map((f) => [f.label, ms(f.median), ms(f.max), String(f.count)]),
	);
}

/** The header and one table a size; undefined when no size has them. */
export function formatKeysMarkdown(result: BenchResult): string | undefined {
	const sizes = result.sizes.filter((s) => s.interactive?.keys?.length);
	if (sizes.length === 0) {
		return undefined;
	}

	const lines = headerLines(result);
	for (const size of sizes) {
		const count = size.events.toLocaleString('en-US');
		lines.push(
			`### ${count} events: investigation keys`,
			'',
			...keysTable(size.interactive!.keys!),
			'',
		);
	}

	return `${lines.join('\n')}\n`;
}
