import {visible} from '../core/safe-text.js';
import type {LoadProblem, LoadSummary} from '../core/types.js';

/**
The load summary and the problem list, as plain lines for the report, the
command line's stderr and the TUI's problems view. File names come from the
disk and messages may quote log text, so both pass through `visible()`.
*/

function plural(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** How many problems of each level, e.g. `1 error, 2 warnings`. */
function problemCounts(problems: readonly LoadProblem[]): string {
	const levels: Array<[LoadProblem['level'], string]> = [
		['error', 'error'],
		['warning', 'warning'],
		['info', 'note'],
	];
	const parts = levels
		.map(
			([level, noun]) =>
				[problems.filter((p) => p.level === level).length, noun] as const,
		)
		.filter(([n]) => n > 0)
		.map(([n, noun]) => plural(n, noun));
	return parts.length === 0 ? 'none' : parts.join(', ');
}

/** One aligned `label  value` line per figure of the summary. */
export function formatSummary(summary: LoadSummary): string[] {
	const skipped = summary.skippedDigest + summary.skippedEmpty;
	const rows: Array<[string, string]> = [
		['Files read', String(summary.filesRead)],
		['Events', String(summary.events)],
		['Duplicates dropped', String(summary.duplicates)],
		[
			'Files skipped',
			`${skipped} (${summary.skippedDigest} digest, ${summary.skippedEmpty} empty)`,
		],
		['Files with errors', String(summary.filesWithErrors)],
		['Partial files', String(summary.partialFiles)],
		['Problems', problemCounts(summary.problems)],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}

/**
Each problem as `file[:record]: level: message`. The record is counted from
1, as people count lines and records (the summary stores it from 0). Info
notes are listed unless `includeInfo` is false.
*/
export function formatProblems(
	summary: LoadSummary,
	options: {includeInfo?: boolean} = {},
): string[] {
	const includeInfo = options.includeInfo ?? true;
	return summary.problems
		.filter((problem) => includeInfo || problem.level !== 'info')
		.map((problem) => {
			const record =
				problem.record === undefined ? '' : `:${problem.record + 1}`;
			return `${visible(problem.file)}${record}: ${problem.level}: ${visible(problem.message)}`;
		});
}
