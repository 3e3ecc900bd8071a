import {modes, type CommandId, type Mode} from './commands.js';
import {keyLabel, type KeyName} from './key-names.js';
import {investigateBindings} from './investigate-keymap.js';
import {promptBindings} from './prompt-keymap.js';
import {workflowBindings} from './workflow-keymap.js';

/**
The one table of keys. The input dispatcher looks commands up here and the
help overlay prints it, so a key cannot work without being documented, nor be
documented without working.
*/

export type {CommandId, Mode} from './commands.js';
export {modes} from './commands.js';
export type {KeyName} from './key-names.js';

export interface KeyBinding {
	/** The action the keys trigger. */
	command: CommandId;
	/** Key names, first one shown first in the help. */
	keys: readonly KeyName[];
	/** One line for the help overlay. */
	description: string;
	/** The views in which the keys do this. */
	modes: readonly Mode[];
	/** A word for the bottom line's reminder, for the keys worth one. */
	footer?: string;
	/**
	The keys as the reminder writes them, when not the first key alone
	(`↑↓` for a pair of moves).
	*/
	footerKeys?: string;
	/**
	The help prints this binding on one row with its opposite (`e / E`) or
	closest relative (`f / v`), described by `description` here, so the
	list view's help fits a page.
	*/
	pair?: {with: CommandId; description: string};
	/**
	A word or two for the list help's one-row summary of the prompt keys
	(the prompt has no help of its own: `?` is text there).
	*/
	brief?: string;
}

/** Event lists: every event, a finding's events, a credential's story. */
const lists: readonly Mode[] = ['list', 'finding', 'story'];
/** Views with panes (a table and a side panel). */
const paned: readonly Mode[] = ['list', 'findings', 'finding', 'story'];
const views: readonly Mode[] = [
	...paned,
	'detail',
	'help',
	'problems',
	'summary',
];

export const keymap: readonly KeyBinding[] = [
	{
		command: 'line-down',
		keys: ['j', 'down'],
		description: 'Down one row (scrolls the focused pane)',
		modes: views,
	},
	{
		command: 'line-up',
		keys: ['k', 'up'],
		description: 'Up one row (scrolls the focused pane)',
		modes: views,
		pair: {
			with: 'line-down',
			description: 'Down / up one row (scrolls the focused pane)',
		},
	},
	{
		command: 'page-down',
		keys: ['pagedown', 'ctrl+f', 'space'],
		description: 'Down one page',
		modes: views,
	},
	{
		command: 'page-up',
		keys: ['pageup', 'ctrl+b'],
		description: 'Up one page',
		modes: views,
		pair: {with: 'page-down', description: 'Down / up one page'},
	},
	{
		command: 'go-top',
		keys: ['g', 'home'],
		description: 'Go to the first row',
		modes: views,
	},
	{
		command: 'go-bottom',
		keys: ['G', 'end'],
		description: 'Go to the last row',
		modes: views,
		pair: {with: 'go-top', description: 'Go to the first / last row'},
	},
	{
		command: 'open-detail',
		keys: ['enter'],
		description: "Open the event's whole record",
		modes: lists,
		footer: 'detail',
	},
	{
		command: 'open-finding',
		keys: ['enter'],
		description: "List the finding's events",
		modes: ['findings'],
		footer: 'events',
	},
	{
		command: 'next-pane',
		keys: ['tab'],
		description: 'Focus the next pane (table, side panel)',
		modes: paned,
		footer: 'pane',
	},
	{
		command: 'previous-pane',
		keys: ['shift+tab'],
		description: 'Focus the previous pane',
		modes: paned,
		pair: {
			with: 'next-pane',
			description: 'Focus the next / previous pane (table, side panel)',
		},
	},
	{
		command: 'start-search',
		keys: ['/'],
		description: 'Fuzzy search all fields (Enter runs it)',
		modes: ['list'],
		footer: 'search',
	},
	{
		command: 'next-hit',
		keys: ['n'],
		description: 'Next search hit',
		modes: ['list'],
	},
	{
		command: 'previous-hit',
		keys: ['N'],
		description: 'Previous search hit',
		modes: ['list'],
		pair: {with: 'next-hit', description: 'Next / previous search hit'},
	},
	{
		command: 'start-filter',
		keys: ['f', ':'],
		description: 'Filter: eventName=X ip=10.0.0.0/8, a or b, !(…), last 2h',
		modes: ['list'],
		footer: 'filter',
	},
	{
		command: 'next-flagged',
		keys: ['e'],
		description: 'Next flagged event',
		modes: lists,
		footer: 'next flag',
	},
	{
		command: 'previous-flagged',
		keys: ['E'],
		description: 'Previous flagged event',
		modes: lists,
		pair: {
			with: 'next-flagged',
			description: 'Next / previous flagged event',
		},
	},
	{
		command: 'toggle-findings',
		keys: ['F'],
		description: 'Findings: flagged events grouped; F again goes back',
		modes: ['list', 'findings'],
		footer: 'findings',
	},
	{
		command: 'open-story',
		keys: ['s'],
		description: "Story: every call of this event's key, in time order",
		modes: [...lists, 'findings'],
		footer: 'story',
	},
	{
		command: 'show-problems',
		keys: ['p'],
		description: 'List the problems met while loading',
		modes: ['list'],
		footer: 'problems',
	},
	...workflowBindings,
	{
		command: 'toggle-help',
		keys: ['?'],
		description: 'Show or hide this help',
		modes: views,
		footer: 'help',
	},
	{
		command: 'back',
		keys: ['escape'],
		description: 'Back one level: undo a pivot; clear search, filter, zoom',
		modes: views,
		footer: 'back',
	},
	{
		command: 'close',
		keys: ['q'],
		description: 'Close this view',
		modes: views.filter((mode) => mode !== 'list'),
		footer: 'close',
	},
	{
		command: 'quit',
		keys: ['q', 'ctrl+c'],
		description: 'Quit',
		modes: ['list'],
		footer: 'quit',
	},
	{
		command: 'quit',
		keys: ['ctrl+c'],
		description: 'Quit from anywhere',
		modes: modes.filter((mode) => mode !== 'list'),
	},
	...promptBindings,
	...investigateBindings,
];

const byMode = new Map<Mode, Map<KeyName, CommandId>>(
	modes.map((mode) => {
		const table = new Map<KeyName, CommandId>();
		for (const binding of keymap) {
			if (!binding.modes.includes(mode)) {
				continue;
			}

			for (const key of binding.keys) {
				if (table.has(key)) {
					throw new Error(`keymap: ${key} bound twice in ${mode}`);
				}

				table.set(key, binding.command);
			}
		}

		return [mode, table];
	}),
);

/** The command a key triggers in a mode, if any. */
export function commandFor(mode: Mode, key: KeyName): CommandId | undefined {
	return byMode.get(mode)?.get(key);
}

/** The bindings that apply in a mode, in table order, for the help. */
export function bindingsFor(mode: Mode): KeyBinding[] {
	return keymap.filter((binding) => binding.modes.includes(mode));
}

/** Reminders that must survive a narrow bottom line come first. */
const footerFirst: readonly CommandId[] = ['toggle-help', 'quit', 'close'];

/** The bottom line's reminder for a mode: `? help`, `q quit`, `/ search`, … */
export function footerFor(mode: Mode): Array<{keys: string; word: string}> {
	const rank = (command: CommandId): number => {
		const index = footerFirst.indexOf(command);
		return index < 0 ? footerFirst.length : index;
	};

	return bindingsFor(mode)
		.filter((binding) => binding.footer !== undefined)
		.sort((a, b) => rank(a.command) - rank(b.command))
		.map((binding) => ({
			keys: binding.footerKeys ?? keyLabel(binding.keys[0]!),
			word: binding.footer!,
		}));
}
