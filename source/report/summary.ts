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

/**
How many files were skipped, and why (`0 digest, 3 empty, 1 not CloudTrail`).
The report, the problems view and the screen's empty state all take their
figures from here, so that they cannot disagree about what was skipped.
*/
export function skippedCounts(summary: LoadSummary): {
	total: number;
	detail: string;
} {
	const notLog = summary.skippedNotLog ?? 0;
	return {
		total: summary.skippedDigest + summary.skippedEmpty + notLog,
		detail:
			`${summary.skippedDigest} digest, ${summary.skippedEmpty} empty, ` +
			`${notLog} not CloudTrail`,
	};
}

/** One aligned `label  value` line per figure of the summary. */
export function formatSummary(summary: LoadSummary): string[] {
	const skipped = skippedCounts(summary);
	const rows: Array<[string, string]> = [
		['Files read', String(summary.filesRead)],
		['Events', String(summary.events)],
		['Duplicates dropped', String(summary.duplicates)],
		['Files skipped', `${skipped.total} (${skipped.detail})`],
		['Files with errors', String(summary.filesWithErrors)],
		['Partial files', String(summary.partialFiles)],
		['Problems', problemCounts(summary.problems)],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}

/**
Where in its file a problem is, counted from 1 as people count, and the
message without a place it already names. `file:2` would read as a line in
editors and `grep -n` output, so a record says `record 2`; a JSON Lines
problem, whose message starts with its line, says `line 2`.
*/
function place(problem: LoadProblem): {where: string; message: string} {
	if (problem.record === undefined) {
		return {where: '', message: problem.message};
	}

	const n = problem.record + 1;
	const line = `line ${n}: `;
	return problem.message.startsWith(line)
		? {where: `: line ${n}`, message: problem.message.slice(line.length)}
		: {where: `: record ${n}`, message: problem.message};
}

/**
Each problem as `file[: record N]: level: message` (or `: line N` for a
line of JSON Lines). Info notes are listed unless `includeInfo` is false.
*/
export function formatProblems(
	summary: LoadSummary,
	options: {includeInfo?: boolean} = {},
): string[] {
	const includeInfo = options.includeInfo ?? true;
	return summary.problems
		.filter((problem) => includeInfo || problem.level !== 'info')
		.map((problem) => {
			const {where, message} = place(problem);
			return `${visible(problem.file)}${where}: ${problem.level}: ${visible(message)}`;
		});
}
