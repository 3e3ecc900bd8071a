import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {builtCli} from '../helpers/paths.js';
import {quoted, TmuxTerminal, tmuxInstalled} from './tmux-terminal.js';

const skip = tmuxInstalled()
	? false
	: 'tmux is not installed: the real-terminal test needs it (CI installs it)';

const marker = `MARKER-${randomBytes(4).toString('hex')}`;

function widest(text: string): number {
	return Math.max(...text.split('\n').map((line) => line.trimEnd().length));
}

test(
	'after a resize, quitting leaves the shell screen as it was, with no rows of trailtui on it',
	{skip},
	async () => {
		const terminal = new TmuxTerminal(80, 24);
		try {
			await terminal.waitFor('a shell prompt', (text) => text.includes('$'));
			terminal.type(`echo ${marker}`);
			terminal.keys('Enter');
			await terminal.waitFor('the marker', (text) =>
				text.split('\n').some((line) => line.trim() === marker),
			);

			terminal.type(`node ${quoted(builtCli)} samples/flaws2`);
			terminal.keys('Enter');
			await terminal.waitFor('the event table', (text) =>
				text.includes('events ·'),
			);
			assert.equal(terminal.alternateOn(), '1');

			terminal.tmux(
				'resize-window',
				'-t',
				terminal.session,
				'-x',
				'160',
				'-y',
				'45',
			);
			await terminal.waitFor(
				'the table redrawn at 160×45',
				(text) => text.includes('events ·') && widest(text) > 100,
			);

			terminal.keys('q');
			await terminal.waitUntil(
				'the shell in the foreground again',
				() => terminal.paneCommand() === 'sh',
			);
			const after = terminal.screen();
			assert.equal(terminal.alternateOn(), '0');
			assert.ok(
				after.split('\n').some((line) => line.trim() === marker),
				after,
			);
			for (const text of ['events ·', 'q quit', 'GetObject', 'us-east-1']) {
				assert.ok(!after.includes(text), `"${text}" is left:\n${after}`);
			}
		} finally {
			terminal.close();
		}
	},
);
