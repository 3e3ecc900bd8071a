import {shown} from '../core/safe-text.js';
import type {LoadProblem, LoadSummary} from '../core/types.js';
import {formatSummary} from '../report/index.js';
import {wrappedLines, type Line} from './lines.js';
import type {Tone} from './theme.js';

/**
The problems view's text: the load summary, then every problem met while
loading, each naming its file (and record) and what went wrong. File names
come from the disk and messages may quote log text, so all of it is made
visible.
*/

const levelTone: Record<LoadProblem['level'], Tone> = {
	error: 'error',
	warning: 'warning',
	info: 'notice',
};

function where(problem: LoadProblem): string {
	const record =
		problem.record === undefined ? '' : ` (record ${problem.record + 1})`;
	return `${shown(problem.file)}${record}`;
}

export function problemsLines(summary: LoadSummary, width: number): Line[] {
	const lines: Line[] = [];
	for (const row of formatSummary(summary)) {
		lines.push(...wrappedLines(row, width, {tone: 'muted'}));
	}

	lines.push([]);
	if (summary.problems.length === 0) {
		lines.push([{text: 'No problems: every file loaded cleanly.'}]);
		return lines;
	}

	for (const problem of summary.problems) {
		lines.push(
			...wrappedLines(where(problem), width, {
				lead: {text: problem.level, tone: levelTone[problem.level]},
				hang: '         ',
				tone: 'heading',
			}),
			...wrappedLines(problem.message, width, {hang: '         '}),
		);
	}

	return lines;
}
