import {test} from 'node:test';
import assert from 'node:assert/strict';
import {severityRank} from '../../source/core/types.js';

test('severity rank orders critical above info and none below all', () => {
	assert.ok(severityRank('critical') > severityRank('high'));
	assert.ok(severityRank('info') > severityRank(undefined));
});
