import type {ExportFormat} from '../export/formats.js';
import type {Mode} from './commands.js';

/**
The state of the note prompt and the export dialog, kept apart from
app-state.ts so that the shapes read in one place.
*/

/** The note prompt (c): the event it is for and the view it returns to. */
export interface NotePrompt {
	seq: number;
	from: Mode;
}

/**
A write the screen's effect carries out (see use-workflow.ts), once per
request object: asking again makes a new one.
*/
export interface ExportRequest {
	/** As typed: relative to the working folder. */
	file: string;
	overwrite: boolean;
}

export interface ExportDialog {
	/** The event list the dialog was opened from, and returns to. */
	from: Mode;
	what: 'view' | 'marked';
	format: ExportFormat;
	/** The CSV columns, as typed. */
	columns: string;
	/** The file chosen last, if any. */
	file: string | undefined;
	request: ExportRequest | undefined;
	/** Why the last attempt failed, shown in the dialog. */
	error: string | undefined;
}
