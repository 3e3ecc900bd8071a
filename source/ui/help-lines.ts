import stringWidth from 'string-width';
import {severityOrder, type Severity} from '../core/types.js';
import {keyLabel} from './key-names.js';
import {bindingsFor, type CommandId, type Mode} from './keymap.js';
import {wrappedLines, type Line} from './lines.js';
import {severityMarker} from './theme.js';

/**
The help overlay's text, printed from the keymap table for the view it was
opened from: one row per binding (or per pair of opposite bindings), its
keys then what they do.

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
	findings: 'findings',
	finding: "finding's events",
	story: 'story',
	facets: 'values picker',
	pivot: 'pivot menu',
	summary: 'summary',
	'note-input': 'note prompt',
	export: 'export dialog',
	'export-file': 'file prompt',
	'export-columns': 'columns prompt',
	'export-confirm': 'overwrite question',
};

/** The keys of one binding as the help writes them: `j, ↓`. */
export function keysText(keys: readonly string[]): string {
	return keys.map((key) => keyLabel(key)).join(', ');
}

/** One row of the help: keys, what they do, and the commands they run. */
export interface HelpRow {
	keys: string;
	description: string;
	commands: CommandId[];
}

/**
The help's rows for a mode: one per binding, except that a binding with a
`pair` shares the row of its opposite (`e / E  Next / previous flagged
event`) when both apply in the mode. Several bindings may share one row
(`t / z / Z`); the last one's `pair` describes the row.
*/
export function helpRows(mode: Mode): HelpRow[] {
	const bindings = bindingsFor(mode);
	const shown = new Set(bindings.map((binding) => binding.command));
	const rows: HelpRow[] = [];
	for (const binding of bindings) {
		if (binding.pair && shown.has(binding.pair.with)) {
			continue;
		}

		const partners = bindings.filter((b) => b.pair?.with === binding.command);
		const last = partners.at(-1);
		rows.push(
			last?.pair
				? {
						keys: [binding, ...partners]
							.map((b) => keysText(b.keys))
							.join(' / '),
						description: last.pair.description,
						commands: [binding, ...partners].map((b) => b.command),
					}
				: {
						keys: keysText(binding.keys),
						description: binding.description,
						commands: [binding.command],
					},
		);
	}

	return rows;
}

/**
The prompt has no help of its own (`?` is text there), so the list's help
sums up its editing keys in one row, from the bindings with a `brief`.
*/
export function promptKeysRow(): HelpRow {
	// The filter prompt has every key of the search prompt, and Tab.
	const bindings = bindingsFor('filter-input');
	const parts: string[] = [];
	const commands: CommandId[] = [];
	for (const binding of bindings.filter((b) => b.brief !== undefined)) {
		const second = bindings.find((b) => b.pair?.with === binding.command);
		const keys = [binding, second]
			.flatMap((b) => (b ? [keyLabel(b.keys[0]!)] : []))
			.join(' ');
		parts.push(`${keys} ${binding.brief!}`);
		commands.push(binding.command, ...(second ? [second.command] : []));
	}

	return {keys: '/ and f prompts', description: parts.join(', '), commands};
}

/**
What the table's flag column means, from the markers themselves: the most
severe flag of the event, as `!!!`, `!!`, `!` or `·`.
*/
export function severityLegend(): {marks: string; meaning: string} {
	const groups = new Map<string, Severity[]>();
	for (const severity of [...severityOrder].reverse()) {
		const mark = severityMarker[severity].trim();
		groups.set(mark, [...(groups.get(mark) ?? []), severity]);
	}

	return {
		marks: [...groups.keys()].join(' / '),
		meaning: `Worst flag: ${[...groups.values()]
			.map((severities) => severities.join(', '))
			.join(' / ')}`,
	};
}

export function helpLines(mode: Mode, width: number): Line[] {
	const hang = ' '.repeat(Math.min(keyColumn, Math.floor(width / 3)));
	const rows = helpRows(mode);
	if (mode === 'list') {
		rows.push(promptKeysRow());
	}

	const lines: Line[] = [];
	for (const row of rows) {
		// Keys wider than their column push the description right.
		const wide = stringWidth(row.keys) + 2 > hang.length;
		lines.push(
			...wrappedLines(row.description, width, {
				lead: {text: row.keys, tone: 'command'},
				hang: wide ? ' '.repeat(stringWidth(row.keys) + 2) : hang,
			}),
		);
	}

	if (mode === 'list' || mode === 'finding' || mode === 'story') {
		const legend = severityLegend();
		lines.push(
			...wrappedLines(legend.meaning, width, {
				lead: {text: legend.marks, tone: 'label'},
				hang,
			}),
		);
	}

	return lines;
}
