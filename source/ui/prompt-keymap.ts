import type {KeyBinding} from './keymap.js';
import type {Mode} from './commands.js';

/**
The search and filter prompt's part of the keymap table (keymap.ts spreads
it in): readline's editing keys, so that a long filter can be fixed in the
middle rather than typed again.
*/

const inputs: readonly Mode[] = ['search-input', 'filter-input'];

export const promptBindings: readonly KeyBinding[] = [
	{
		command: 'submit-input',
		keys: ['enter'],
		description: 'Run the search or apply the filter',
		modes: inputs,
		footer: 'apply',
	},
	{
		command: 'cancel-input',
		keys: ['escape'],
		description: 'Cancel the prompt',
		modes: inputs,
		footer: 'cancel',
	},
	{
		command: 'caret-left',
		keys: ['left'],
		description: 'Move the cursor one character left',
		modes: inputs,
		brief: 'move',
	},
	{
		command: 'caret-right',
		keys: ['right'],
		description: 'Move the cursor one character right',
		modes: inputs,
		pair: {
			with: 'caret-left',
			description: 'Move the cursor one character left / right',
		},
	},
	{
		command: 'caret-start',
		keys: ['ctrl+a', 'home'],
		description: 'Move the cursor to the start',
		modes: inputs,
		brief: 'start',
	},
	{
		command: 'caret-end',
		keys: ['ctrl+e', 'end'],
		description: 'Move the cursor to the end',
		modes: inputs,
		brief: 'end',
	},
	{
		command: 'delete-char',
		keys: ['backspace'],
		description: 'Delete the character before the cursor',
		modes: inputs,
	},
	{
		command: 'delete-word',
		keys: ['ctrl+w'],
		description: 'Delete the word before the cursor',
		modes: inputs,
		brief: 'word',
	},
	{
		command: 'delete-to-end',
		keys: ['ctrl+k'],
		description: 'Delete from the cursor to the end',
		modes: inputs,
		brief: 'to end',
	},
	{
		command: 'clear-input',
		keys: ['ctrl+u'],
		description: 'Clear the prompt',
		modes: inputs,
		footer: 'clear',
		brief: 'clear',
	},
	{
		command: 'complete',
		keys: ['tab'],
		description:
			'Complete the field or value at the cursor (values from the logs, most frequent first); Tab again: the next candidate',
		modes: ['filter-input'],
		footer: 'complete',
		brief: 'complete',
	},
	{
		command: 'history-previous',
		keys: ['up', 'ctrl+p'],
		description: "Older entry of the prompt's history",
		modes: inputs,
		brief: 'history',
	},
	{
		command: 'history-next',
		keys: ['down', 'ctrl+n'],
		description: "Newer entry of the prompt's history, then the draft",
		modes: inputs,
		pair: {
			with: 'history-previous',
			description:
				"Older / newer entry of the prompt's history (kept between runs)",
		},
	},
];
