import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
Points XDG_CONFIG_HOME at a scratch folder for this process and everything
it starts, so no test reads or writes the user's history or sessions. `npm
test` loads it before the runner (`node --import`); the tests that start the
real screen or command import it first too, so they are safe when run alone.

Each process that loads it gets a folder of its own, so test files running
side by side never see each other's sessions. The folders are made inside
one root that the first process makes and removes when it ends: a child that
is killed cannot leave its folder behind.
*/
const rootVariable = 'TRAILTUI_SCRATCH_CONFIG_ROOT';

function scratchRoot(): string {
	const inherited = process.env[rootVariable];
	if (inherited && fs.existsSync(inherited)) {
		return inherited;
	}

	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-config-'));
	process.env[rootVariable] = root;
	process.on('exit', () => {
		fs.rmSync(root, {recursive: true, force: true});
	});
	return root;
}

export const scratchConfig = fs.mkdtempSync(
	path.join(scratchRoot(), `${process.pid}-`),
);
process.env['XDG_CONFIG_HOME'] = scratchConfig;
process.on('exit', () => {
	fs.rmSync(scratchConfig, {recursive: true, force: true});
});
