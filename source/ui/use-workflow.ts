import path from 'node:path';
import {useEffect, useRef, type Dispatch} from 'react';
import {exportChunks} from '../export/export-job.js';
import {writeFileChunks, writeProblem} from '../export/write-output.js';
import {loadedFiles} from '../investigate/session-store.js';
import type {SessionStores} from '../investigate/session-store.js';
import {
	openSession,
	saveSession,
	type OpenedSession,
} from '../investigate/session.js';
import type {AppContext} from './app-context.js';
import type {AppAction} from './app-reducer.js';
import type {AppState} from './app-state.js';
import {
	dialogColumns,
	exportEvents,
	type ExportOutcome,
} from './export-actions.js';
import {activeZoom} from './timeline-view.js';
import type {ExportRequest} from './workflow-state.js';

/**
The screen's side effects for marks and export, kept out of the reducer:
the session of the loaded files is opened once the load is complete (its
marks restored), saved whenever the marks change, and an export the dialog
asks for is written. Every failure comes back as a one-line message.
*/

export interface WorkflowEnv {
	/** Where sessions are kept; the screen passes the config folder's. */
	sessions: SessionStores;
	/** The folder a relative export file name is in. */
	cwd: () => string;
	/** The clock of the note's "written on" line. */
	now: () => number;
}

/** Writes the export the dialog asked for, and says how it went. */
export function performExport(
	context: AppContext,
	state: AppState,
	request: ExportRequest,
	env: Pick<WorkflowEnv, 'cwd' | 'now'>,
	files: readonly string[],
): ExportOutcome {
	const dialog = state.exportDialog;
	if (dialog === undefined) {
		return {type: 'export-failed', error: 'The dialog is closed'};
	}

	const events = exportEvents(context, state);
	const file = path.resolve(env.cwd(), request.file);
	try {
		const chunks = exportChunks(
			{
				format: dialog.format,
				events,
				what: dialog.what,
				columns: dialogColumns(dialog),
				loaded: context.events,
				files,
				findings: context.findings,
				findingOf: context.findingOf,
				marks: state.marks,
				filter: state.filter?.text,
				window: activeZoom(state),
				scope: state.scope?.head[0],
			},
			env.now(),
		);
		writeFileChunks(file, chunks, {overwrite: request.overwrite});
		return {type: 'export-written', file, count: events.length};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'EEXIST' && !request.overwrite
			? {type: 'export-exists'}
			: {type: 'export-failed', error: writeProblem(request.file, error)};
	}
}

export function useWorkflow(
	context: AppContext,
	state: AppState,
	dispatch: Dispatch<AppAction>,
	env: WorkflowEnv,
): void {
	const session = useRef<OpenedSession>(undefined);
	const saved = useRef<AppState['marks']>(state.marks);

	// The session belongs to the whole load: opened once it is complete.
	useEffect(() => {
		if (context.loading || context.events.length === 0) {
			session.current = undefined;
			return;
		}

		const opened = openSession(env.sessions, context.events);
		session.current = opened;
		saved.current = opened.marks;
		dispatch({
			type: 'restore-marks',
			marks: opened.marks,
			notice: opened.notice,
		});
	}, [context, env.sessions, dispatch]);

	useEffect(() => {
		const opened = session.current;
		if (opened === undefined || state.marks === saved.current) {
			return;
		}

		saved.current = state.marks;
		const notice = saveSession(opened, context.events, state.marks);
		if (notice) {
			dispatch({type: 'session-notice', text: notice});
		}
	}, [state.marks, context, dispatch]);

	const request = state.exportDialog?.request;
	const handled = useRef<ExportRequest>(undefined);
	useEffect(() => {
		if (request === undefined || handled.current === request) {
			return;
		}

		handled.current = request;
		const files = session.current?.files ?? loadedFiles(context.events);
		dispatch(performExport(context, state, request, env, files));
	}, [request, context, state, env, dispatch]);
}
