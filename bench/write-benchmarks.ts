import fs from 'node:fs';
import type {Target} from './report.js';

/**
`--write`: the run's tables go between markers in BENCHMARKS.md, the main
tables between `bench:start` and `bench:end`, the investigation tables
between `bench:investigation:start` and `bench:investigation:end`, the
screen's investigation keys between `bench:keys:start` and `bench:keys:end`
(each only when the run has them). A run
that leaves a target "not measured" (one without 1M events, say) keeps the
main tables that are there, so that a quick run never replaces a full one.
*/

export const mainMarkers = ['<!-- bench:start -->', '<!-- bench:end -->'];
export const investigationMarkers = [
	'<!-- bench:investigation:start -->',
	'<!-- bench:investigation:end -->',
];
export const keysMarkers = [
	'<!-- bench:keys:start -->',
	'<!-- bench:keys:end -->',
];

/** The text with what lies between the markers replaced by `markdown`. */
export function spliceBlock(
	text: string,
	[startMarker, endMarker]: readonly string[],
	markdown: string,
): string {
	const start = text.indexOf(startMarker!);
	const end = text.indexOf(endMarker!);
	if (start === -1 || end < start) {
		throw new Error(`BENCHMARKS.md has no ${startMarker} … ${endMarker} block`);
	}

	return `${text.slice(0, start + startMarker!.length)}\n\n${markdown.trimEnd()}\n\n${text.slice(end)}`;
}

/** Whether the run's main tables may replace those in the file. */
export function judgesEveryTarget(targets: readonly Target[]): boolean {
	return targets.every((target) => target.status !== 'not measured');
}

export interface Written {
	main: boolean;
	investigation: boolean;
	keys: boolean;
}

export function writeBenchmarks(
	file: string,
	tables: {
		main: string;
		targets: readonly Target[];
		investigation: string | undefined;
		keys?: string | undefined;
	},
): Written {
	let text = fs.readFileSync(file, 'utf8');
	const written = {main: false, investigation: false, keys: false};
	if (judgesEveryTarget(tables.targets)) {
		text = spliceBlock(text, mainMarkers, tables.main);
		written.main = true;
	}

	if (tables.investigation !== undefined) {
		text = spliceBlock(text, investigationMarkers, tables.investigation);
		written.investigation = true;
	}

	if (tables.keys !== undefined) {
		text = spliceBlock(text, keysMarkers, tables.keys);
		written.keys = true;
	}

	fs.writeFileSync(file, text);
	return written;
}
