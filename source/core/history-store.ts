import fs from 'node:fs';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {terminalSafeJson} from './safe-json.js';
import {configDir} from './config-dir.js';

/**
The filter and search prompts' histories, kept between runs in
`<configDir()>/history.json`. Queries may hold sensitive values (keys,
addresses, names), so the file is the user's alone (mode 0600) and is
written whole to a temporary file that is then renamed over it, so that a
crash never leaves half a file. Characters that would reorder or hide text
in a terminal are written as JSON escapes. A file that cannot be read or written costs
a one-line notice, never the session.
*/

export interface PromptHistory {
	/** Oldest first, newest last, no duplicates. */
	filter: readonly string[];
	search: readonly string[];
}

export const emptyHistory: PromptHistory = {filter: [], search: []};

/** Entries kept per prompt; the oldest go first. */
export const historyCap = 500;

/** Longer entries are not kept (a paste gone wrong, not a query). */
export const maxEntryLength = 4000;

export interface HistoryLoad {
	history: PromptHistory;
	/** Why the history could not be read, or what was left out: a notice. */
	problem?: string;
}

export interface HistoryStore {
	load(): HistoryLoad;
	/** Saves the whole history; returns why it failed, if it did. */
	save(history: PromptHistory): string | undefined;
}

/**
`entry` added as the newest, any earlier copy removed, capped. An entry
longer than `maxEntryLength` is not kept, here as when the file is read,
so the program never saves what it would leave out on the next start.
*/
export function remember(
	list: readonly string[],
	entry: string,
	cap = historyCap,
): readonly string[] {
	if (entry === '' || entry.length > maxEntryLength || list.at(-1) === entry) {
		return list;
	}

	const next = [...list.filter((item) => item !== entry), entry];
	return next.length > cap ? next.slice(next.length - cap) : next;
}

/** A list's entries, and how many items of it were left out. */
function entries(value: unknown): {list: string[]; left: number} {
	if (value === undefined) {
		return {list: [], left: 0};
	}

	if (!Array.isArray(value)) {
		return {list: [], left: 1};
	}

	let list: readonly string[] = [];
	let left = 0;
	for (const item of value) {
		// Control and hidden characters are kept: the prompt shows them as
		// escapes, and in double quotes they mean what those escapes mean.
		if (typeof item === 'string' && item.length <= maxEntryLength) {
			list = remember(list, item);
		} else {
			left++;
		}
	}

	return {list: [...list], left};
}

/** What a history file's text holds. */
export interface HistoryRead {
	history: PromptHistory;
	/** Items left out: not text, too long, or a list that is none. */
	left: number;
}

/** The history a file's text holds; anything unexpected is counted out. */
export function readHistory(text: string): HistoryRead {
	const data = JSON.parse(text) as unknown;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new SyntaxError('not a JSON object');
	}

	const record = data as Record<string, unknown>;
	const filter = entries(record['filter']);
	const search = entries(record['search']);
	return {
		history: {filter: filter.list, search: search.list},
		left: filter.left + search.left,
	};
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	return code ?? (error instanceof Error ? error.message : String(error));
}

/** The history file in `dir` (the user's config folder by default). */
export function fileHistoryStore(dir = configDir()): HistoryStore {
	const file = path.join(dir, 'history.json');
	return {
		load() {
			let text: string;
			try {
				text = fs.readFileSync(file, 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
					return {history: emptyHistory};
				}

				return {
					history: emptyHistory,
					problem: `History not read (${reason(error)}): ${file}`,
				};
			}

			try {
				const {history, left} = readHistory(text);
				return left === 0
					? {history}
					: {
							history,
							problem: `History: ${left} ${left === 1 ? 'entry' : 'entries'} left out (not text, or longer than ${maxEntryLength} characters): ${file}`,
						};
			} catch (error) {
				return {
					history: emptyHistory,
					problem: `History not read (${reason(error)}), it will be replaced: ${file}`,
				};
			}
		},
		save(history) {
			const temporary = path.join(
				dir,
				`.history.json.${process.pid}.${randomBytes(4).toString('hex')}`,
			);
			try {
				fs.mkdirSync(dir, {recursive: true, mode: 0o700});
				// Bidi and zero-width characters a query may hold are escaped, so
				// that `cat` shows the file as it is.
				const text = terminalSafeJson({
					filter: history.filter,
					search: history.search,
				});
				fs.writeFileSync(temporary, `${text}\n`, {mode: 0o600, flag: 'wx'});
				fs.renameSync(temporary, file);
				return undefined;
			} catch (error) {
				try {
					fs.rmSync(temporary, {force: true});
				} catch {
					// Nothing more to do: the notice says the history was not saved.
				}

				return `History not saved (${reason(error)}): ${file}`;
			}
		},
	};
}

/** A history kept in memory: the screen's default, and the tests'. */
export function memoryHistoryStore(
	initial: PromptHistory = emptyHistory,
): HistoryStore & {saved: PromptHistory[]} {
	const saved: PromptHistory[] = [];
	return {
		saved,
		load: () => ({history: saved.at(-1) ?? initial}),
		save(history) {
			saved.push(history);
			return undefined;
		},
	};
}
