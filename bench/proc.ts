import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

/**
Runs each measurement in a process of its own, so that its peak memory is
its own: Node children report `process.resourceUsage().maxRSS`; for other
programs (zcat, jq) the peak is read from /proc while they run (Linux only;
elsewhere it is left unmeasured).
*/

export interface ChildOutcome<T> {
	/** Spawn to exit, as the parent saw it. */
	processMs: number;
	/** The JSON the child printed on its last line of output. */
	result: T;
}

/** A compiled script beside this one, e.g. `parse-child.js`. */
export function benchScript(name: string): string {
	return fileURLToPath(new URL(name, import.meta.url));
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
	let text = '';
	stream?.setEncoding('utf8');
	stream?.on('data', (chunk: string) => {
		// Keep the tail only: a child's report is its last line.
		text = (text + chunk).slice(-1_000_000);
	});
	return () => text;
}

function exited(child: ChildProcess): Promise<number> {
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code, signal) => {
			resolve(code ?? (signal ? 128 : 1));
		});
	});
}

/** Runs `node SCRIPT ARGS` and reads the JSON on its last stdout line. */
export async function runNodeChild<T>(
	script: string,
	args: readonly string[],
	options: {nodeOptions?: readonly string[]; timeoutMs?: number} = {},
): Promise<ChildOutcome<T>> {
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[...(options.nodeOptions ?? []), script, ...args],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	const stdout = collect(child.stdout);
	const stderr = collect(child.stderr);
	let timedOut = false;
	const timer =
		options.timeoutMs === undefined
			? undefined
			: setTimeout(() => {
					timedOut = true;
					child.kill('SIGKILL');
				}, options.timeoutMs);
	const code = await exited(child);
	clearTimeout(timer);
	const processMs = performance.now() - started;
	const lines = stdout().trim().split('\n');
	const last = lines.at(-1) ?? '';
	if (timedOut) {
		throw new Error(`no result within ${options.timeoutMs! / 1000} s`);
	}

	if (code !== 0 || !last.startsWith('{')) {
		throw new Error(`exit ${code}${reason(stderr())}`);
	}

	return {processMs, result: JSON.parse(last) as T};
}

/** The telling line of a child's error output: V8's fatal error, or the last. */
function reason(stderr: string): string {
	const lines = stderr
		.trim()
		.split('\n')
		.filter((line) => !/^\s*\d+: 0x/.test(line) && line.trim() !== '');
	const fatal = lines.find((line) => line.includes('FATAL ERROR'));
	const why = fatal ?? lines.slice(-2).join(' | ');
	return why ? `: ${why.trim()}` : '';
}

/**
Samples the peak resident size (VmHWM, KiB) of a process and of the
processes it starts, every 20 ms until stopped. VmHWM never decreases, so
the last sample before a process exits is close to its true peak.
*/
export class PeakSampler {
	private readonly peaks = new Map<number, number>();
	private readonly timer: NodeJS.Timeout;

	constructor(private readonly roots: readonly number[]) {
		this.sample();
		this.timer = setInterval(() => this.sample(), 20);
	}

	private sample(): void {
		const seen = new Set<number>();
		const visit = (pid: number) => {
			if (seen.has(pid)) {
				return;
			}

			seen.add(pid);
			const status = readProc(`/proc/${pid}/status`);
			const match = status && /VmHWM:\s+(\d+)/.exec(status);
			if (match) {
				this.peaks.set(
					pid,
					Math.max(this.peaks.get(pid) ?? 0, Number(match[1])),
				);
			}

			const children = readProc(`/proc/${pid}/task/${pid}/children`);
			for (const child of children?.trim().split(/\s+/) ?? []) {
				if (child) {
					visit(Number(child));
				}
			}
		};

		for (const pid of this.roots) {
			visit(pid);
		}
	}

	/** Stops sampling; the largest peak of any one process, or undefined. */
	stop(): number | undefined {
		clearInterval(this.timer);
		const values = [...this.peaks.values()];
		return values.length > 0 ? Math.max(...values) : undefined;
	}
}

function readProc(file: string): string | undefined {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** Whether a program is on PATH. */
export async function hasProgram(name: string): Promise<boolean> {
	const child = spawn('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'});
	return (await exited(child)) === 0;
}

/** Resolves when the process exits; rejects when it fails. */
export async function succeeded(
	child: ChildProcess,
	what: string,
): Promise<void> {
	const stderr = collect(child.stderr);
	const code = await exited(child);
	if (code !== 0) {
		throw new Error(`${what} exited ${code}: ${stderr().trim().slice(-300)}`);
	}
}
