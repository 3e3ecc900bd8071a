import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {builtCli} from '../helpers/paths.js';
import {onlyEvent, openFlaws2} from '../helpers/ui-samples.js';
import {quoted, TmuxTerminal, tmuxInstalled} from './tmux-terminal.js';

/**
The built command in a real terminal: tmux gives it a pseudo-terminal of
100×30, keys go in with `send-keys` and the screen comes back with
`capture-pane`. Every wait polls for text with a bounded number of tries;
nothing depends on how long a step takes.
*/

const marker = `MARKER-${randomBytes(4).toString('hex')}`;

/** The terminal's methods as plain functions, for a test that reads as steps. */
function bind(terminal: TmuxTerminal) {
	return {
		keys: terminal.keys.bind(terminal),
		type: terminal.type.bind(terminal),
		waitFor: terminal.waitFor.bind(terminal),
		waitUntil: terminal.waitUntil.bind(terminal),
		alternateOn: terminal.alternateOn.bind(terminal),
		paneCommand: terminal.paneCommand.bind(terminal),
	};
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
		const terminal = new TmuxTerminal(100, 30);
		const {keys, type, waitFor, waitUntil, alternateOn, paneCommand} =
			bind(terminal);
		try {
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
			// The judged list: while files load, the status line counts events
			// too, and the filter waits for the end of the load.
			const flagged = flaws2.events.filter((e) => e.flags.length > 0).length;
			const first = await waitFor('the judged event table', (text) =>
				text.includes(`${flaws2.events.length} events · ${flagged} flagged`),
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
			terminal.close();
		}
	},
);
