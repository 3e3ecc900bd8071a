import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
Points XDG_CONFIG_HOME at a scratch folder for this process and everything
it starts, so no test reads or writes the user's history or sessions. `npm
test` loads it before the runner (`node --import`); the tests that start the
real screen or command import it first too, so they are safe when run alone.
Removed when the process ends.
*/
export const scratchConfig = fs.mkdtempSync(
	path.join(os.tmpdir(), 'trailtui-config-'),
);
process.env['XDG_CONFIG_HOME'] = scratchConfig;
process.on('exit', () => {
	fs.rmSync(scratchConfig, {recursive: true, force: true});
});
