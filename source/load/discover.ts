import {lstat, readdir, stat} from 'node:fs/promises';
import type {BigIntStats} from 'node:fs';
import path from 'node:path';
import type {LoadProblem} from '../core/types.js';
import {codeOf, describeFsError} from './fs-errors.js';
import {
	type RealPath,
	displayName,
	joinReal,
	latin1Form,
} from './path-names.js';
import {describeNotLog, sniffFile} from './sniff.js';

/** A file worth reading: a regular file whose first bytes may be a log. */
export interface DiscoveredFile {
	/**
	The path as given, or joined below the folder that was given, for people:
	bytes of a name that are not UTF-8 are shown as `\xff` escapes.
	*/
	path: string;
	/** The path to open: differs from `path` only for such names. */
	real: RealPath;
	/** Size in bytes when the folder was walked. */
	size: number;
}

export interface Discovery {
	/** Candidates in a stable order: arguments as given, folders by name. */
	files: DiscoveredFile[];
	problems: LoadProblem[];
	/** Files skipped because their first bytes are neither JSON nor gzip. */
	skippedNotLog: number;
}

/** What a non-regular, non-folder entry is, for the skip message. */
function describeSpecial(stats: BigIntStats): string {
	if (stats.isFIFO()) {
		return 'a FIFO (named pipe)';
	}

	if (stats.isSocket()) {
		return 'a socket';
	}

	return stats.isCharacterDevice() || stats.isBlockDevice()
		? 'a device'
		: 'not a regular file';
}

/**
Walk files and folders, following symbolic links, and list the files to
read. Only reads: nothing is created, renamed or touched below the paths.
A file or folder reached twice (hard links, two links, a path given twice)
is listed once, keyed by device and inode.
*/
export async function discoverFiles(
	paths: readonly string[],
): Promise<Discovery> {
	const result: Discovery = {files: [], problems: [], skippedNotLog: 0};
	const seen = new Set<string>();

	function problem(level: LoadProblem['level'], file: string, message: string) {
		result.problems.push({level, file, message});
	}

	async function statOrReport(
		file: string,
		real: RealPath,
	): Promise<BigIntStats | undefined> {
		try {
			return await stat(real, {bigint: true});
		} catch (error: unknown) {
			const code = codeOf(error);
			if (code === 'ELOOP') {
				problem('warning', file, `${describeFsError(error)}: skipped`);
				return undefined;
			}

			if (code === 'ENOENT') {
				const link = await lstat(real).catch(() => undefined);
				if (link?.isSymbolicLink()) {
					problem('warning', file, 'broken symbolic link (no target): skipped');
					return undefined;
				}
			}

			problem('error', file, `${describeFsError(error)}: skipped`);
			return undefined;
		}
	}

	async function visitFile(
		file: string,
		real: RealPath,
		stats: BigIntStats,
	): Promise<void> {
		try {
			const {kind, head} = await sniffFile(real);
			if (kind === 'other') {
				result.skippedNotLog++;
				const {level, message} = describeNotLog(head);
				problem(level, file, message);
				return;
			}
		} catch (error: unknown) {
			problem('error', file, `${describeFsError(error)}: skipped`);
			return;
		}

		result.files.push({path: file, real, size: Number(stats.size)});
	}

	/** Entries that are not folders, met below the current given path. */
	let filesMet = 0;

	async function visit(
		file: string,
		real: RealPath,
		ancestors: ReadonlyMap<string, string>,
	): Promise<void> {
		const stats = await statOrReport(file, real);
		if (!stats) {
			filesMet++;
			return;
		}

		if (!stats.isDirectory()) {
			filesMet++;
		}

		// Inode 0 means the file system gives no identity: never merge then.
		const key = stats.ino === 0n ? undefined : `${stats.dev}:${stats.ino}`;
		if (stats.isDirectory() && key !== undefined && ancestors.has(key)) {
			filesMet++;
			problem(
				'warning',
				file,
				`symbolic link loop: leads back to ${ancestors.get(key)}, not followed`,
			);
			return;
		}

		if (key !== undefined) {
			if (seen.has(key)) {
				filesMet++;
				return;
			}

			seen.add(key);
		}

		if (stats.isFile()) {
			await visitFile(file, real, stats);
			return;
		}

		if (!stats.isDirectory()) {
			problem(
				'warning',
				file,
				`${describeSpecial(stats)}, not a file: skipped, never opened`,
			);
			return;
		}

		let names: Buffer[];
		try {
			names = await readdir(real, {encoding: 'buffer'});
		} catch (error: unknown) {
			filesMet++;
			problem('error', file, `folder ${describeFsError(error)}: skipped`);
			return;
		}

		// Byte order, not the locale's: the same on every machine.
		names.sort(Buffer.compare);
		const inner = new Map(ancestors);
		if (key !== undefined) {
			inner.set(key, file);
		}

		for (const name of names) {
			await visit(
				path.join(file, displayName(name)),
				joinReal(real, name),
				inner,
			);
		}
	}

	/**
	Node decodes argv as UTF-8, so a name whose bytes are not UTF-8 arrives
	with U+FFFD in it; its Latin-1 byte form is the one other reading tried.
	*/
	async function realOfGiven(given: string): Promise<RealPath> {
		const bytes = latin1Form(given);
		if (bytes === undefined) {
			return given;
		}

		const found = await stat(given).then(
			() => true,
			() => false,
		);
		if (found) {
			return given;
		}

		return (await stat(bytes).then(
			() => true,
			() => false,
		))
			? bytes
			: given;
	}

	for (const given of paths) {
		filesMet = 0;
		const real = await realOfGiven(given);
		const isFolder = await stat(real).then(
			(stats) => stats.isDirectory(),
			() => false,
		);
		await visit(given, real, new Map());
		if (isFolder && filesMet === 0) {
			problem('warning', given, `no files found in ${given}`);
		}
	}

	return result;
}
