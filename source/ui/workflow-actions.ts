import type {MarkMap} from '../investigate/marks.js';
import type {AppContext} from './app-context.js';
import {patch, settle, type AppState} from './app-state.js';
import type {Mode, WorkflowCommand} from './commands.js';
import {
	cancelExportPrompt,
	exportCommand,
	exportOutcome,
	openExport,
	submitExportPrompt,
	type ExportOutcome,
} from './export-actions.js';
import {
	cancelNote,
	nextMarked,
	startNote,
	submitNote,
	toggleMarkAction,
} from './mark-actions.js';
import {timelineMinRows, timelineShown} from './timeline-view.js';
import {workflowPrompts} from './workflow-keymap.js';
import {zoomIn, zoomOut} from './zoom-actions.js';

/**
The reducer's part for the timeline, marks and export: their commands, and
the actions the screen's effects send back (marks restored from the
session, a session that could not be saved, the outcome of a write).
*/

export type WorkflowAction =
	| {type: 'restore-marks'; marks: MarkMap; notice?: string | undefined}
	| {type: 'session-notice'; text: string}
	| ExportOutcome;

/** True for the one-line prompts of this part, which take typed text. */
export function isWorkflowPrompt(mode: Mode): boolean {
	return workflowPrompts.includes(mode);
}

export function workflowCommand(
	context: AppContext,
	state: AppState,
	command: WorkflowCommand,
): AppState {
	switch (command) {
		case 'toggle-timeline':
			return state.rows < timelineMinRows
				? patch(state, {
						message: {
							tone: 'warning',
							text: `The timeline needs ${timelineMinRows} rows`,
						},
					})
				: settle(patch(state, {timeline: !timelineShown(state)}));
		case 'zoom-in':
			return zoomIn(context, state);
		case 'zoom-out':
			return zoomOut(context, state);
		case 'toggle-mark':
			return toggleMarkAction(context, state);
		case 'edit-note':
			return startNote(context, state);
		case 'next-marked':
			return nextMarked(state, 1);
		case 'previous-marked':
			return nextMarked(state, -1);
		case 'open-export':
			return openExport(state);
		case 'submit-prompt':
			return state.mode === 'note-input'
				? submitNote(state)
				: submitExportPrompt(state);
		case 'cancel-prompt':
			return state.mode === 'note-input'
				? cancelNote(state)
				: cancelExportPrompt(state);
		default:
			return exportCommand(state, command);
	}
}

export function workflowAction(
	state: AppState,
	action: WorkflowAction,
): AppState {
	switch (action.type) {
		case 'restore-marks':
			return patch(state, {
				marks: action.marks,
				...(action.notice
					? {message: {tone: 'warning' as const, text: action.notice}}
					: {}),
			});
		case 'session-notice':
			return patch(state, {message: {tone: 'warning', text: action.text}});
		default:
			return exportOutcome(state, action);
	}
}
