import path from 'node:path';

/**
The export formats: the original records as JSON Lines, a CSV table of
chosen columns, and a Markdown incident note. One name per format on the
command line (`--export-format`), guessed from the file's extension
otherwise.
*/

export type ExportFormat = 'jsonl' | 'csv' | 'md';

export const exportFormats: readonly ExportFormat[] = ['jsonl', 'csv', 'md'];

export const formatNames: Record<ExportFormat, string> = {
	jsonl: 'JSON Lines',
	csv: 'CSV',
	md: 'Markdown note',
};

const byName: Record<string, ExportFormat> = {
	jsonl: 'jsonl',
	ndjson: 'jsonl',
	csv: 'csv',
	md: 'md',
	markdown: 'md',
};

/** A format named on the command line (`jsonl`, `csv`, `md` and aliases). */
export function parseFormat(name: string): ExportFormat | undefined {
	return Object.hasOwn(byName, name.toLowerCase())
		? byName[name.toLowerCase()]
		: undefined;
}

/** The format a file name's extension says, if it says one. */
export function formatOfPath(file: string): ExportFormat | undefined {
	const extension = path.extname(file).slice(1);
	return extension === '' ? undefined : parseFormat(extension);
}

/** `20240501T100000Z`: a UTC time for file names. */
export function utcStamp(time: number): string {
	return new Date(time).toISOString().replaceAll(/[-:]|\.\d+/g, '');
}

/** The file name offered for a format: `trailtui-note-<UTC stamp>.md`. */
export function defaultFileName(format: ExportFormat, time: number): string {
	const stamp = utcStamp(time);
	return format === 'md'
		? `trailtui-note-${stamp}.md`
		: `trailtui-events-${stamp}.${format}`;
}

/** The file name with its extension changed to the format's. */
export function withFormatExtension(
	file: string,
	format: ExportFormat,
): string {
	if (formatOfPath(file) === format) {
		return file;
	}

	const extension = path.extname(file);
	const stem = extension === '' ? file : file.slice(0, -extension.length);
	return `${stem}.${format}`;
}
