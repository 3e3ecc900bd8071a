import {setImmediate as nextTurn} from 'node:timers/promises';
import {stripVTControlCharacters} from 'node:util';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import type {HistoryStore} from '../../source/core/history-store.js';
import type {Dataset} from '../../source/core/types.js';
import {App} from '../../source/ui/app.js';
import type {WorkflowEnv} from '../../source/ui/use-workflow.js';
import {cursorMark} from '../../source/ui/event-table.js';

/**
Renders the screen into ink-testing-library with a fixed terminal size and
waits on frames by polling, never by fixed delays: a test names the text it
expects and fails, with the last frame, if it does not come.
*/

export type Rendered = ReturnType<typeof render>;

/** Upper bound of polls (each one event-loop turn plus 5 ms) before failing. */
const maxPolls = 400;

/** A frame without colour codes. */
export function plain(frame: string | undefined): string {
	return stripVTControlCharacters(frame ?? '');
}

/** The frame's rows, without colour codes. */
export function rowsOf(frame: string | undefined): string[] {
	return plain(frame).split('\n');
}

async function pause(): Promise<void> {
	await nextTurn();
	await new Promise((resolve) => {
		setTimeout(resolve, 5);
	});
}

/** Polls until `accept` takes the last frame; returns it (colour included). */
export async function waitForFrame(
	app: Rendered,
	accept: (frame: string) => boolean,
	what: string,
): Promise<string> {
	for (let poll = 0; poll < maxPolls; poll++) {
		const frame = app.lastFrame();
		if (frame !== undefined && accept(frame)) {
			return frame;
		}

		await pause();
	}

	throw new Error(`no frame ${what}; last frame:\n${plain(app.lastFrame())}`);
}

/** Waits until the plain frame contains `text`. */
export async function waitForText(
	app: Rendered,
	text: string,
): Promise<string> {
	return waitForFrame(
		app,
		(frame) => plain(frame).includes(text),
		`with "${text}"`,
	);
}

/**
Sends keys, then waits until the plain frame satisfies `accept`. Several
keys are sent one by one, each after the frame changed (or settled), as a
person would type them.
*/
export async function press(
	app: Rendered,
	input: string | readonly string[],
	accept: (frame: string) => boolean,
	what = 'after the keys',
): Promise<string> {
	const sequence = typeof input === 'string' ? [input] : input;
	for (const key of sequence) {
		app.stdin.write(key);
		// Let Ink parse the key (a lone ESC waits one turn) and React render.
		await pause();
	}

	return waitForFrame(app, (frame) => accept(plain(frame)), what);
}

export interface ScreenSize {
	columns?: number;
	rows?: number;
	initialFilter?: string;
	/** Size from the output stream (and its resizes) instead of props. */
	follow?: boolean;
	/** The prompts' history store; in memory by default. */
	history?: HistoryStore;
	/** Where marks are kept and exports go (in memory by default). */
	workflow?: Partial<WorkflowEnv>;
}

/** Renders the app and waits for its first frame and input subscription. */
export async function renderApp(
	dataset: Dataset,
	size: ScreenSize = {},
): Promise<Rendered> {
	const app = render(
		createElement(App, {
			dataset,
			columns: size.follow ? undefined : (size.columns ?? 100),
			rows: size.follow ? undefined : (size.rows ?? 30),
			initialFilter: size.initialFilter,
			...(size.history ? {history: size.history} : {}),
			workflow: size.workflow,
		}),
	);
	await waitForFrame(app, (frame) => frame.length > 0, 'at all');
	await pause();
	return app;
}

/** The plain table row carrying the cursor mark, if one is shown. */
export function selectedRow(frame: string | undefined): string | undefined {
	return rowsOf(frame).find((row) => row.startsWith(cursorMark));
}
