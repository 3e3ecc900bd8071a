import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import {builtCli, projectRoot} from '../helpers/paths.js';
import {onlyEvent, openFlaws2} from '../helpers/ui-samples.js';

/**
The built command in a real terminal: tmux gives it a pseudo-terminal of
100×30, keys go in with `send-keys` and the screen comes back with
`capture-pane`. Every wait polls for text with a bounded number of tries;
nothing depends on how long a step takes.
*/

const socket = `trailtui-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
const session = 'trailtui';
const marker = `MARKER-${randomBytes(4).toString('hex')}`;
/** Polls of about 100 ms each before a wait gives up (about 20 s). */
const maxPolls = 200;

// Ink only draws the final frame when it believes it runs under CI, so the
// tmux server (and the command in it) must not inherit those variables.
const environment: NodeJS.ProcessEnv = {...process.env};
for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE']) {
	delete environment[name];
}

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
		encoding: 'utf8',
		env: environment,
	});
	if (result.error) {
		throw result.error;
	}

	if (result.status !== 0) {
		throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
	}

	return result.stdout;
}

function tmuxInstalled(): boolean {
	const result = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	return !result.error && result.status === 0;
}

function screen(): string {
	return tmux('capture-pane', '-p', '-t', session);
}

function alternateOn(): string {
	return tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim();
}

async function waitFor(
	what: string,
	accept: (text: string) => boolean,
): Promise<string> {
	let last = '';
	for (let poll = 0; poll < maxPolls; poll++) {
		last = screen();
		if (accept(last)) {
			return last;
		}

		await sleep(100);
	}

	throw new Error(`the terminal never showed ${what}; last screen:\n${last}`);
}

function paneCommand(): string {
	return tmux(
		'display-message',
		'-p',
		'-t',
		session,
		'#{pane_current_command}',
	).trim();
}

async function waitUntil(what: string, done: () => boolean): Promise<void> {
	for (let poll = 0; poll < maxPolls; poll++) {
		if (done()) {
			return;
		}

		await sleep(100);
	}

	throw new Error(`never saw ${what}`);
}

function keys(...names: string[]): void {
	tmux('send-keys', '-t', session, ...names);
}

function type(text: string): void {
	tmux('send-keys', '-t', session, '-l', text);
}

function quoted(text: string): string {
	return `'${text.replaceAll("'", "'\\''")}'`;
}

const skip = tmuxInstalled()
	? false
	: 'tmux is not installed: the real-terminal test needs it (CI installs it)';

test(
	'in a real terminal, trailtui finds ListBuckets, shows its flags and its story, quits and restores the screen',
	{skip},
	async () => {
		const flaws2 = await openFlaws2();
		const {flags} = onlyEvent(flaws2, 'ListBuckets');
		assert.ok(flags.length > 0);
		let socketPath: string | undefined;
		try {
			tmux(
				'new-session',
				'-d',
				'-s',
				session,
				'-x',
				'100',
				'-y',
				'30',
				'-c',
				projectRoot,
				"env TERM=xterm-256color PS1='$ ' ENV= sh",
			);
			socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
			await waitFor('a shell prompt', (text) => text.includes('$'));
			type(`echo ${marker}`);
			keys('Enter');
			await waitFor('the marker', (text) =>
				text.split('\n').some((line) => line.trim() === marker),
			);

			type(
				[
					'node',
					quoted(builtCli),
					'samples/flaws2',
					'--iam',
					'samples/flaws2/level3.json',
				].join(' '),
			);
			keys('Enter');
			const first = await waitFor('the event table', (text) =>
				text.includes(`${flaws2.events.length} events`),
			);
			assert.match(first, /trailtui {2}2018-11-28 UTC/);
			assert.equal(alternateOn(), '1');
			assert.ok(!first.includes(marker), 'the shell is hidden');

			keys('f');
			await waitFor('the filter prompt', (text) =>
				text.split('\n').some((line) => line.startsWith('filter:')),
			);
			type('eventName=ListBuckets');
			await waitFor('the typed filter', (text) =>
				text.includes('filter: eventName=ListBuckets'),
			);
			keys('Enter');
			const found = await waitFor('ListBuckets selected', (text) =>
				text.split('\n').some((line) => /^▸.*ListBuckets/.test(line)),
			);
			assert.match(found, /1\/\d+ events/);
			assert.match(found, new RegExp(`${flags.length} red flags:`));
			for (const flag of flags) {
				assert.ok(found.includes(flag.title), flag.title);
			}

			// The commands to run are further down the side panel.
			keys('Tab');
			await waitFor('the side panel focused', (text) =>
				text.includes('j/k scroll'),
			);
			keys('G');
			await waitFor('the end of the side panel', (text) =>
				text.includes('--role-name level3'),
			);

			// The story of the stolen key: issued to the ECS task, used once.
			keys('s');
			const story = await waitFor('the story of the key', (text) =>
				text.includes('· story'),
			);
			assert.ok(
				story.includes('issued by ecs-tasks.amazonaws.com at 22:31:59'),
				story,
			);
			assert.match(story, /2\/\d+ events · 1 flagged · story/);
			keys('Escape');
			await waitFor('the filtered list again', (text) =>
				text.includes('filter eventName=ListBuckets'),
			);

			keys('q');
			const after = await waitFor('the shell again', (text) =>
				text.split('\n').some((line) => line.trim() === marker),
			);
			assert.equal(alternateOn(), '0');
			assert.ok(!after.includes('red flags'), 'nothing of the screen is left');
			// The screen is restored before the process has quite ended.
			await waitUntil(
				'the shell in the foreground again',
				() => paneCommand() === 'sh',
			);
		} finally {
			spawnSync('tmux', ['-L', socket, 'kill-server'], {env: environment});
			// tmux leaves its socket file behind; it is this test's own.
			if (socketPath?.endsWith(socket)) {
				rmSync(socketPath, {force: true});
			}
		}
	},
);
