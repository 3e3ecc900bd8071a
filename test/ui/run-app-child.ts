import process from 'node:process';
import {runApp} from '../../source/ui/run-app.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {fakeTerminal} from '../helpers/ui-streams.js';

/**
Run by run-app.test.ts in a process of its own: starts the screen on a fake
terminal, then takes a SIGTERM, which must restore the terminal before the
process dies of it. Everything written goes to the real stdout for the
parent to read.
*/

const terminal = fakeTerminal(80, 24);
terminal.stdout.write = (chunk: string, callback?: () => void): boolean => {
	process.stdout.write(chunk);
	callback?.();
	return true;
};

void runApp(sequenceDataset(5), terminal.streams);
setImmediate(() => {
	process.kill(process.pid, 'SIGTERM');
});
