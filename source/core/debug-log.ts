import fs from 'node:fs';

/**
A debug log for developers, written to a file only when asked for
(`--debug-log FILE` or the TRAILTUI_DEBUG_LOG environment variable). The TUI
owns the terminal, so nothing here ever writes to stdout or stderr.
*/

let target: string | undefined = process.env['TRAILTUI_DEBUG_LOG'] || undefined;

/** Turn the log on (a file path) or off (undefined). */
export function setDebugLogFile(file: string | undefined): void {
	target = file;
}

export function debugEnabled(): boolean {
	return target !== undefined;
}

/** Append one timestamped line; failures to write are ignored on purpose. */
export function debugLog(
	message: string,
	fields?: Record<string, unknown>,
): void {
	if (target === undefined) {
		return;
	}

	const line = JSON.stringify({
		time: new Date().toISOString(),
		message,
		...fields,
	});
	try {
		fs.appendFileSync(target, line + '\n');
	} catch {
		// A debug log must never take the tool down with it.
	}
}
