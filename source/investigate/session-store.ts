import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {TrailEvent} from '../core/types.js';
import {configDir} from '../core/config-dir.js';
import type {MarkEntry} from './marks.js';

/**
Sessions: the marks and notes of one set of log files, kept in the user's
config folder (`<configDir>/sessions/<key>.json`), never beside the logs.
The key is a digest of the loaded files' absolute paths, sorted; their sizes
do not count, because marks are matched by content: a file rewritten in
place keeps its session, and only the marks whose events changed are not
found again. The file is written whole to a temporary file and renamed over
the old one, readable by its owner only. A damaged file is moved aside to
`<key>.json.bad` and reported, never silently overwritten.
*/

export interface SessionLoad {
	entries: MarkEntry[];
	/** A one-line note for the person: a damaged or unreadable file. */
	notice?: string;
	/** False when saving could lose what the file holds (it could not be read). */
	writable: boolean;
}

export interface SessionStore {
	/** Where the session is kept, for messages. */
	readonly where: string;
	load(): SessionLoad;
	/** Saves the entries; gives a one-line notice when it could not. */
	save(entries: readonly MarkEntry[]): string | undefined;
}

/** The session store for a set of loaded files. */
export type SessionStores = (files: readonly string[]) => SessionStore;

/** The files events were read from: absolute paths, sorted, each once. */
export function loadedFiles(events: readonly TrailEvent[]): string[] {
	const files = new Set<string>();
	for (const event of events) {
		files.add(event.file);
	}

	return [...new Set([...files].map((file) => path.resolve(file)))].sort();
}

/** 32 hex digits of the SHA-256 of the sorted absolute paths. */
export function sessionKey(files: readonly string[]): string {
	const sorted = [...files].map((file) => path.resolve(file)).sort();
	return createHash('sha256')
		.update(sorted.join('\n'))
		.digest('hex')
		.slice(0, 32);
}

/** The deepest folder holding every file, for a person reading the file. */
function commonFolder(files: readonly string[]): string {
	const [first, ...rest] = files.map((file) => path.dirname(file));
	if (first === undefined) {
		return '';
	}

	let common = first;
	for (const folder of rest) {
		while (common !== folder && !folder.startsWith(common + path.sep)) {
			const up = path.dirname(common);
			if (up === common) {
				return common;
			}

			common = up;
		}
	}

	return common;
}

/** What the session file holds. */
interface SessionFile {
	trailtui: 'session';
	version: 1;
	/** How many files, and the folder they share. */
	files: number;
	folder: string;
	marks: MarkEntry[];
}

function isEntry(value: unknown): value is MarkEntry {
	if (value === null || typeof value !== 'object') {
		return false;
	}

	const entry = value as Record<string, unknown>;
	return (
		typeof entry['digest'] === 'string' &&
		(entry['eventID'] === null || typeof entry['eventID'] === 'string') &&
		(entry['note'] === undefined || typeof entry['note'] === 'string')
	);
}

/** The entries of a session file's text, or why it is not one. */
export function parseSession(
	text: string,
): {ok: true; entries: MarkEntry[]} | {ok: false; error: string} {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `not JSON (${(error as Error).message})`};
	}

	const file = value as Partial<SessionFile> | null;
	if (file === null || typeof file !== 'object' || file.version !== 1) {
		return {ok: false, error: 'not a version 1 trailtui session'};
	}

	if (!Array.isArray(file.marks) || !file.marks.every(isEntry)) {
		return {ok: false, error: 'its marks are not a list of marked events'};
	}

	return {
		ok: true,
		entries: file.marks.map((entry) => ({
			eventID: entry.eventID,
			digest: entry.digest,
			...(typeof entry.time === 'string' ? {time: entry.time} : {}),
			...(typeof entry.eventName === 'string'
				? {eventName: entry.eventName}
				: {}),
			...(entry.note ? {note: entry.note} : {}),
		})),
	};
}

function codeOf(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Moves a damaged file aside to `.bad` (`.bad-2`, … when taken). */
function moveAside(file: string): string {
	for (let attempt = 1; attempt < 100; attempt++) {
		const target = attempt === 1 ? `${file}.bad` : `${file}.bad-${attempt}`;
		if (!fs.existsSync(target)) {
			fs.renameSync(file, target);
			return target;
		}
	}

	throw new Error('too many damaged session files kept');
}

/** Writes a file whole: a private temporary file, then a rename. */
export function writeAtomically(file: string, text: string): void {
	fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
	try {
		fs.writeFileSync(temporary, text, {mode: 0o600, flag: 'wx'});
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}

/** The store of the sessions folder under the user's config folder. */
export function fileSessions(
	env: NodeJS.ProcessEnv = process.env,
): SessionStores {
	return (files) => {
		const absolute = [...files].map((file) => path.resolve(file)).sort();
		const file = path.join(
			configDir(env),
			'sessions',
			`${sessionKey(absolute)}.json`,
		);
		let writable = true;
		return {
			where: file,
			load() {
				let text: string;
				try {
					text = fs.readFileSync(file, 'utf8');
				} catch (error) {
					// No file, or no folder for it: nothing saved yet, nothing to lose.
					if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
						return {entries: [], writable};
					}

					writable = false;
					return {
						entries: [],
						writable,
						notice: `Cannot read the session ${file} (${codeOf(error)}): marks will not be saved`,
					};
				}

				const parsed = parseSession(text);
				if (parsed.ok) {
					return {entries: parsed.entries, writable};
				}

				try {
					const kept = moveAside(file);
					return {
						entries: [],
						writable,
						notice: `The session ${file} is damaged (${parsed.error}): kept as ${path.basename(kept)}, starting without marks`,
					};
				} catch (error) {
					writable = false;
					return {
						entries: [],
						writable,
						notice: `The session ${file} is damaged (${parsed.error}) and cannot be moved aside (${codeOf(error)}): marks will not be saved`,
					};
				}
			},
			save(entries) {
				if (!writable) {
					return `Marks not saved: the session ${file} could not be read`;
				}

				const content: SessionFile = {
					trailtui: 'session',
					version: 1,
					files: absolute.length,
					folder: commonFolder(absolute),
					marks: [...entries],
				};
				try {
					writeAtomically(file, JSON.stringify(content, null, '\t') + '\n');
					return undefined;
				} catch (error) {
					return `Marks not saved: cannot write ${file} (${codeOf(error)})`;
				}
			},
		};
	};
}

/**
Sessions kept in memory, for tests and for a screen without a config
folder: the same files find the same marks while the object lives.
*/
export function memorySessions(): SessionStores {
	const kept = new Map<string, MarkEntry[]>();
	return (files) => {
		const key = sessionKey(files);
		return {
			where: 'memory',
			load: () => ({entries: [...(kept.get(key) ?? [])], writable: true}),
			save(entries) {
				kept.set(key, [...entries]);
				return undefined;
			},
		};
	};
}
