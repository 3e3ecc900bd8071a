import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {fit, shown, truncate, visible} from '../../source/core/safe-text.js';
import {caseRecords} from '../normalise/case-records.js';
import {terminalSafeJson} from '../../source/core/safe-json.js';

/** True when the text holds nothing a terminal would act on or hide. */
function inert(s: string): boolean {
	const unsafe =
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;
	return !unsafe.test(s);
}

const hostileAgent = String(caseRecords('BR-19.json')[3]?.['userAgent']);

test('visible leaves ordinary text untouched', () => {
	const text = 'aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 — ünïcödé 日本';
	assert.equal(visible(text), text);
});

test('visible shows the BR-19 escape user agent as one line of plain escapes', () => {
	const shownAgent = visible(hostileAgent);
	assert.ok(
		shownAgent.startsWith('curl/8.5.0\\x1b]0;owned\\x07\\x1b[2K\\nFAKE '),
		shownAgent,
	);
	assert.ok(inert(shownAgent));
	assert.equal(shownAgent.split('\n').length, 1);
});

test('visible escapes every C0 control, with names for newline, return and tab', () => {
	for (let code = 0; code < 0x20; code++) {
		const out = visible(`a${String.fromCharCode(code)}b`);
		assert.ok(inert(out), `U+${code.toString(16)} was left as is`);
		assert.notEqual(out, `a${String.fromCharCode(code)}b`);
	}

	assert.equal(visible('\n\r\t'), '\\n\\r\\t');
	assert.equal(visible('\u0007\u001b\u0000'), '\\x07\\x1b\\x00');
});

test('visible escapes DEL and every C1 control, including the one-byte CSI', () => {
	assert.equal(visible('\u007f'), '\\x7f');
	for (let code = 0x80; code <= 0x9f; code++) {
		const out = visible(String.fromCharCode(code));
		assert.equal(out, `\\x${code.toString(16)}`);
	}

	assert.equal(visible('\u009b2J'), '\\x9b2J');
});

test('visible escapes bidi overrides, zero-width characters, separators and the BOM', () => {
	const cases: Array<[string, string]> = [
		['\u202a', '\\u202a'],
		['\u202e', '\\u202e'],
		['\u2066', '\\u2066'],
		['\u2069', '\\u2069'],
		['\u200b', '\\u200b'],
		['\u200f', '\\u200f'],
		['\u2028', '\\u2028'],
		['\u2029', '\\u2029'],
		['\ufeff', '\\ufeff'],
	];
	for (const [input, expected] of cases) {
		assert.equal(visible(`x${input}y`), `x${expected}y`);
	}

	assert.equal(visible('admin\u202egpj.exe'), 'admin\\u202egpj.exe');
});

test('visible escapes lone surrogates but keeps emoji pairs', () => {
	assert.equal(visible('a\ud800b'), 'a\\ud800b');
	assert.equal(visible('ok 👍'), 'ok 👍');
});

test('visible gives the same text when applied twice', () => {
	const once = visible(hostileAgent);
	assert.equal(visible(once), once);
});

test('shown gives a dash for missing or empty values and escapes the rest', () => {
	assert.equal(shown(undefined), '—');
	assert.equal(shown(null), '—');
	assert.equal(shown(''), '—');
	assert.equal(shown('a\nb'), 'a\\nb');
});

test('truncate keeps text that fits and cuts longer text with an ellipsis', () => {
	assert.equal(truncate('ListBuckets', 20), 'ListBuckets');
	assert.equal(truncate('ListBuckets', 6), 'ListB…');
	assert.equal(truncate('ListBuckets', 1), '…');
	assert.equal(truncate('ListBuckets', 0), '');
});

test('truncate counts wide characters as two cells and never splits one', () => {
	const cut = truncate('日本語のテキスト', 6);
	assert.equal(cut, '日本…');
	assert.equal(stringWidth(cut), 5);
	assert.equal(stringWidth(truncate('👍👍👍👍', 5)), 5);
});

test('truncate makes the text visible before measuring it', () => {
	const cut = truncate('a\u001b[2Kb', 20);
	assert.equal(cut, 'a\\x1b[2Kb');
});

test('fit pads short text and cuts long text to exactly the width', () => {
	assert.equal(fit('abc', 6), 'abc   ');
	assert.equal(fit('日本', 5), '日本 ');
	const long = caseRecords('BR-19.json')[4]?.['userAgent'];
	assert.equal(typeof long, 'string');
	const row = fit(String(long), 40);
	assert.equal(stringWidth(row), 40);
	assert.ok(row.endsWith('…'));
});

test('the BR-19 escape user agent fits one row of its cell', () => {
	const cell = fit(hostileAgent, 30);
	assert.equal(stringWidth(cell), 30);
	assert.ok(inert(cell));
	assert.ok(!cell.includes('\n'));
	assert.ok(cell.startsWith('curl/8.5.0\\x1b]0;owned'));
});

test('JSON for the terminal escapes tag characters as their UTF-16 pair', () => {
	const hidden = 'a\u{e0041}b';
	const json = terminalSafeJson({v: hidden});
	assert.equal(json, '{"v":"a\\udb40\\udc41b"}');
	assert.deepEqual(JSON.parse(json), {v: hidden});
});
