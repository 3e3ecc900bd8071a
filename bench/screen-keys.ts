import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {FakeKeyboard, FakeScreen} from './fake-terminal.js';

/**
The investigation keys on the fake terminal, run in the screen child after
the cursor, filter and search figures: each timed key, from the key to the
first frame that shows what it does (the value list, the summary, the
pivot's filter, the "Wrote" message…). Each sequence runs `runs` times;
the screen is brought back to the event list between them.
*/

/** What one timed key is, in the order the report lists them. */
export const keySteps = {
	values: '`v`: values, the field list',
	valueList: '`Enter` on a field: its value list',
	summary: '`S`: summary by principal',
	grouping: '`2`: summary grouped by address',
	pivotMenu: '`o`: pivot menu',
	pivot: '`a`: pivot on the address applied',
	timelineOff: '`t`: timeline hidden',
	timelineOn: '`t`: timeline shown',
	zoom: '`z`: zoom into the selected bucket',
	unzoom: '`Z`: zoom back out',
	mark: '`m`: mark the selected event',
	exportDialog: '`w`: export dialog',
	export: '`Enter` on a file name: JSON Lines of the view written',
} as const;

export type KeyStep = keyof typeof keySteps;

/** Milliseconds of every sample, by step. */
export type KeySamples = Partial<Record<KeyStep, number[]>>;

export interface KeyDriver {
	screen: FakeScreen;
	keyboard: FakeKeyboard;
	/** Quiet time before each key, so each gets a fresh frame. */
	quietMs: number;
	frameTimeoutMs: number;
}

const keys = {enter: '\r', escape: '\u001B', clearLine: '\u0015'};

// eslint-disable-next-line no-control-regex
const ansi = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g;

/** A frame's text without colours and cursor moves. */
export function plain(text: string): string {
	return text.replaceAll(ansi, '');
}

/**
Presses `key` after the screen has been quiet and resolves with the time,
in ms, to the first frame `shows` accepts. Frames are told from control
sequences by their size, as the child's other figures are.
*/
async function press(
	driver: KeyDriver,
	key: string,
	shows: RegExp = /[\s\S]/,
): Promise<number> {
	const {screen, keyboard} = driver;
	await screen.settle(driver.quietMs);
	let seen = screen.writes.length;
	const started = performance.now();
	keyboard.type(key);
	const deadline = started + driver.frameTimeoutMs;
	for (;;) {
		for (; seen < screen.writes.length; seen++) {
			const text = screen.texts[seen]!;
			if (text.length > 500 && shows.test(plain(text))) {
				if (process.env['TRAILTUI_BENCH_TRACE']) {
					process.stderr.write(`${JSON.stringify(key)}:\n${plain(text)}\n`);
				}

				return screen.writes[seen]! - started;
			}
		}

		const left = deadline - performance.now();
		if (left <= 0) {
			throw new Error(
				`${JSON.stringify(key)}: no frame showing ${String(shows)}`,
			);
		}

		await screen.nextWrite(screen.writes.at(-1) ?? started, left);
	}
}

/** The screen's own words that tell each step has been drawn. */
const shows: Record<KeyStep, RegExp> = {
	values: /Values: pick a field/,
	valueList: /Values of eventName/,
	summary: /Summary by principal/,
	grouping: /Summary by address/,
	pivotMenu: /Pivot: the filter becomes/,
	pivot: /filter ip=/,
	timelineOff: /^(?![\s\S]*· peak )/,
	timelineOn: /· peak /,
	zoom: /· zoom \d/,
	unzoom: /^(?![\s\S]*· zoom \d)/,
	mark: /· 1 marked/,
	exportDialog: /Write events to a file/,
	export: /Wrote [\d,]+ events?/,
};

async function step(
	driver: KeyDriver,
	samples: KeySamples,
	name: KeyStep,
	key: string,
	until = shows[name],
): Promise<void> {
	const ms = await press(driver, key, until);
	(samples[name] ??= []).push(ms);
}

/** Esc `n` times, each to its frame: back to the event list. */
async function back(driver: KeyDriver, n: number): Promise<void> {
	for (let i = 0; i < n; i++) {
		await press(driver, keys.escape);
	}
}

/** A key that may draw nothing (a choice already made): no frame awaited. */
async function untimed(driver: KeyDriver, key: string): Promise<void> {
	await driver.screen.settle(driver.quietMs);
	driver.keyboard.type(key);
	await new Promise((resolve) => {
		setTimeout(resolve, driver.quietMs);
	});
	await driver.screen.settle(driver.quietMs);
}

/** Runs every sequence `runs` times; the export goes to a scratch folder. */
export async function measureInvestigationKeys(
	driver: KeyDriver,
	runs: number,
): Promise<KeySamples> {
	const samples: KeySamples = {};
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-keys-'));
	try {
		for (let run = 0; run < runs; run++) {
			await step(driver, samples, 'values', 'v');
			await step(driver, samples, 'valueList', keys.enter);
			await back(driver, 2);

			await step(driver, samples, 'summary', 'S');
			await step(driver, samples, 'grouping', '2');
			// The summary keeps its grouping: back to principal for the next run.
			await press(driver, '1');
			await back(driver, 1);

			await step(driver, samples, 'pivotMenu', 'o');
			await step(driver, samples, 'pivot', 'a');
			await back(driver, 1);

			await step(driver, samples, 'timelineOff', 't');
			await step(driver, samples, 'timelineOn', 't');
			await step(driver, samples, 'zoom', 'z');
			await step(driver, samples, 'unzoom', 'Z');

			await step(driver, samples, 'mark', 'm');
			// Unmarked again, untimed, so every run marks the same event.
			await press(driver, 'm');

			await step(driver, samples, 'exportDialog', 'w');
			await untimed(driver, 'a');
			await untimed(driver, 'j');
			await untimed(driver, keys.enter);
			const file = path.join(folder, `view-${run}.jsonl`);
			for (const char of keys.clearLine + file) {
				await untimed(driver, char);
			}

			// The file's name tells this run's message from the last one's.
			await step(
				driver,
				samples,
				'export',
				keys.enter,
				new RegExp(`Wrote [\\d,]+ events? to .*view-${run}\\.jsonl`),
			);
			fs.rmSync(file, {force: true});
		}
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}

	return samples;
}
