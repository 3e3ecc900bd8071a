import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Key} from 'ink';
import {helpLines} from '../../source/ui/help-lines.js';
import {keyLabel, keyNameOf, keypressesOf} from '../../source/ui/key-names.js';
import {
	bindingsFor,
	commandFor,
	keymap,
	modes,
} from '../../source/ui/keymap.js';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

test('Ink keypresses get the names the keymap uses', () => {
	assert.equal(keyNameOf('j', noKey), 'j');
	assert.equal(keyNameOf('G', {...noKey, shift: true}), 'G');
	assert.equal(keyNameOf('', {...noKey, downArrow: true}), 'down');
	assert.equal(keyNameOf('', {...noKey, pageDown: true}), 'pagedown');
	assert.equal(keyNameOf('f', {...noKey, ctrl: true}), 'ctrl+f');
	assert.equal(keyNameOf('c', {...noKey, ctrl: true}), 'ctrl+c');
	assert.equal(keyNameOf(' ', noKey), 'space');
	assert.equal(keyNameOf('\r', {...noKey, return: true}), 'enter');
	assert.equal(keyNameOf('', {...noKey, tab: true, shift: true}), 'shift+tab');
	// Backspace arrives as DEL, which Ink calls delete.
	assert.equal(keyNameOf('', {...noKey, delete: true}), 'backspace');
	// A paste is text, not a key.
	assert.equal(keyNameOf('ListBuckets', noKey), undefined);
});

test('the conventional keys do what lnav, k9s and less users expect', () => {
	assert.equal(commandFor('list', 'j'), 'line-down');
	assert.equal(commandFor('list', 'pagedown'), 'page-down');
	assert.equal(commandFor('list', 'ctrl+b'), 'page-up');
	assert.equal(commandFor('list', 'G'), 'go-bottom');
	assert.equal(commandFor('list', '/'), 'start-search');
	assert.equal(commandFor('list', 'N'), 'previous-hit');
	assert.equal(commandFor('list', 'E'), 'previous-flagged');
	assert.equal(commandFor('detail', 'q'), 'close');
	assert.equal(commandFor('list', 'q'), 'quit');
	// In a prompt, letters are text.
	assert.equal(commandFor('search-input', 'j'), undefined);
	assert.equal(commandFor('filter-input', 'q'), undefined);
});

test('every mode can quit with Ctrl-C and leave with Esc', () => {
	for (const mode of modes) {
		assert.equal(commandFor(mode, 'ctrl+c'), 'quit', mode);
		assert.ok(commandFor(mode, 'escape'), mode);
	}
});

test('every binding has keys, a description and at least one mode', () => {
	for (const binding of keymap) {
		assert.ok(binding.keys.length > 0, binding.command);
		assert.ok(binding.description.length > 0, binding.command);
		assert.ok(binding.modes.length > 0, binding.command);
	}
});

test('the help of every view fits the rows of an 80×24 help page', () => {
	// 24 rows: root 23, title, help title: 21 rows of keys (the help takes
	// the status and bottom rows).
	for (const mode of modes) {
		assert.ok(helpLines(mode, 80).length <= 21, mode);
	}

	// Opposite keys share a row, so the list view's 21 bindings fit.
	assert.ok(bindingsFor('list').length > 19);
});

test('the triage and story keys are free in the list view and documented', () => {
	assert.equal(commandFor('list', 'F'), 'toggle-findings');
	assert.equal(commandFor('findings', 'F'), 'toggle-findings');
	assert.equal(commandFor('list', 's'), 'open-story');
	assert.equal(commandFor('finding', 's'), 'open-story');
	assert.equal(commandFor('findings', 'enter'), 'open-finding');
	assert.equal(commandFor('story', 'enter'), 'open-detail');
	assert.equal(commandFor('story', 'e'), 'next-flagged');
	assert.equal(commandFor('story', 'q'), 'close');
	// No filter or search inside a finding or a story: Esc goes back first.
	assert.equal(commandFor('story', 'f'), undefined);
	assert.equal(commandFor('finding', '/'), undefined);
});

test('key labels are the ones people read on keyboards', () => {
	assert.equal(keyLabel('pagedown'), 'PgDn');
	assert.equal(keyLabel('ctrl+f'), 'Ctrl-f');
	assert.equal(keyLabel('shift+tab'), 'Shift-Tab');
	assert.equal(keyLabel('escape'), 'Esc');
	assert.equal(keyLabel('g'), 'g');
});

test('a burst of characters from Ink becomes one keypress per character', () => {
	assert.deepEqual(
		keypressesOf('jjG', noKey).map((press) => press.key),
		['j', 'j', 'G'],
	);
	assert.deepEqual(
		keypressesOf('ip=1\r', noKey).map((press) => press.key),
		['i', 'p', '=', '1', 'enter'],
	);
	assert.deepEqual(keypressesOf('', {...noKey, upArrow: true}), [
		{key: 'up', text: ''},
	]);
	// Ink names Ctrl-f as "f" with ctrl set: one key, not a letter.
	assert.deepEqual(keypressesOf('f', {...noKey, ctrl: true}), [
		{key: 'ctrl+f', text: 'f'},
	]);
});
