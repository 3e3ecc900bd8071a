import {spawnSync} from 'node:child_process';
import {builtCli, projectRoot} from '../helpers/paths.js';

export interface CliRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the built command with no terminal attached, as a script would. */
export function runBuiltCli(
	args: readonly string[],
	env: Record<string, string> = {},
): CliRun {
	const result = spawnSync(process.execPath, [builtCli, ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: {...process.env, ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024,
	});
	return {
		status: result.status,
		stdout: result.stdout,
		stderr: result.stderr,
	};
}

/** The JSON Lines of a --json run, parsed. */
export function jsonLines(run: CliRun): Array<Record<string, unknown>> {
	return run.stdout
		.split('\n')
		.filter((line) => line.length > 0)
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}
