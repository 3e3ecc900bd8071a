import fs from 'node:fs';
import path from 'node:path';
import type {Dataset, TrailEvent} from '../core/types.js';
import {findingBySeq, findingsOf} from '../detect/findings.js';
import type {MarkMap} from '../investigate/marks.js';
import {defaultColumns, parseColumns} from './csv.js';
import {exportChunks} from './export-job.js';
import {
	exportFormats,
	formatOfPath,
	parseFormat,
	type ExportFormat,
} from './formats.js';
import {
	writeFileChunks,
	writeProblem,
	writeStreamChunks,
} from './write-output.js';

/**
`--export FILE`: the filtered events written to a file (or `-`, standard
output) without the screen, in the format of the file's extension or of
`--export-format`, with `--columns` for CSV.
*/

export interface ExportFlags {
	export?: string;
	exportFormat?: string;
	columns?: string;
}

export interface ExportPlan {
	/** The file, or `-` for standard output. */
	file: string;
	format: ExportFormat;
	columns: string[];
}

type Planned = {ok: true; plan?: ExportPlan} | {ok: false; error: string};

/** Checks the export flags, before anything is loaded. */
export function planExport(flags: ExportFlags): Planned {
	const file = flags.export;
	if (file === undefined) {
		const stray = flags.exportFormat !== undefined ? '--export-format' : '';
		const other = flags.columns !== undefined ? '--columns' : stray;
		return other
			? {ok: false, error: `${other} goes with --export FILE`}
			: {ok: true};
	}

	if (file === '') {
		return {ok: false, error: '--export takes a file name, or - for stdout'};
	}

	const named =
		flags.exportFormat === undefined
			? undefined
			: parseFormat(flags.exportFormat);
	if (flags.exportFormat !== undefined && named === undefined) {
		return {
			ok: false,
			error: `bad --export-format ${JSON.stringify(flags.exportFormat)}: use ${exportFormats.join(', ')}`,
		};
	}

	const format = named ?? (file === '-' ? 'jsonl' : formatOfPath(file));
	if (format === undefined) {
		return {
			ok: false,
			error: `--export ${file}: name it .jsonl, .ndjson, .csv or .md, or give --export-format`,
		};
	}

	if (flags.columns !== undefined && format !== 'csv') {
		return {ok: false, error: '--columns goes with a CSV export'};
	}

	const columns = parseColumns(flags.columns ?? defaultColumns.join(','));
	if (!columns.ok) {
		return {ok: false, error: `bad --columns: ${columns.error}`};
	}

	const problem = file === '-' ? undefined : unwritable(file);
	if (problem) {
		return {ok: false, error: `--export ${problem}`};
	}

	return {ok: true, plan: {file, format, columns: columns.columns}};
}

/** Why a file cannot be written there, checked before a long load. */
function unwritable(file: string): string | undefined {
	const target = path.resolve(file);
	try {
		if (fs.statSync(target).isDirectory()) {
			return `${file}: is a folder`;
		}
	} catch {
		// Not there yet: its folder decides.
	}

	try {
		fs.accessSync(path.dirname(target), fs.constants.W_OK);
		return undefined;
	} catch (error) {
		return writeProblem(file, error);
	}
}

export interface CliExport {
	dataset: Dataset;
	/** The events left by --filter, --flagged and --marked, in time order. */
	events: readonly TrailEvent[];
	marks: MarkMap;
	/** The loaded files, absolute. */
	files: readonly string[];
	filter?: string | undefined;
	marked: boolean;
	now: number;
	stdout: NodeJS.WritableStream;
}

/** Writes the export; gives the problem when it could not. */
export async function runCliExport(
	plan: ExportPlan,
	input: CliExport,
): Promise<string | undefined> {
	const findings = findingsOf(input.dataset);
	const chunks = (): Iterable<string> =>
		exportChunks(
			{
				format: plan.format,
				events: input.events,
				what: input.marked ? 'marked' : 'view',
				columns: plan.columns,
				loaded: input.dataset.events,
				files: input.files,
				findings,
				findingOf: findingBySeq(findings),
				marks: input.marks,
				filter: input.filter,
			},
			input.now,
		);
	try {
		if (plan.file === '-') {
			await writeStreamChunks(input.stdout, chunks());
		} else {
			writeFileChunks(plan.file, chunks(), {overwrite: true});
		}

		return undefined;
	} catch (error) {
		return `--export ${writeProblem(plan.file, error)}`;
	}
}
