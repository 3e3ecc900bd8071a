import process from 'node:process';
import {render} from 'ink';
import type {Dataset} from '../core/types.js';
import {fileHistoryStore, type HistoryStore} from '../core/history-store.js';
import type {SessionStores} from '../investigate/session-store.js';
import {debugLog} from '../core/debug-log.js';
import {App} from './app.js';
import {LiveApp} from './live-app.js';
import {LiveSource} from './live-source.js';
import {ScreenStream} from './screen-stream.js';
import {fileSessions} from '../investigate/session-store.js';

/** Switches to the alternate screen buffer and puts the cursor top-left. */
export const enterAlternateScreen = '\u001B[?1049h\u001B[H';
/**
Back to the normal buffer (and its scrollback), cursor visible again. The
alternate screen is erased first: after a resize, tmux (3.3a) carries rows
of it into the normal screen when it is left.
*/
export const leaveAlternateScreen = '\u001B[2J\u001B[H\u001B[?1049l\u001B[?25h';

export interface RunAppOptions {
	/** A filter applied before the first frame, e.g. from `--filter`. */
	initialFilter?: string;
	/**
	Where the prompts' histories are kept: by default `history.json` in the
	user's config folder (XDG_CONFIG_HOME/trailtui).
	*/
	history?: HistoryStore;
	/** Streams, for tests; the process's own by default. */
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
	/** Where marks are kept; the config folder's sessions by default. */
	sessions?: SessionStores;
}

/** Signals that end the screen; the terminal is restored before dying. */
const handledSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof handledSignals)[number];

function describe(error: unknown): string {
	if (error instanceof Error) {
		return error.stack ?? `${error.name}: ${error.message}`;
	}

	return String(error);
}

/**
Runs the interactive screen until the person quits. Ink 6 has no option for
the alternate screen, so this enters it before the first frame and leaves it
(with the cursor shown again) on every way out: quit, Ctrl-C, a signal, an
error in a component or anywhere else. Errors are printed only once the
normal screen is back, where they stay readable: an uncaught one by this
function (then the process exits with 1), a component's by the caller, to
which the returned promise rejects with it.
*/
export async function runApp(
	input: Dataset | LiveSource,
	options: RunAppOptions = {},
): Promise<void> {
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	// Ink writes through this; it is shut before the alternate screen is
	// left, so no frame can follow the leave sequence.
	const screen = new ScreenStream(stdout);
	let inAlternate = true;
	const leave = (): void => {
		screen.close();
		if (inAlternate) {
			inAlternate = false;
			stdout.write(leaveAlternateScreen);
		}
	};

	stdout.write(enterAlternateScreen);
	debugLog('screen: start', {
		live: input instanceof LiveSource,
		columns: stdout.columns,
		rows: stdout.rows,
	});

	const history = options.history ?? fileHistoryStore();
	const workflow = {sessions: options.sessions ?? fileSessions()};
	const instance = render(
		input instanceof LiveSource ? (
			<LiveApp
				source={input}
				initialFilter={options.initialFilter}
				history={history}
				workflow={workflow}
			/>
		) : (
			<App
				dataset={input}
				initialFilter={options.initialFilter}
				history={history}
				workflow={workflow}
			/>
		),
		{
			// Ink needs only write, the size, isTTY and 'resize' of it.
			stdout: screen as unknown as NodeJS.WriteStream,
			stderr,
			stdin: options.stdin ?? process.stdin,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);

	const detach = (): void => {
		for (const signal of handledSignals) {
			process.off(signal, onSignal);
		}

		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', leave);
	};

	// Restore the terminal, then die of the same signal as if never caught,
	// so that the parent sees the usual status (Ink's own handler is gone
	// once it has unmounted).
	function onSignal(signal: HandledSignal): void {
		debugLog('screen: signal', {signal});
		instance.unmount();
		leave();
		detach();
		process.kill(process.pid, signal);
	}

	// Outside React nothing can recover: restore the terminal, say what
	// happened on the normal screen, and stop.
	function onCrash(error: unknown): void {
		debugLog('screen: crash', {error: describe(error)});
		instance.unmount();
		leave();
		stderr.write(`trailtui: unexpected error\n${describe(error)}\n`);
		process.exit(1);
	}

	for (const signal of handledSignals) {
		process.on(signal, onSignal);
	}

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	// The last resort for any exit this code did not see coming.
	process.on('exit', leave);

	try {
		await instance.waitUntilExit();
		debugLog('screen: quit');
	} catch (error) {
		// A component threw and Ink has unmounted. The caller prints the
		// error: by the time it sees it, the normal screen is back.
		debugLog('screen: component error', {error: describe(error)});
		throw error;
	} finally {
		leave();
		detach();
	}
}
