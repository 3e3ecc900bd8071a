import '../helpers/scratch-config.js';
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {projectRoot} from '../helpers/paths.js';

/**
A shell in a tmux server of its own (its own `-L` socket, no config file),
for tests of the built command in a real terminal. Waits poll the screen a
bounded number of times; nothing depends on how long a step takes.
*/

/** Polls of about 100 ms each before a wait gives up (about 20 s). */
const maxPolls = 200;

// Ink only draws the final frame when it believes it runs under CI, so the
// tmux server (and the command in it) must not inherit those variables.
const environment: NodeJS.ProcessEnv = {...process.env};
for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE']) {
	delete environment[name];
}

export function tmuxInstalled(): boolean {
	const result = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	return !result.error && result.status === 0;
}

export class TmuxTerminal {
	readonly socket = `trailtui-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
	readonly session = 'trailtui';
	private socketPath: string | undefined;
	/**
	The shell's XDG_CONFIG_HOME: a scratch folder of this terminal's own, so
	history and sessions never reach the user's config folder.
	*/
	readonly configHome = mkdtempSync(path.join(os.tmpdir(), 'trailtui-xdg-'));

	/** Starts a plain `sh` with prompt `$ ` in the project root. */
	constructor(columns: number, rows: number) {
		this.tmux(
			'new-session',
			'-d',
			'-s',
			this.session,
			'-x',
			String(columns),
			'-y',
			String(rows),
			'-c',
			projectRoot,
			`env TERM=xterm-256color PS1='$ ' ENV= XDG_CONFIG_HOME=${quoted(this.configHome)} sh`,
		);
		try {
			this.socketPath = this.tmux(
				'display-message',
				'-p',
				'#{socket_path}',
			).trim();
		} catch (error) {
			this.close();
			throw error;
		}
	}

	tmux(...args: string[]): string {
		const result = spawnSync(
			'tmux',
			['-L', this.socket, '-f', '/dev/null', ...args],
			{encoding: 'utf8', env: environment},
		);
		if (result.error) {
			throw result.error;
		}

		if (result.status !== 0) {
			throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
		}

		return result.stdout;
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.session);
	}

	/** '1' while the alternate screen is shown. */
	alternateOn(): string {
		return this.tmux(
			'display-message',
			'-p',
			'-t',
			this.session,
			'#{alternate_on}',
		).trim();
	}

	paneCommand(): string {
		return this.tmux(
			'display-message',
			'-p',
			'-t',
			this.session,
			'#{pane_current_command}',
		).trim();
	}

	async waitFor(
		what: string,
		accept: (text: string) => boolean,
	): Promise<string> {
		let last = '';
		for (let poll = 0; poll < maxPolls; poll++) {
			last = this.screen();
			if (accept(last)) {
				return last;
			}

			await sleep(100);
		}

		throw new Error(`the terminal never showed ${what}; last screen:\n${last}`);
	}

	async waitUntil(what: string, done: () => boolean): Promise<void> {
		for (let poll = 0; poll < maxPolls; poll++) {
			if (done()) {
				return;
			}

			await sleep(100);
		}

		throw new Error(`never saw ${what}`);
	}

	keys(...names: string[]): void {
		this.tmux('send-keys', '-t', this.session, ...names);
	}

	type(text: string): void {
		this.tmux('send-keys', '-t', this.session, '-l', text);
	}

	/** Stops this test's own server and removes its socket file. */
	close(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {env: environment});
		if (this.socketPath?.endsWith(this.socket)) {
			rmSync(this.socketPath, {force: true});
		}

		rmSync(this.configHome, {recursive: true, force: true});
	}
}

export function quoted(text: string): string {
	return `'${text.replaceAll("'", "'\\''")}'`;
}
