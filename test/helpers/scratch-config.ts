import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
Points XDG_CONFIG_HOME at a scratch folder for this process and everything
it starts, so no test reads or writes the user's history or sessions. `npm
test` loads it before the runner (`node --import`); the tests that start the
real screen or command import it first too, so they are safe when run alone.

Only the first process makes the folder: the test files and commands it
starts find it in their environment and use it, and the process that made
it removes it when it ends (a child may be killed, and would leave its own).
*/
const marker = 'TRAILTUI_SCRATCH_CONFIG';

function scratchFolder(): string {
	const inherited = process.env[marker];
	if (inherited && process.env['XDG_CONFIG_HOME'] === inherited) {
		return inherited;
	}

	const made = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-config-'));
	process.env[marker] = made;
	process.env['XDG_CONFIG_HOME'] = made;
	process.on('exit', () => {
		fs.rmSync(made, {recursive: true, force: true});
	});
	return made;
}

export const scratchConfig = scratchFolder();
