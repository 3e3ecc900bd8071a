import {visible} from '../core/safe-text.js';
import type {AppState} from './app-state.js';
import type {Mode} from './commands.js';
import type {Line, Segment} from './lines.js';
import {spanLabel} from './timeline-lines.js';
import {activeZoom} from './timeline-view.js';

/**
What the status and bottom lines say about the timeline, marks and export:
the zoom window and the count of marks, the prompts' labels, and the
question asked before a file is overwritten.
*/

const labels: Partial<Record<Mode, string>> = {
	'note-input': 'note: ',
	'export-file': 'file: ',
	'export-columns': 'columns: ',
};

/** The label of one of this part's prompts, else undefined. */
export function workflowPromptLabel(mode: Mode): string | undefined {
	return labels[mode];
}

/** The bottom line while asking whether to overwrite a file. */
export function workflowQuestion(state: AppState): Line | undefined {
	if (state.mode !== 'export-confirm') {
		return undefined;
	}

	const file = visible(state.exportDialog?.file ?? '');
	return [
		{text: `${file} exists. Overwrite it? `, tone: 'warning'},
		{text: 'y', tone: 'command'},
		{text: ' yes  ', tone: 'muted'},
		{text: 'n', tone: 'command'},
		{text: ' no, another name', tone: 'muted'},
	];
}

/** The status line's parts: the zoom window, and how many are marked. */
export function workflowStatusParts(state: AppState): Segment[] {
	const parts: Segment[] = [];
	const window = activeZoom(state);
	if (window) {
		const seconds = window.to - window.from < 60_000;
		parts.push({text: `zoom ${spanLabel(window, seconds)}`, tone: 'label'});
	}

	if (state.marks.size > 0) {
		parts.push({text: `${state.marks.size} marked`, tone: 'label'});
	}

	return parts;
}
