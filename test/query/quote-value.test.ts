import assert from 'node:assert/strict';
import {test} from 'node:test';
import {visible} from '../../source/core/safe-text.js';
import {parseFilter} from '../../source/query/filter.js';
import {quoteValue} from '../../source/query/quote-value.js';
import {makeEvent} from '../helpers/make-event.js';

test('plain values stay bare; awkward ones are quoted and escaped', () => {
	assert.equal(quoteValue('ListBuckets'), 'ListBuckets');
	assert.equal(quoteValue('203.0.113.9'), '203.0.113.9');
	assert.equal(quoteValue(''), '""');
	assert.equal(quoteValue('aws-cli/1.16 Python'), '"aws-cli/1.16 Python"');
	assert.equal(quoteValue('a"b\\c'), '"a\\"b\\\\c"');
	assert.equal(quoteValue('=x'), '"=x"');
	assert.equal(quoteValue('/re/'), '"/re/"');
	assert.equal(quoteValue('f(x)'), '"f(x)"');
});

test('a quoted value reads back as itself in a filter', () => {
	for (const value of ['a b', 'a"b', 'x\\y', '=x', 'Boto3/1.9 (x, y)']) {
		const parsed = parseFilter(`ua=${quoteValue(value)}`);
		assert.ok(parsed.ok, value);
		assert.ok(parsed.filter.test(makeEvent({ua: value})), value);
		assert.ok(!parsed.filter.test(makeEvent({ua: value + '!'})));
	}
});

// Issue 5, item 3: what the prompt shows is what it runs.
const hidden = [
	'curl/8 \u202Egnp.exe',
	'new\u001B]0;owned\u0007title',
	'zw\u200Bsp',
	'tab\there',
	'nl\nFAKE ROW',
	'c1\u009B31m',
	'tag\u{E0041}x',
	'lone\uD800x',
	String.raw`written \x1b and \u202e`,
	'emoji🙂 Ａ全角',
];

test('hidden and control characters are written as the escapes the screen shows', () => {
	assert.equal(
		quoteValue('curl/8 \u202Egnp.exe'),
		String.raw`"curl/8 \u202egnp.exe"`,
	);
	assert.equal(quoteValue('a\u001Bb'), String.raw`"a\x1bb"`);
	assert.equal(quoteValue('zw\u200Bsp'), String.raw`"zw\u200bsp"`);
	assert.equal(quoteValue('tab\there'), String.raw`"tab\there"`);
	assert.equal(quoteValue('tag\u{E0041}'), String.raw`"tag\u{e0041}"`);
	for (const value of hidden) {
		const quoted = quoteValue(value);
		// Nothing left for the screen to escape: shown as it is written.
		assert.equal(visible(quoted), quoted, value);
	}
});

test('the escaped text, typed again, matches exactly the value it came from', () => {
	const events = hidden.map((ua) => makeEvent({ua}));
	for (const [index, value] of hidden.entries()) {
		const parsed = parseFilter(`ua=${quoteValue(value)}`);
		assert.ok(parsed.ok, value);
		assert.deepEqual(
			events.map((event) => parsed.filter.test(event)),
			hidden.map((_, other) => other === index),
			value,
		);
	}
});

test('typed escapes in double quotes stand for the characters', () => {
	const bidi = makeEvent({ua: 'curl/8 \u202Egnp.exe'});
	const written = makeEvent({ua: String.raw`curl/8 \u202egnp.exe`});
	const cases: Array<[string, boolean, boolean]> = [
		[String.raw`ua="curl/8 \u202egnp.exe"`, true, false],
		[String.raw`ua="curl/8 \u{202E}gnp.exe"`, true, false],
		[String.raw`ua="curl/8 \\u202egnp.exe"`, false, true],
		[String.raw`ua~"\u202e"`, true, false],
		[String.raw`ua~u202e`, false, true],
	];
	for (const [text, first, second] of cases) {
		const parsed = parseFilter(text);
		assert.ok(parsed.ok, text);
		assert.deepEqual(
			[parsed.filter.test(bidi), parsed.filter.test(written)],
			[first, second],
			text,
		);
	}

	const tab = parseFilter(String.raw`ua="a\tb\"c\\d\x41"`);
	assert.ok(tab.ok);
	assert.ok(tab.filter.test(makeEvent({ua: 'a\tb"c\\dA'})));
});

test('an unknown escape, or a hidden character in a bare value, is a positioned error', () => {
	const cases: Array<[string, number, RegExp]> = [
		// `\t` is a tab: the first mistake is `\l`.
		[
			String.raw`ua="C:\temp\logs"`,
			11,
			/"\\l" is no escape.*\\\\ for a backslash/,
		],
		[String.raw`ua="\x1"`, 4, /"\\x1" is no escape/],
		[String.raw`ua="\u{110000}"`, 4, /is no escape/],
		['ua~curl/8\u202Egnp', 9, /bare value cannot hold \\u202e.*double quotes/],
		['user=a\u200Bb', 6, /cannot hold \\u200b/],
	];
	for (const [text, position, message] of cases) {
		const parsed = parseFilter(text);
		assert.ok(!parsed.ok, text);
		assert.equal(parsed.position, position, text);
		assert.match(parsed.error, message, text);
	}
});
