import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
Loaded before the test runner (`node --import`): every test, and every
command a test starts, keeps its history and sessions in a scratch config
folder, never in the user's own. Removed when the run ends.
*/
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trailtui-test-xdg-'));
process.env['XDG_CONFIG_HOME'] = scratch;
process.on('exit', () => {
	rmSync(scratch, {recursive: true, force: true});
});
