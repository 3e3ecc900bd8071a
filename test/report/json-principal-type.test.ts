import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {formatJsonLines} from '../../source/report/index.js';
import {makeDataset} from '../helpers/ui-dataset.js';

function jsonOf(record: Record<string, unknown>): Record<string, unknown> {
	const event = normaliseRecord(
		{record, file: 'x.json', index: 0},
		bundledRanges(),
	);
	event.seq = 0;
	return JSON.parse(formatJsonLines(makeDataset([event]))[0]!) as Record<
		string,
		unknown
	>;
}

test('--json gives a null principalType when the record has no identity', () => {
	assert.equal(jsonOf({eventName: 'GetObject'}).principalType, null);
	assert.equal(
		jsonOf({eventName: 'GetObject', userIdentity: {}}).principalType,
		null,
	);
});

test('--json keeps the principalType the record gives', () => {
	const json = jsonOf({
		eventName: 'ListBuckets',
		userIdentity: {type: 'IAMUser', userName: 'alice'},
	});
	assert.equal(json.principalType, 'IAMUser');
});
