import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatProblems} from '../../source/report/index.js';
import {makeSummary} from '../helpers/ui-dataset.js';

test('a problem names its record counted from 1, not as file:N', () => {
	const summary = makeSummary(0, [
		{level: 'warning', file: 'a.json', record: 1, message: 'odd record'},
	]);
	assert.deepEqual(formatProblems(summary), [
		'a.json: record 2: warning: odd record',
	]);
});

test('a JSON Lines problem names its line once, as line N', () => {
	const summary = makeSummary(0, [
		{
			level: 'error',
			file: 'b.jsonl',
			record: 2,
			message: 'line 3: broken JSON: Unexpected token',
		},
		{level: 'info', file: 'c.json', message: 'skipped digest file'},
	]);
	assert.deepEqual(formatProblems(summary), [
		'b.jsonl: line 3: error: broken JSON: Unexpected token',
		'c.json: info: skipped digest file',
	]);
});
