import '../helpers/scratch-config.js';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {
	enterAlternateScreen,
	leaveAlternateScreen,
	runApp,
} from '../../source/ui/run-app.js';
import type {TrailEvent} from '../../source/core/types.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {fakeTerminal} from '../helpers/ui-streams.js';

/**
Types `key` until `done` settles: the first keys may come before Ink has
subscribed to input, and repeating a quit key is harmless. Bounded.
*/
async function typeUntil(
	terminal: ReturnType<typeof fakeTerminal>,
	key: string,
	done: Promise<unknown>,
): Promise<void> {
	let settled = false;
	void done.then(
		() => (settled = true),
		() => (settled = true),
	);
	for (let attempt = 0; attempt < 200 && !settled; attempt++) {
		terminal.stdin.type(key);
		await new Promise((resolve) => {
			setTimeout(resolve, 10);
		});
	}

	assert.ok(settled, 'the screen ended');
}

test('q leaves the alternate screen and shows the cursor again', async () => {
	const terminal = fakeTerminal();
	const done = runApp(sequenceDataset(5), terminal.streams);
	await typeUntil(terminal, 'q', done);
	await done;
	const out = terminal.stdout.written;
	assert.ok(out.startsWith(enterAlternateScreen));
	assert.ok(out.includes('user004'), 'the table was drawn');
	assert.ok(out.endsWith(leaveAlternateScreen));
	assert.equal(out.split(leaveAlternateScreen).length, 2, 'left once');
});

test('Ctrl-C quits the same way', async () => {
	const terminal = fakeTerminal();
	const done = runApp(sequenceDataset(5), terminal.streams);
	await typeUntil(terminal, '\u0003', done);
	await done;
	assert.ok(terminal.stdout.written.endsWith(leaveAlternateScreen));
});

test('a component that throws still restores the terminal, then rejects', async () => {
	const dataset = sequenceDataset(3);
	Object.defineProperty(dataset.events[0] as TrailEvent, 'eventName', {
		get() {
			throw new Error('boom in a cell');
		},
	});
	const terminal = fakeTerminal();
	await assert.rejects(runApp(dataset, terminal.streams), /boom in a cell/);
	const out = terminal.stdout.written;
	assert.ok(out.includes(leaveAlternateScreen));
	assert.ok(out.endsWith(leaveAlternateScreen));
});

test('SIGTERM restores the terminal, then ends the process by the signal', () => {
	const child = fileURLToPath(new URL('run-app-child.js', import.meta.url));
	const result = spawnSync(process.execPath, [child], {
		encoding: 'utf8',
		timeout: 20_000,
		env: {...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
	});
	assert.equal(result.signal, 'SIGTERM', result.stderr);
	assert.ok(result.stdout.startsWith(enterAlternateScreen));
	assert.ok(result.stdout.endsWith(leaveAlternateScreen));
});
