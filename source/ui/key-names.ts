import type {Key} from 'ink';

/**
How keys are named: Ink's keypress records turned into the names the keymap
table uses (`j`, `pagedown`, `ctrl+f`), and those names as the help prints
them (`PgDn`, `Ctrl-f`).
*/

/**
A key as the table names it: a printable character as itself (`j`, `G`, `?`),
or one of the named keys below, with `ctrl+` for control letters.
*/
export type KeyName = string;

/**
Names an Ink keypress the way the table does. Returns undefined for input the
table cannot name, such as a pasted string of several characters.
*/
export function keyNameOf(input: string, key: Key): KeyName | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	// Most terminals send DEL for Backspace, which Ink calls "delete".
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && /^[a-z]$/.test(input)) return `ctrl+${input}`;
	if (input === ' ') return 'space';
	if ([...input].length === 1 && !/\p{Cc}/u.test(input)) return input;

	return undefined;
}

/** Names of the control characters that arrive inside a burst of input. */
function characterName(character: string): KeyName | undefined {
	switch (character) {
		case '\r':
		case '\n':
			return 'enter';
		case '\t':
			return 'tab';
		case '\u007F':
		case '\b':
			return 'backspace';
		case ' ':
			return 'space';
		default:
			break;
	}

	const code = character.codePointAt(0) ?? 0;
	if (code >= 1 && code <= 26) {
		return `ctrl+${String.fromCodePoint(code + 96)}`;
	}

	return /\p{Cc}/u.test(character) ? undefined : character;
}

/** One keypress as the reducer takes it: the key's name and its text. */
export interface Keypress {
	key: KeyName | undefined;
	text: string;
}

/**
Splits what Ink delivers at once into keypresses. Ink passes a burst of
plain characters (key repeat, a fast typist, tmux `send-keys j j`, a paste)
as one string; each character is a key of its own, so `jjj` moves three
rows and a pasted filter is typed character by character.
*/
export function keypressesOf(input: string, key: Key): Keypress[] {
	const characters = [...input];
	const named = keyNameOf(input, key);
	if (characters.length <= 1 || named !== undefined || key.ctrl || key.meta) {
		return [{key: named, text: input}];
	}

	return characters.map((character) => ({
		key: characterName(character),
		text: character,
	}));
}

const labels: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift-Tab',
	backspace: 'Backspace',
	space: 'Space',
};

/** How the help writes a key: `PgDn`, `Ctrl-f`, `j`. */
export function keyLabel(key: KeyName): string {
	const label = labels[key];
	if (label !== undefined) {
		return label;
	}

	if (key.startsWith('ctrl+')) {
		return `Ctrl-${key.slice('ctrl+'.length)}`;
	}

	return key;
}
