import {pivotKeys} from '../investigate/pivot.js';
import {groupings} from '../investigate/summary.js';
import type {Mode} from './commands.js';
import type {KeyBinding} from './keymap.js';

/**
The keys of facets (v), pivots (o) and summaries (S), spread into the one
keymap table (keymap.ts). In the list's help each shares a row with its
closest relative (f, s, F), so the help still fits an 80×24 page.
*/

const lists: readonly Mode[] = ['list', 'finding', 'story'];

export const investigateBindings: readonly KeyBinding[] = [
	{
		command: 'open-facets',
		keys: ['v'],
		description: 'Values of a field in this view, counted; Enter filters',
		modes: ['list'],
		pair: {
			with: 'start-filter',
			description: "Filter (ip!=X, flagged…) / pick a field's value",
		},
	},
	{
		command: 'open-pivots',
		keys: ['o'],
		description: "Pivot: filter on this event's principal, address, key…",
		modes: lists,
		pair: {
			with: 'open-story',
			description: "Story of this event's key / pivot on one of its values",
		},
	},
	{
		command: 'open-summary',
		keys: ['S'],
		description: 'Summary: the view grouped by principal, address, key…',
		modes: ['list'],
		pair: {
			with: 'toggle-findings',
			description: 'Findings (F again goes back) / summary of the view',
		},
	},

	// The values picker: typed text narrows the list, letters included (j
	// and k are text here, as in any prompt); the arrows move.
	{
		command: 'line-down',
		keys: ['down'],
		description: 'Down one row',
		modes: ['facets'],
		footer: 'move',
		footerKeys: '↑↓',
	},
	{
		command: 'line-up',
		keys: ['up'],
		description: 'Up one row',
		modes: ['facets'],
		pair: {
			with: 'line-down',
			description: 'Down / up one row (letters, j and k too, narrow the list)',
		},
	},
	{
		command: 'page-down',
		keys: ['pagedown'],
		description: 'Down one page',
		modes: ['facets'],
	},
	{
		command: 'page-up',
		keys: ['pageup'],
		description: 'Up one page',
		modes: ['facets'],
		pair: {with: 'page-down', description: 'Down / up one page'},
	},
	{
		command: 'facet-pick',
		keys: ['enter'],
		description: 'Pick the field; on a value, add field=value to the filter',
		modes: ['facets'],
		footer: 'pick',
	},
	{
		command: 'facet-exclude',
		keys: ['!'],
		description: "Add !field=value: leave the value's events out",
		modes: ['facets'],
		footer: 'exclude',
	},
	{
		command: 'delete-char',
		keys: ['backspace'],
		description: 'Delete the last character typed',
		modes: ['facets'],
	},
	{
		command: 'clear-input',
		keys: ['ctrl+u'],
		description: 'Clear what was typed',
		modes: ['facets'],
	},
	{
		command: 'back',
		keys: ['escape'],
		description: 'Back to the fields; on the fields, close',
		modes: ['facets'],
		footer: 'back',
	},

	// The pivot menu.
	{
		command: 'pivot',
		keys: pivotKeys,
		description:
			'Filter on the principal, role, address, key, session or client',
		modes: ['pivot'],
	},
	{
		command: 'back',
		keys: ['escape'],
		description: 'Close the menu',
		modes: ['pivot'],
	},
	{
		command: 'close',
		keys: ['q'],
		description: 'Close the menu',
		modes: ['pivot'],
	},
	{
		command: 'toggle-help',
		keys: ['?'],
		description: 'Show or hide this help',
		modes: ['facets', 'pivot'],
		footer: 'help',
	},

	// The summary table (it moves with the list's keys).
	{
		command: 'drill-down',
		keys: ['enter'],
		description: "List the row's events (Esc comes back here)",
		modes: ['summary'],
		footer: 'events',
	},
	{
		command: 'next-grouping',
		keys: ['tab', 'right'],
		description: 'Group by the next value',
		modes: ['summary'],
		footer: 'group',
	},
	{
		command: 'previous-grouping',
		keys: ['shift+tab', 'left'],
		description: 'Group by the previous value',
		modes: ['summary'],
		pair: {
			with: 'next-grouping',
			description: 'Group by the next / previous value',
		},
	},
	{
		command: 'choose-grouping',
		keys: groupings.map((_, index) => String(index + 1)),
		description: `Group by ${groupings.map((g) => g.name).join(', ')}`,
		modes: ['summary'],
	},
	{
		command: 'cycle-sort',
		keys: ['s'],
		description: 'Sort by the next column: events, flagged, first, last, value',
		modes: ['summary'],
		footer: 'sort',
	},
	{
		command: 'reverse-sort',
		keys: ['r'],
		description: 'Turn the order round (↓ descending, ↑ ascending)',
		modes: ['summary'],
		footer: 'reverse',
	},
];
