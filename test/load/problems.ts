import type {LoadProblem, ProblemLevel} from '../../source/core/types.js';

/** The problems of one level. */
export function ofLevel(
	problems: readonly LoadProblem[],
	level: ProblemLevel,
): LoadProblem[] {
	return problems.filter((problem) => problem.level === level);
}

/** `file: message` lines, for readable assertion failures. */
export function show(problems: readonly LoadProblem[]): string {
	return problems
		.map((problem) => `${problem.level} ${problem.file}: ${problem.message}`)
		.join('\n');
}
