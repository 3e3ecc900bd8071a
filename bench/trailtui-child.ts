import process from 'node:process';
import {numberArg, parseArgs, textArg} from './args.js';
import {FakeKeyboard, FakeScreen} from './fake-terminal.js';
import {
	cursorMoves,
	filterQueries,
	queryRepeats,
	searchQueries,
} from './queries.js';
import {thiefAddress} from './network.js';
import {measureInvestigationKeys} from './screen-keys.js';

/**
Runs trailtui's own code in a process of its own, against the compiled
project (dist/source): `--mode load` times openDataset end to end (load,
normalise, enrich, judge, findings); `--mode interactive` opens the screen
on a fake terminal while loading, as the command does, and times first
rows, the judged screen, cursor moves, filters and searches through the
keys, and the query functions on their own. Prints one JSON line. Times
are performance.now(), i.e. milliseconds from the process's start.
*/

// Ink draws nothing interactive when it believes it runs under CI, and it
// decides when it is first imported: clear those variables before that.
for (const key of Object.keys(process.env)) {
	if (
		key === 'CI' ||
		key === 'CONTINUOUS_INTEGRATION' ||
		key.startsWith('CI_')
	) {
		delete process.env[key];
	}
}

// The command runs React's production build (source/cli.tsx); so does this.
process.env['NODE_ENV'] ??= 'production';

const {openDataset} = await import('../source/pipeline.js');

const maxRssKiB = () => process.resourceUsage().maxRSS;

type Dataset = Awaited<ReturnType<typeof openDataset>>;

/** The load's figures, and what trailtui found. */
function describeLoad(dataset: Dataset, started: number, loadedAt: number) {
	const flagged = dataset.events.filter((e) => e.flags.length > 0);
	const theft = dataset.events.filter((e) => e.source.raw === thiefAddress);
	return {
		events: dataset.events.length,
		flagged: flagged.length,
		findings: dataset.findings?.length ?? 0,
		theftEvents: theft.length,
		theftFlagged: theft.filter((e) => e.flags.length > 0).length,
		listBuckets: dataset.events.filter((e) => e.eventName === 'ListBuckets')
			.length,
		startedMs: started,
		loadMs: loadedAt - started,
		loadedAtMs: loadedAt,
		loadRssKiB: maxRssKiB(),
	};
}

async function timeQueries(dataset: Dataset) {
	const {latestTime, parseFilter} = await import('../source/query/filter.js');
	const latest = latestTime(dataset.events);
	const {createSearchIndex, searchEvents} =
		await import('../source/query/search.js');
	const filterMs: number[] = [];
	const invalid: string[] = [];
	for (const query of filterQueries) {
		for (let i = 0; i < queryRepeats; i++) {
			const started = performance.now();
			const parsed = parseFilter(query, {latest});
			if (!parsed.ok) {
				invalid.push(`${query}: ${parsed.error}`);
				break;
			}

			dataset.events.filter((e) => parsed.filter.test(e));
			filterMs.push(performance.now() - started);
		}
	}

	const indexStarted = performance.now();
	const index = createSearchIndex(dataset.events);
	const indexMs = performance.now() - indexStarted;
	const searchMs: number[] = [];
	for (const query of searchQueries) {
		for (let i = 0; i < queryRepeats; i++) {
			const started = performance.now();
			searchEvents(index, query);
			searchMs.push(performance.now() - started);
		}
	}

	return {filterMs, searchMs, indexMs, invalidFilters: invalid};
}

const keys = {down: '\u001B[B', enter: '\r', escape: '\u001B'};
/** Longer than Ink's 30 fps render throttle, so each key gets a fresh frame. */
const quietMs = 60;
const frameTimeoutMs = Number(
	process.env['TRAILTUI_BENCH_FRAME_TIMEOUT'] ?? 120_000,
);

async function press(
	screen: FakeScreen,
	keyboard: FakeKeyboard,
	key: string,
): Promise<number> {
	await screen.settle(quietMs);
	const started = performance.now();
	keyboard.type(key);
	if (process.env['TRAILTUI_BENCH_TRACE']) {
		process.stderr.write(`key ${JSON.stringify(key)}\n`);
	}

	const at = await screen.nextWrite(started, frameTimeoutMs);
	return at - started;
}

async function typeText(
	screen: FakeScreen,
	keyboard: FakeKeyboard,
	text: string,
) {
	const samples: number[] = [];
	for (const char of text) {
		// A trailing space draws the same frame, so Ink writes nothing: it
		// goes out with the next character.
		if (char === ' ') {
			keyboard.type(char);
		} else {
			samples.push(await press(screen, keyboard, char));
		}
	}

	return samples;
}

/** What the status line shows while files load or events are judged. */
const busy = /judging every event|loading [█░]/;

/**
The first frame after `after` that `accept` takes. Frames are told from
control sequences (the switch to the alternate screen) by their size.
*/
async function frameAfter(
	screen: FakeScreen,
	after: number,
	accept: (text: string) => boolean = () => true,
): Promise<number> {
	for (let seen = 0; ;) {
		for (; seen < screen.writes.length; seen++) {
			const text = screen.texts[seen]!;
			if (screen.writes[seen]! > after && text.length > 500 && accept(text)) {
				return screen.writes[seen]!;
			}
		}

		await screen.nextWrite(screen.writes.at(-1) ?? after, frameTimeoutMs);
	}
}

/**
Opens the screen at once and loads behind it, as `trailtui DIR` does
(source/interactive.ts), but on a fake terminal: first rows, the judged
screen, then keys.
*/
async function driveScreen(root: string, keyRuns: number) {
	const {runApp} = await import('../source/ui/run-app.js');
	const {LiveSource} = await import('../source/ui/live-source.js');
	const screen = new FakeScreen(120, 40);
	const keyboard = new FakeKeyboard();
	const errors = new FakeScreen(120, 40);
	const source = new LiveSource();
	const done = runApp(source, {
		stdout: screen as unknown as NodeJS.WriteStream,
		stdin: keyboard as unknown as NodeJS.ReadStream,
		stderr: errors as unknown as NodeJS.WriteStream,
	});
	let firstEventsAt: number | undefined;
	const started = performance.now();
	const dataset = await openDataset([root], {
		onProgress(progress) {
			source.progress(progress);
		},
		onEvents(events) {
			firstEventsAt ??= performance.now();
			source.addEvents(events);
		},
		async onJudging() {
			source.judging();
			// As the command does: let the "judging" line be drawn first.
			await new Promise((resolve) => {
				setTimeout(resolve, 40);
			});
		},
	});
	const loadedAt = performance.now();
	source.finish(dataset);
	const judgedFrameAt = await frameAfter(
		screen,
		loadedAt,
		(text) => !busy.test(text),
	);
	const firstRowsAt = await frameAfter(screen, firstEventsAt ?? loadedAt);
	const loaded = describeLoad(dataset, started, loadedAt);
	const cursorMs: number[] = [];
	for (let i = 0; i < cursorMoves; i++) {
		cursorMs.push(await press(screen, keyboard, keys.down));
	}

	// The query functions alone, before the screen builds its own search
	// index: their index is dropped first, so two never live at once.
	const functions = await timeQueries(dataset);
	(globalThis as {gc?: () => void}).gc?.();

	const promptMs: number[] = [];
	const filterMs: number[] = [];
	for (const query of filterQueries) {
		promptMs.push(await press(screen, keyboard, 'f'));
		promptMs.push(...(await typeText(screen, keyboard, query)));
		filterMs.push(await press(screen, keyboard, keys.enter));
		await press(screen, keyboard, keys.escape);
	}

	const searchMs: number[] = [];
	let firstSearchMs = 0;
	for (const [i, query] of searchQueries.entries()) {
		promptMs.push(await press(screen, keyboard, '/'));
		promptMs.push(...(await typeText(screen, keyboard, query)));
		const ms = await press(screen, keyboard, keys.enter);
		// The first search also builds the index: reported on its own.
		if (i === 0) {
			firstSearchMs = ms;
		} else {
			searchMs.push(ms);
		}

		await press(screen, keyboard, keys.escape);
	}

	const keyMs =
		keyRuns > 0
			? await measureInvestigationKeys(
					{screen, keyboard, quietMs, frameTimeoutMs},
					keyRuns,
				)
			: {};
	await screen.settle(quietMs);
	keyboard.type('q');
	await done;
	return {
		...functions,
		...loaded,
		firstRowsMs: firstRowsAt,
		judgedFrameMs: judgedFrameAt,
		cursorMs,
		promptMs,
		uiFilterMs: filterMs,
		uiFirstSearchMs: firstSearchMs,
		uiSearchMs: searchMs,
		keyMs,
	};
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const root = textArg(args, 'root');
	const mode = textArg(args, 'mode') ?? 'load';
	if (!root) {
		throw new Error('give --root');
	}

	if (mode === 'load') {
		const started = performance.now();
		const dataset = await openDataset([root]);
		const figures = describeLoad(dataset, started, performance.now());
		console.log(JSON.stringify({...figures, maxRssKiB: maxRssKiB()}));
		return;
	}

	const figures = await driveScreen(root, numberArg(args, 'key-runs', 0));
	console.log(JSON.stringify({...figures, maxRssKiB: maxRssKiB()}));
	// The screen leaves timers and listeners behind; the figures are out.
	process.exit(0);
}

try {
	await main();
} catch (error) {
	// The screen's crash handler would print to the fake terminal: say it here.
	process.stderr.write(
		`${error instanceof Error ? error.stack : String(error)}\n`,
	);
	process.exit(1);
}
