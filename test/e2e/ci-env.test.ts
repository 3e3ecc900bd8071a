import '../helpers/scratch-config.js';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {setTimeout as sleep} from 'node:timers/promises';
import {builtCli, projectRoot} from '../helpers/paths.js';

/**
A person who exported CI in their shell still gets the screen: Ink draws
nothing interactive when it believes it runs under CI, so the command line
clears those variables before it starts the screen.
*/

const socket = `trailtui-ci-${process.pid}-${randomBytes(4).toString('hex')}`;
const environment: NodeJS.ProcessEnv = {...process.env};
delete environment['TMUX'];
delete environment['TMUX_PANE'];

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
		encoding: 'utf8',
		env: environment,
	});
	if (result.error || result.status !== 0) {
		throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
	}

	return result.stdout;
}

const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;

test(
	'the screen opens even when CI is set in the environment',
	{skip: tmuxMissing ? 'tmux is not installed' : false},
	async () => {
		const command =
			`cd '${projectRoot}' && CI=true CI_JOB_ID=1 ` +
			`'${process.execPath}' '${builtCli}' samples/flaws2; sleep 30`;
		tmux(
			'new-session',
			'-d',
			'-s',
			'ci',
			'-x',
			'100',
			'-y',
			'30',
			'sh',
			'-c',
			command,
		);
		try {
			let last = '';
			for (let poll = 0; poll < 200; poll++) {
				last = tmux('capture-pane', '-p', '-t', 'ci');
				if (last.includes('37 events')) {
					break;
				}

				await sleep(100);
			}

			assert.match(last, /37 events/, last);
			assert.match(last, /\? help/, 'the key line of the screen is shown');
			tmux('send-keys', '-t', 'ci', 'q');
		} finally {
			spawnSync('tmux', ['-L', socket, 'kill-server']);
		}
	},
);
