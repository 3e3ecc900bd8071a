import os from 'node:os';
import path from 'node:path';

/**
The user's config folder for trailtui: where the filter history and the
sessions (marks and notes) are kept. Never a log folder: nothing trailtui
writes goes next to the logs it reads.

`$XDG_CONFIG_HOME/trailtui` when that variable holds an absolute path (the
XDG rule: a relative one is ignored), otherwise `~/.config/trailtui`.
Tests point XDG_CONFIG_HOME at a scratch folder.
*/
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CONFIG_HOME'];
	const base =
		xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.config');
	return path.join(base, 'trailtui');
}
