import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	commonPrefix,
	completionAt,
	createValueCache,
	partialInsert,
	type ValueSource,
} from '../../source/query/complete-query.js';
import {makeEvents} from '../helpers/make-event.js';

const events = makeEvents([
	{eventName: 'ListBuckets', ip: '203.0.113.9', ua: 'aws-cli/1.16 Python'},
	{eventName: 'ListBuckets', ip: '203.0.113.9', ua: 'aws-cli/1.16 Ruby'},
	{eventName: 'ListObjects', ip: '198.51.100.1', ua: 'aws-cli/1.16 Ruby'},
	{eventName: 'GetObject', ip: 'AWS Internal'},
]);
const values = createValueCache(events);

function spot(text: string, caret = text.length, source: ValueSource = values) {
	const found = completionAt(text, caret, source);
	assert.ok(found, text);
	return found;
}

const labels = (text: string, caret?: number) =>
	spot(text, caret).candidates.map((candidate) => candidate.label);

test('a word being typed completes to field names and bare words', () => {
	assert.deepEqual(labels('eventN'), ['eventName']);
	assert.deepEqual(labels('fl'), ['flag', 'flagged']);
	assert.deepEqual(labels('flagged and (!reg'), ['region']);
	assert.ok(labels('').includes('principal'));
	// Record paths beside the short fields once a letter is typed.
	assert.deepEqual(labels('userIdentity.sessionContext.s'), [
		'userIdentity.sessionContext.sessionIssuer.userName',
	]);
	assert.deepEqual(labels('ev'), ['eventName', 'eventType', 'eventCategory']);
	const word = spot('fla');
	assert.equal(word.kind, 'field');
	assert.deepEqual([word.start, word.end], [0, 3]);
	// The caret inside a word: the whole word is replaced.
	assert.deepEqual(
		[spot('eventNa=x', 3).start, spot('eventNa=x', 3).end],
		[0, 7],
	);
	assert.match(spot('zz').note ?? '', /No field starts with “zz”/);
});

test('after an operator, the values in the logs, most frequent first', () => {
	const after = spot('flagged eventName=');
	assert.equal(after.kind, 'value');
	assert.equal(after.field, 'eventName');
	assert.deepEqual(
		after.candidates.map((c) => [c.label, c.count]),
		[
			['ListBuckets', 2],
			['GetObject', 1],
			['ListObjects', 1],
		],
	);
	assert.deepEqual(labels('eventName!=list'), ['ListBuckets', 'ListObjects']);
	assert.deepEqual(labels('ip:2'), ['203.0.113.9']);
	// Values that need quotes are inserted quoted.
	const agent = spot('ua~"aws-cli/1.16 R');
	assert.equal(agent.partial, 'aws-cli/1.16 R');
	assert.ok(agent.quoted);
	assert.deepEqual(
		agent.candidates.map((c) => c.insert),
		['"aws-cli/1.16 Ruby"'],
	);
	assert.deepEqual(labels('ip=A'), ['AWS Internal']);
	assert.equal(spot('ip=A').candidates[0]!.insert, '"AWS Internal"');
	// Known values of a field come after the counted ones.
	assert.deepEqual(labels('outcome='), ['success', 'denied', 'error']);
	assert.deepEqual(labels('severity=h'), ['high']);
});

test('inside a list, after ( or a comma', () => {
	const listed = spot('eventName in (GetObject, Li');
	assert.equal(listed.field, 'eventName');
	assert.ok(!listed.spaceAfter);
	assert.deepEqual(
		listed.candidates.map((c) => c.label),
		['ListBuckets', 'ListObjects'],
	);
	assert.deepEqual(labels('ip not in ('), [
		'203.0.113.9',
		'198.51.100.1',
		'AWS Internal',
	]);
});

test('no values for times, ids, regular expressions and record paths', () => {
	assert.match(spot('time>').note ?? '', /No values to complete for time/);
	assert.match(spot('id=').note ?? '', /No values/);
	assert.match(spot('requestParameters.bucketName=').note ?? '', /No values/);
	assert.match(spot('eventName=/Li').note ?? '', /regular expression/);
	assert.equal(completionAt('last ', 5, values), undefined);
	assert.equal(completionAt('flagged)', 8, values), undefined);
});

test('a huge draft is read only near the caret', () => {
	const huge = 'a'.repeat(200_000);
	assert.deepEqual(labels(`${huge} eventName=Get`), ['GetObject']);
	assert.match(spot(huge).note ?? '', /No field starts with/);
});

test('values are counted once per field, on the first ask', () => {
	const cache = createValueCache(events);
	const first = cache('eventName');
	assert.equal(cache('EVENTNAME'), first);
	assert.equal(cache('eventName'), first);
});

test('the shared start of candidates, and how a partial value is written', () => {
	assert.equal(commonPrefix(['ListBuckets', 'listObjects']), 'List');
	assert.equal(commonPrefix(['a', 'b']), '');
	assert.equal(commonPrefix([]), '');
	assert.equal(partialInsert('aws-cli/1.16', false), 'aws-cli/1.16');
	assert.equal(partialInsert('aws-cli/1.16 ', false), '"aws-cli/1.16 ');
	assert.equal(partialInsert('say "hi', true), '"say \\"hi');
});

test('the caret inside a keyword completes nothing and replaces nothing', () => {
	// Issue 5, item 6: `o|r` took `or` for the start of `outcome`.
	const text = 'eventName=GetObject or ip=AWS';
	for (const caret of [20, 21]) {
		const inside = spot(text, caret);
		assert.deepEqual(inside.candidates, [], String(caret));
		assert.equal(inside.end, caret);
		assert.match(inside.note ?? '', /“or” is a keyword/);
	}

	assert.match(spot('a=1 an|d b=2'.replace('|', ''), 6).note ?? '', /“and”/);
	assert.match(spot('x n', 3).note ?? '', /No field starts with “n”/);
});

test('the caret inside a word keeps only candidates the whole word starts', () => {
	// `Li|stB`: ListBuckets, not ListObjects; the whole word is replaced.
	const inside = spot('eventName=ListB and flagged', 12);
	assert.deepEqual(
		inside.candidates.map((c) => c.label),
		['ListBuckets'],
	);
	assert.deepEqual([inside.start, inside.end], [10, 15]);
	// A word that starts no candidate is left as it is.
	const stray = spot('eventName=Lixyz', 12);
	assert.deepEqual(stray.candidates, []);
	assert.equal(stray.end, 12);
	assert.match(stray.note ?? '', /nothing starts with “Lixyz”/);
	const field = spot('prinxyz=a', 4);
	assert.deepEqual(field.candidates, []);
	assert.equal(field.end, 4);
	// In quotes, the rest of the value up to its closing quote.
	const quoted = spot('ua="aws-cli/1.16 R" flagged', 8);
	assert.deepEqual(
		quoted.candidates.map((c) => c.label),
		['aws-cli/1.16 Ruby'],
	);
	assert.deepEqual([quoted.start, quoted.end], [3, 19]);
});
