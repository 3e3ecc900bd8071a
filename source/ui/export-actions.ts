import type {TrailEvent} from '../core/types.js';
import {defaultColumns, parseColumns} from '../export/csv.js';
import {
	defaultFileName,
	formatNames,
	withFormatExtension,
	type ExportFormat,
} from '../export/formats.js';
import {markedSeqs} from '../investigate/marks.js';
import type {AppContext} from './app-context.js';
import {patch, settle, type AppState} from './app-state.js';
import type {WorkflowCommand} from './commands.js';
import {eventAt, asViewIndex} from './event-view.js';
import type {ExportDialog} from './workflow-state.js';

/**
The export dialog (`w`): what to write (the view or the marked events), in
which format, the CSV columns, then the file. The write itself is the
screen's effect (use-workflow.ts), which answers with one of the outcomes
below; a file that exists is only replaced once the person says so.
*/

export type ExportOutcome =
	| {type: 'export-written'; file: string; count: number}
	| {type: 'export-exists'}
	| {type: 'export-failed'; error: string};

/** The events the dialog would write, in time order. */
export function exportEvents(
	context: AppContext,
	state: AppState,
): TrailEvent[] {
	if (state.exportDialog?.what === 'marked') {
		return markedSeqs(state.marks).flatMap((seq) => {
			const event = context.events[seq];
			return event ? [event] : [];
		});
	}

	const events: TrailEvent[] = [];
	for (let row = 0; row < state.view.length; row++) {
		events.push(eventAt(context.events, state.view, asViewIndex(row))!);
	}

	return events;
}

export function openExport(state: AppState): AppState {
	if (state.view.length === 0 && state.marks.size === 0) {
		return patch(state, {
			message: {
				tone: 'warning',
				text: 'Nothing to write: the view is empty and nothing is marked',
			},
		});
	}

	const kept = state.exportDialog;
	const dialog: ExportDialog = {
		from: state.mode,
		what: 'view',
		format: kept?.format ?? 'md',
		columns: kept?.columns ?? defaultColumns.join(','),
		file: kept?.file,
		request: undefined,
		error: undefined,
	};
	return {...state, mode: 'export', exportDialog: dialog};
}

function withDialog(state: AppState, changes: Partial<ExportDialog>): AppState {
	const dialog = state.exportDialog;
	if (dialog === undefined) {
		return state;
	}

	return {...state, exportDialog: {...dialog, error: undefined, ...changes}};
}

function setFormat(state: AppState, format: ExportFormat): AppState {
	const file = state.exportDialog?.file;
	return withDialog(state, {
		format,
		file: file === undefined ? undefined : withFormatExtension(file, format),
	});
}

function chooseFile(state: AppState): AppState {
	const dialog = state.exportDialog;
	if (dialog === undefined) {
		return state;
	}

	if (dialog.what === 'marked' && state.marks.size === 0) {
		return withDialog(state, {
			error: 'Nothing is marked: m marks the selected event',
		});
	}

	if (dialog.what === 'view' && state.view.length === 0) {
		return withDialog(state, {error: 'The view is empty'});
	}

	// The clock only names the proposed file; the person can change it.
	const draft = dialog.file
		? withFormatExtension(dialog.file, dialog.format)
		: defaultFileName(dialog.format, Date.now());
	return settle({
		...state,
		mode: 'export-file',
		draft,
		caret: draft.length,
	});
}

/** Leaves the dialog for the list it was opened from. */
function closeExport(state: AppState): AppState {
	return settle({
		...state,
		mode: state.exportDialog?.from ?? 'list',
		exportDialog: state.exportDialog && {
			...state.exportDialog,
			request: undefined,
			error: undefined,
		},
		draft: '',
		caret: 0,
	});
}

export function exportCommand(
	state: AppState,
	command: WorkflowCommand,
): AppState {
	switch (command) {
		case 'export-view':
			return withDialog(state, {what: 'view'});
		case 'export-marked':
			return withDialog(state, {what: 'marked'});
		case 'export-jsonl':
			return setFormat(state, 'jsonl');
		case 'export-csv':
			return setFormat(state, 'csv');
		case 'export-markdown':
			return setFormat(state, 'md');
		case 'edit-columns': {
			const draft = state.exportDialog?.columns ?? '';
			return settle({
				...state,
				mode: 'export-columns',
				draft,
				caret: draft.length,
			});
		}

		case 'choose-file':
			return chooseFile(state);
		case 'close-export':
			return closeExport(state);
		case 'confirm-overwrite':
			return ask(state, state.exportDialog?.file, true);
		case 'decline-overwrite':
			return backToFile(state, state.exportDialog?.file ?? '');
		default:
			return state;
	}
}

/** Asks the screen to write the file. */
function ask(
	state: AppState,
	file: string | undefined,
	overwrite: boolean,
): AppState {
	const dialog = state.exportDialog;
	if (dialog === undefined || file === undefined) {
		return state;
	}

	return settle({
		...state,
		mode: 'export',
		draft: '',
		caret: 0,
		exportDialog: {
			...dialog,
			file,
			error: undefined,
			request: {file, overwrite},
		},
	});
}

function backToFile(state: AppState, file: string, error?: string): AppState {
	return settle({
		...state,
		mode: 'export-file',
		draft: file,
		caret: file.length,
		exportDialog: state.exportDialog && {
			...state.exportDialog,
			request: undefined,
			error,
		},
	});
}

/** Enter in the file or the columns prompt. */
export function submitExportPrompt(state: AppState): AppState {
	const text = state.draft.trim();
	if (state.mode === 'export-columns') {
		const parsed = parseColumns(text);
		if (!parsed.ok) {
			return withDialog(state, {error: parsed.error});
		}

		return settle({
			...withDialog(state, {columns: parsed.columns.join(',')}),
			mode: 'export',
			draft: '',
			caret: 0,
		});
	}

	if (text === '') {
		return withDialog(state, {error: 'Give a file name'});
	}

	return ask(state, text, false);
}

/** Esc in the file or the columns prompt: back to the dialog's choices. */
export function cancelExportPrompt(state: AppState): AppState {
	return settle({
		...withDialog(state, {}),
		mode: 'export',
		draft: '',
		caret: 0,
	});
}

/** What the screen's write came to. */
export function exportOutcome(
	state: AppState,
	outcome: ExportOutcome,
): AppState {
	const dialog = state.exportDialog;
	if (dialog === undefined) {
		return state;
	}

	switch (outcome.type) {
		case 'export-written': {
			const events = `${outcome.count.toLocaleString('en-US')} event${outcome.count === 1 ? '' : 's'}`;
			return patch(closeExport(state), {
				message: {
					tone: 'notice',
					text: `Wrote ${events} to ${outcome.file} (${formatNames[dialog.format]})`,
				},
			});
		}

		case 'export-exists':
			return {
				...state,
				mode: 'export-confirm',
				exportDialog: {...dialog, request: undefined},
			};
		case 'export-failed':
			return backToFile(state, dialog.file ?? '', outcome.error);
	}
}

/** The CSV columns of the dialog, as a list. */
export function dialogColumns(dialog: ExportDialog): string[] {
	const parsed = parseColumns(dialog.columns);
	return parsed.ok ? parsed.columns : [...defaultColumns];
}
