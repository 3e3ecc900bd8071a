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

test('--json escapes a principal once: jq reads back the name as logged', () => {
	// Issue 5, item 2: the label was escaped for the screen, then for JSON.
	for (const name of ['new\u001B]0;owned\u0007title', 'bidi\u202Eevil.exe']) {
		const line = formatJsonLines(
			makeDataset([
				normaliseRecord(
					{
						record: {
							eventName: 'ListBuckets',
							userIdentity: {
								type: 'IAMUser',
								arn: 'arn:aws:iam::111122223333:user/x',
								userName: name,
							},
						},
						file: 'x.json',
						index: 0,
					},
					bundledRanges(),
				),
			]),
		)[0]!;
		assert.equal((JSON.parse(line) as {principal: string}).principal, name);
		for (const raw of ['\u001B', '\u0007', '\u202E']) {
			assert.ok(!line.includes(raw), line);
		}

		assert.doesNotMatch(line, /\\\\/);
		assert.match(line, /"principal":"(new\\u001b|bidi\\u202e)/);
	}
});
