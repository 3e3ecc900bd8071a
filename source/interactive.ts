import {setTimeout as delay} from 'node:timers/promises';
import type {LoadSummary} from './core/types.js';
import {debugLog} from './core/debug-log.js';
import {openDataset, type OpenOptions} from './pipeline.js';
import {LiveSource} from './ui/live-source.js';

/**
The screen opened at once over a load in progress: the first events show
while the threads read the rest, and a person may move over them. Quitting
while files are still loading stops the load.
*/

export type LiveOutcome =
	| {kind: 'quit'}
	/** Nothing could be read: the screen closed, the caller reports it. */
	| {kind: 'nothing-read'; summary: LoadSummary};

/** Time for Ink to draw the "judging" line before judging holds the thread. */
const drawMs = 40;

export async function runLiveScreen(
	paths: readonly string[],
	options: OpenOptions,
	initialFilter: string | undefined,
): Promise<LiveOutcome> {
	const source = new LiveSource();
	const stop = new AbortController();
	// Start reading first: the threads start while the screen's modules load.
	const loading = openDataset(paths, {
		...options,
		onProgress(progress) {
			source.progress(progress);
		},
		onEvents(events) {
			source.addEvents(events);
		},
		async onJudging() {
			source.judging();
			await delay(drawMs);
		},
		signal: stop.signal,
	});
	// Handled below; until then a failure must not count as unhandled.
	loading.catch(() => undefined);
	const {runApp} = await import('./ui/run-app.js');
	let screenError: unknown;
	const screen = runApp(source, {initialFilter}).then(
		() => undefined,
		(error: unknown) => {
			screenError = error;
		},
	);
	// The person quit (or the screen failed): stop reading.
	void screen.then(() => {
		stop.abort(new Error('the screen was closed'));
	});

	let dataset;
	try {
		dataset = await loading;
	} catch (error) {
		if (!stop.signal.aborted) {
			source.close();
			await screen;
			throw error;
		}

		debugLog('load stopped: the screen closed while loading');
		await screen;
		if (screenError !== undefined) {
			throw screenError;
		}

		return {kind: 'quit'};
	}

	const {summary} = dataset;
	if (
		dataset.events.length === 0 &&
		summary.filesRead - summary.filesWithErrors <= 0
	) {
		source.close();
		await screen;
		return {kind: 'nothing-read', summary};
	}

	source.finish(dataset);
	await screen;
	if (screenError !== undefined) {
		throw screenError;
	}

	return {kind: 'quit'};
}
