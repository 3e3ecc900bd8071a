import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {configDir} from '../../source/core/config-dir.js';

test('the config folder follows an absolute XDG_CONFIG_HOME', () => {
	assert.equal(
		configDir({XDG_CONFIG_HOME: '/x/conf'}),
		path.join('/x/conf', 'trailtui'),
	);
});

test('a relative or empty XDG_CONFIG_HOME falls back to ~/.config', () => {
	const fallback = path.join(os.homedir(), '.config', 'trailtui');
	assert.equal(configDir({XDG_CONFIG_HOME: 'conf'}), fallback);
	assert.equal(configDir({XDG_CONFIG_HOME: ''}), fallback);
	assert.equal(configDir({}), fallback);
});
