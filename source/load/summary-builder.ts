import type {LoadProblem, LoadSummary} from '../core/types.js';
import type {Discovery} from './discover.js';

/** The counts a file adds to the summary: what `FileParts` carries. */
export interface FileCounts {
	read: boolean;
	problems: readonly LoadProblem[];
	partial: boolean;
	notLog: boolean;
	kind?: string | undefined;
}

/** A summary of nothing read yet. */
export function emptySummary(): LoadSummary & {skippedNotLog: number} {
	return {
		filesRead: 0,
		events: 0,
		duplicates: 0,
		skippedDigest: 0,
		skippedEmpty: 0,
		filesWithErrors: 0,
		partialFiles: 0,
		skippedNotLog: 0,
		problems: [],
	};
}

/**
Builds the load summary file by file, in walk order, the same way whichever
loader read the files.
*/
export class SummaryBuilder {
	readonly summary: LoadSummary & {skippedNotLog: number};

	constructor(discovery: Discovery) {
		this.summary = {
			...emptySummary(),
			// A file skipped by its first bytes was read too: this way files
			// read = files found, less those that could not be opened.
			filesRead: discovery.skippedNotLog,
			skippedNotLog: discovery.skippedNotLog,
			problems: [...discovery.problems],
		};
	}

	add(file: FileCounts): void {
		const {summary} = this;
		summary.problems.push(...file.problems);
		if (!file.read) {
			return;
		}

		summary.filesRead++;
		summary.skippedNotLog += file.notLog ? 1 : 0;
		summary.partialFiles += file.partial ? 1 : 0;
		if (file.kind === 'digest') {
			summary.skippedDigest++;
		} else if (file.kind === 'empty') {
			summary.skippedEmpty++;
		} else if (file.kind === 'not-cloudtrail') {
			summary.skippedNotLog++;
		}
	}

	/** Files with a warning or an error, whose copies of an event are not trusted. */
	troubledFiles(): Set<string> {
		return new Set(
			this.summary.problems
				.filter((problem) => problem.level !== 'info')
				.map((problem) => problem.file),
		);
	}

	finish(
		events: number,
		duplicates: number,
		notes: LoadProblem[],
	): LoadSummary {
		const {summary} = this;
		summary.problems.push(...notes);
		summary.events = events;
		summary.duplicates = duplicates;
		summary.filesWithErrors = new Set(
			summary.problems
				.filter((problem) => problem.level === 'error')
				.map((problem) => problem.file),
		).size;
		return summary;
	}
}
