import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

/** What the figures were measured on: machine, versions, date. */

export interface MachineInfo {
	date: string;
	cpu: string;
	cores: number;
	memoryGB: number;
	platform: string;
	/** 1-minute load average when the run began: others' work skews times. */
	loadAverage: number;
	node: string;
	trailtui: string;
	/** `git rev-parse --short HEAD`, with "+ changes" when source/ differs. */
	commit: string | undefined;
	libraries: Record<string, string>;
	tools: Record<string, string>;
}

/** The project's folder: dist/bench/ is two levels below it. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function versionOf(packageDir: string): string | undefined {
	try {
		const json = JSON.parse(
			fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
		) as {version?: string};
		return json.version;
	} catch {
		return undefined;
	}
}

function run(command: string, args: string[]): string | undefined {
	try {
		return execFileSync(command, args, {
			cwd: projectRoot,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return undefined;
	}
}

function gitCommit(): string | undefined {
	// A tree exported without .git (git archive) can be named by hand.
	const named = process.env['TRAILTUI_BENCH_COMMIT'];
	if (named) {
		return named;
	}

	const commit = run('git', ['rev-parse', '--short', 'HEAD']);
	if (!commit) {
		return undefined;
	}

	const changed = run('git', ['status', '--porcelain', '--', 'source']);
	return changed ? `${commit} + changes in source/` : commit;
}

const libraries = ['ink', 'react', 'fuse.js', 'ipaddr.js', 'meow'];

export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	const found: Record<string, string> = {};
	for (const name of libraries) {
		const version = versionOf(path.join(projectRoot, 'node_modules', name));
		if (version) {
			found[name] = version;
		}
	}

	const tools: Record<string, string> = {};
	const jq = run('jq', ['--version']);
	if (jq) {
		tools['jq'] = jq;
	}

	const gzip = run('gzip', ['--version'])?.split('\n')[0];
	if (gzip) {
		tools['zcat'] = gzip;
	}

	return {
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGB: os.totalmem() / 2 ** 30,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		loadAverage: os.loadavg()[0] ?? 0,
		node: process.version,
		trailtui: versionOf(projectRoot) ?? 'unknown',
		commit: gitCommit(),
		libraries: found,
		tools,
	};
}
