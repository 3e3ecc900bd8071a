import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
Imported first by the tests that start the real screen or command: points
XDG_CONFIG_HOME at a scratch folder for this test process and everything it
starts, so no test reads or writes the user's sessions (marks and notes).
Node runs each test file in its own process, so this reaches no other file.
*/
export const scratchConfig = fs.mkdtempSync(
	path.join(os.tmpdir(), 'trailtui-config-'),
);
process.env['XDG_CONFIG_HOME'] = scratchConfig;
process.on('exit', () => {
	fs.rmSync(scratchConfig, {recursive: true, force: true});
});
