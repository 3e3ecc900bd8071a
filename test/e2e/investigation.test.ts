import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {builtCli} from '../helpers/paths.js';
import {openFlaws2} from '../helpers/ui-samples.js';
import {quoted, TmuxTerminal, tmuxInstalled} from './tmux-terminal.js';

/**
An investigation on flaws2 in a real terminal, as a responder would run it:
find the stolen key's ListBuckets, pivot to its address, see who else called
from there, mark two events with notes, write the incident note, and find
the marks again in the next run over the same files.
*/

const skip = tmuxInstalled()
	? false
	: 'tmux is not installed: the real-terminal test needs it (CI installs it)';

const address = '104.102.221.250';
const firstNote = 'stolen ECS task credentials, used from a laptop';
const secondNote = 'level1 pulls the container image from the same laptop';

/** The selected row of the event table. */
function selectedRow(screen: string): string {
	return screen.split('\n').find((line) => line.startsWith('▸')) ?? '';
}

test(
	'in a real terminal, a pivot, two notes and an incident note tell the flaws2 story',
	{skip},
	async () => {
		const flaws2 = await openFlaws2();
		const fromAddress = flaws2.events.filter((e) => e.source.raw === address);
		const flagged = flaws2.events.filter((e) => e.flags.length > 0).length;
		const outDir = mkdtempSync(path.join(os.tmpdir(), 'trailtui-note-'));
		const notePath = path.join(outDir, 'incident.md');
		const terminal = new TmuxTerminal(110, 32);
		const {keys, type} = {
			keys: terminal.keys.bind(terminal),
			type: terminal.type.bind(terminal),
		};
		const waitFor = terminal.waitFor.bind(terminal);
		const start = async () => {
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
			return waitFor('the judged event table', (text) =>
				text.includes(`${flaws2.events.length} events · ${flagged} flagged`),
			);
		};

		try {
			await waitFor('a shell prompt', (text) => text.includes('$'));
			await start();

			keys('f');
			await waitFor('the filter prompt', (text) => text.includes('filter:'));
			type('eventName=ListBuckets');
			keys('Enter');
			await waitFor('ListBuckets selected', (text) =>
				selectedRow(text).includes('ListBuckets'),
			);

			// Pivot to the address the stolen key was used from.
			keys('o');
			await waitFor('the pivot menu', (text) => text.includes('Pivot:'));
			keys('a');
			const pivoted = await waitFor('the address pivot', (text) =>
				text.includes(`filter ip=${address}`),
			);
			assert.ok(
				pivoted.includes(
					`${fromAddress.length}/${flaws2.events.length} events`,
				),
				pivoted,
			);
			// The same laptop called as level1 and browsed the site anonymously.
			const rows = pivoted.split('\n');
			for (const call of ['ListImages', 'BatchGetImage', 'ListBuckets']) {
				assert.ok(
					rows.some((row) => row.includes(call) && row.includes(address)),
					call,
				);
			}

			assert.ok(
				rows.some((row) => /ListObjects .*role level1/.test(row)),
				pivoted,
			);
			assert.ok(
				rows.filter((row) => /GetObject .*anonymous/.test(row)).length > 3,
				pivoted,
			);
			assert.ok(selectedRow(pivoted).includes('ListBuckets'));

			// A note on ListBuckets, then on level1's ListImages.
			keys('c');
			await waitFor('the note prompt', (text) => text.includes('note:'));
			type(firstNote);
			keys('Enter');
			await waitFor('one mark', (text) => text.includes('1 marked'));
			// The search moves the cursor to level1's ListImages.
			keys('/');
			await waitFor('the search prompt', (text) => text.includes('\n/'));
			type('ListImages');
			keys('Enter');
			await waitFor('ListImages selected', (text) =>
				selectedRow(text).includes('ListImages'),
			);
			keys('c');
			await waitFor('the note prompt', (text) => text.includes('note:'));
			type(secondNote);
			keys('Enter');
			await waitFor('two marks', (text) => text.includes('2 marked'));
			// `u` goes to the next mark: back to ListBuckets.
			keys('u');
			await waitFor('the next mark', (text) =>
				selectedRow(text).includes('ListBuckets'),
			);

			// The incident note of the marked events, as Markdown.
			keys('w');
			await waitFor('the export dialog', (text) =>
				text.includes('Write events to a file'),
			);
			keys('m');
			keys('n');
			await waitFor(
				'marked events and Markdown chosen',
				(text) =>
					/\[x\] m the marked events \(2\)/.test(text) &&
					/\[x\] n Markdown note/.test(text),
			);
			keys('Enter');
			await waitFor('the file prompt', (text) => text.includes('file:'));
			keys('C-u');
			type(notePath);
			keys('Enter');
			await waitFor('the note written', (text) =>
				text.includes('Wrote 2 events'),
			);

			const note = readFileSync(notePath, 'utf8');
			assert.match(note, /^# Incident note/);
			assert.ok(note.includes('8 files, 37 events'), note);
			assert.ok(note.includes('2018-11-28 22:31:59 – 23:09:36 UTC'), note);
			assert.ok(note.includes(`Filter: \`ip=${address}\``), note);
			assert.ok(note.includes('Workload credentials used from outside AWS'));
			assert.ok(note.includes("A person's tools on a workload identity"));
			const marked = note.slice(note.indexOf('## Marked events'));
			assert.ok(marked.length > 0 && note.includes('## Marked events'));
			for (const text of [firstNote, secondNote, 'ListBuckets', 'ListImages']) {
				assert.ok(marked.includes(text), text);
			}

			// The marks come back in the next run over the same files.
			keys('q');
			// The screen is restored a moment before the process ends: type the
			// next command only once the shell has the terminal again.
			await terminal.waitUntil(
				'the shell in the foreground again',
				() => terminal.alternateOn() === '0' && terminal.paneCommand() === 'sh',
			);
			await start();
			await waitFor('the marks restored', (text) => text.includes('2 marked'));
			keys('q');
		} finally {
			terminal.close();
			rmSync(outDir, {recursive: true, force: true});
		}
	},
);
