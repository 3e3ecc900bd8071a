import {keyLabel} from './key-names.js';
import {bindingsFor, type Mode} from './keymap.js';
import {wrappedLines, type Line} from './lines.js';

/**
The help overlay's text, printed from the keymap table for the view it was
opened from: one row per binding, its keys then what they do.

Why not `@alcalzone/ink-table`: it draws a ruled line between every pair of
rows, so the 20-odd bindings would need over 40 rows and could not fit an
80×24 terminal; it measures cells with `String.length` rather than display
width and has no way to cap or scroll its height.
*/

const keyColumn = 24;

export const viewNames: Record<Mode, string> = {
	list: 'event list',
	detail: 'event detail',
	help: 'help',
	'search-input': 'search prompt',
	'filter-input': 'filter prompt',
	problems: 'load problems',
};

/** The keys of one binding as the help writes them: `j, ↓`. */
export function keysText(keys: readonly string[]): string {
	return keys.map((key) => keyLabel(key)).join(', ');
}

export function helpLines(mode: Mode, width: number): Line[] {
	const lines: Line[] = [];
	for (const binding of bindingsFor(mode)) {
		lines.push(
			...wrappedLines(binding.description, width, {
				lead: {text: keysText(binding.keys), tone: 'command'},
				hang: ' '.repeat(Math.min(keyColumn, Math.floor(width / 3))),
			}),
		);
	}

	return lines;
}
