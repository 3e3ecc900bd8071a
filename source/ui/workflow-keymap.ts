import type {CommandId, Mode} from './commands.js';
import type {KeyBinding} from './keymap.js';
import {promptBindings} from './prompt-keymap.js';

/**
The timeline, marks and export part of the keymap table (keymap.ts spreads
it in). Keys that belong together share one help row (`t / z / Z`,
`m / c / u / U`), so the list's help still fits an 80×24 terminal.
*/

const lists: readonly Mode[] = ['list', 'finding', 'story'];

/** The one-line prompts of this part: a note, a file name, CSV columns. */
export const workflowPrompts: readonly Mode[] = [
	'note-input',
	'export-file',
	'export-columns',
];

const exportModes: readonly Mode[] = [
	'export',
	'export-file',
	'export-columns',
	'export-confirm',
];

/** The prompt's editing keys, as in the search and filter prompts. */
const editing: ReadonlySet<CommandId> = new Set<CommandId>([
	'caret-left',
	'caret-right',
	'caret-start',
	'caret-end',
	'delete-char',
	'delete-word',
	'delete-to-end',
	'clear-input',
]);

const dialog = (
	command: CommandId,
	key: string,
	description: string,
	footer?: string,
): KeyBinding => ({
	command,
	keys: [key],
	description,
	modes: ['export'],
	...(footer ? {footer} : {}),
});

export const workflowBindings: readonly KeyBinding[] = [
	{
		command: 'toggle-timeline',
		keys: ['t'],
		description: 'Show or hide the timeline over the table',
		modes: ['list'],
	},
	{
		command: 'zoom-in',
		keys: ['z'],
		description: "Zoom into the selected event's time bucket",
		modes: ['list'],
		pair: {
			with: 'toggle-timeline',
			description: "Timeline on / off, zoom into the event's bucket / out",
		},
	},
	{
		command: 'zoom-out',
		keys: ['Z'],
		description: 'Zoom back out one level',
		modes: ['list'],
		pair: {
			with: 'toggle-timeline',
			description: "Timeline on / off, zoom into the event's bucket / out",
		},
	},
	{
		command: 'toggle-mark',
		keys: ['m'],
		description: 'Mark or unmark the selected event',
		modes: lists,
	},
	{
		command: 'edit-note',
		keys: ['c'],
		description: 'Write a note on the event (marks it too)',
		modes: lists,
		pair: {
			with: 'toggle-mark',
			description: 'Mark / note the event; next / previous marked one',
		},
	},
	{
		command: 'next-marked',
		keys: ['u'],
		description: 'Next marked event',
		modes: lists,
		pair: {
			with: 'toggle-mark',
			description: 'Mark / note the event; next / previous marked one',
		},
	},
	{
		command: 'previous-marked',
		keys: ['U'],
		description: 'Previous marked event',
		modes: lists,
		pair: {
			with: 'toggle-mark',
			description: 'Mark / note the event; next / previous marked one',
		},
	},
	{
		command: 'open-export',
		keys: ['w'],
		description: 'Write the view or the marked events to a file',
		modes: lists,
	},
	dialog('export-view', 'a', 'Write the events of the view'),
	dialog('export-marked', 'm', 'Write the marked events'),
	dialog('export-jsonl', 'j', 'As JSON Lines: the original records'),
	dialog('export-csv', 'c', 'As CSV, with the chosen columns'),
	dialog('export-markdown', 'n', 'As a Markdown incident note'),
	dialog('edit-columns', 'e', 'Choose the CSV columns'),
	dialog('choose-file', 'enter', 'Choose the file and write it', 'write'),
	{
		command: 'close-export',
		keys: ['escape', 'q'],
		description: 'Close the dialog',
		modes: ['export'],
		footer: 'cancel',
	},
	{
		command: 'submit-prompt',
		keys: ['enter'],
		description: 'Save the note, take the file name or the columns',
		modes: workflowPrompts,
		footer: 'apply',
	},
	{
		command: 'cancel-prompt',
		keys: ['escape'],
		description: 'Cancel the prompt',
		modes: workflowPrompts,
		footer: 'cancel',
	},
	...promptBindings
		.filter((binding) => editing.has(binding.command))
		.map((binding) => ({...binding, modes: workflowPrompts})),
	{
		command: 'confirm-overwrite',
		keys: ['y'],
		description: 'Overwrite the file',
		modes: ['export-confirm'],
	},
	{
		command: 'decline-overwrite',
		keys: ['n', 'escape'],
		description: 'Keep the file and choose another name',
		modes: ['export-confirm'],
	},
];

/** True in the modes of the export dialog. */
export function inExport(mode: Mode): boolean {
	return exportModes.includes(mode);
}
