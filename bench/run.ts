import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {numberArg, parseArgs, textArg} from './args.js';
import {listGzFiles, logsRoot} from './files.js';
import {measureJq, measureNodeParse, measureZcat} from './floors.js';
import {cacheDir, defaultSeed, ensureDataset} from './generate.js';
import {measureInvestigation} from './investigate-measures.js';
import {formatInvestigationMarkdown} from './investigate-report.js';
import {formatKeysMarkdown} from './keys-report.js';
import {machineInfo, projectRoot} from './machine.js';
import {
	formatMarkdown,
	judgeTargets,
	type BenchResult,
	type SizeResult,
} from './report.js';
import {
	measureCli,
	measureFirstRows,
	measureKeystrokes,
	measureLoad,
} from './trailtui-measures.js';
import {writeBenchmarks} from './write-benchmarks.js';

/**
`npm run bench`: generates (or reuses) the datasets, measures the floors,
jq and trailtui on each, one measurement at a time, and prints the tables.

  --sizes 10000,100000,1000000   event counts (default: all three)
  --runs N                       runs per timed figure (default: 3, 1 at 1M)
  --seed N                       generator seed (default 1)
  --fresh                        generate the datasets again
  --skip-screen                  leave out the screen figures
  --skip-investigation           leave out the investigation figures
  --note TEXT                    a sentence for the header (a busy machine)
  --json FILE                    also write the results as JSON
  --write                        replace the tables in BENCHMARKS.md
  --from-json FILE               print (and --write) a saved run's tables
*/

function parseSizes(text: string | undefined): number[] {
	if (!text) {
		return [10_000, 100_000, 1_000_000];
	}

	return text.split(',').map((part) => {
		const value = Number(
			part
				.trim()
				.replaceAll('_', '')
				.replace(/k$/i, '000')
				.replace(/m$/i, '000000'),
		);
		if (!Number.isInteger(value) || value < 1000) {
			throw new Error(`--sizes: ${JSON.stringify(part)} is not an event count`);
		}

		return value;
	});
}

function log(text: string): void {
	process.stderr.write(`${text}\n`);
}

/** Reads every file once, so the first timed method does not pay for the disk. */
function warmCache(root: string): void {
	const {logs, digests} = listGzFiles(root);
	for (const file of [...logs, ...digests]) {
		fs.readFileSync(path.join(root, file));
	}
}

async function measureSize(
	events: number,
	options: {
		runs?: number;
		seed: number;
		fresh: boolean;
		screen: boolean;
		investigation: boolean;
	},
): Promise<SizeResult> {
	const runs = options.runs ?? (events >= 1_000_000 ? 1 : 3);
	const size: SizeResult = {events, runs, rows: []};
	try {
		const dir = cacheDir(events, options.seed);
		log(`${events} events: dataset in ${dir}`);
		const {facts, reused} = ensureDataset(
			dir,
			events,
			options.seed,
			options.fresh,
		);
		size.facts = facts;
		size.reused = reused;
		log(
			reused
				? '  reused the cached dataset'
				: `  generated in ${facts.generateSeconds.toFixed(1)} s`,
		);
		const root = logsRoot(dir);
		warmCache(root);
		const steps = [
			() => measureZcat(root, runs),
			() => measureNodeParse(root, 1, runs),
			() => measureNodeParse(root, 2, runs),
			() => measureJq(root, runs),
			() => measureLoad(root, runs),
			() => measureCli(root, runs),
		];
		for (const step of steps) {
			const row = await step();
			log(
				`  ${row.method}: ${row.error ? `failed: ${row.error}` : `${row.seconds?.toFixed(2)} s, ${row.peakRssMB?.toFixed(0) ?? 'n/a'} MB`}`,
			);
			size.rows.push(row);
		}

		if (options.screen) {
			try {
				size.interactive = await measureFirstRows(root, runs);
				// Shares the session above; kept as its own call for the
				// day the two are measured apart.
				size.interactive = await measureKeystrokes(root, runs);
				log(
					`  screen: first rows ${size.interactive.firstRowsSeconds.toFixed(2)} s, cursor ${size.interactive.cursor.median.toFixed(1)} ms`,
				);
			} catch (error) {
				size.interactiveError =
					error instanceof Error ? error.message : String(error);
				log(`  screen figures failed: ${size.interactiveError}`);
			}
		}

		if (options.investigation) {
			try {
				size.investigation = await measureInvestigation(root, runs);
				const jsonl = size.investigation.exports.find(
					(e) => e.format === 'jsonl' && e.what === 'all',
				);
				log(
					`  investigation: JSON Lines export of every event ${jsonl ? `${(jsonl.medianMs / 1000).toFixed(2)} s` : 'n/a'}, peak ${size.investigation.peakRssMB.toFixed(0)} MB`,
				);
			} catch (error) {
				size.investigationError =
					error instanceof Error ? error.message : String(error);
				log(`  investigation figures failed: ${size.investigationError}`);
			}
		}
	} catch (error) {
		size.error = error instanceof Error ? error.message : String(error);
		log(`  failed: ${size.error}`);
	}

	return size;
}

/** Prints the tables and, with --write, stores them in BENCHMARKS.md. */
function publish(result: BenchResult, write: boolean): void {
	const markdown = formatMarkdown(result);
	const investigation = formatInvestigationMarkdown(result);
	const keys = formatKeysMarkdown(result);
	console.log(markdown);
	if (keys !== undefined) {
		console.log(`## Screen: investigation keys\n\n${keys}`);
	}

	if (investigation !== undefined) {
		console.log(`## Investigation\n\n${investigation}`);
	}

	if (!write) {
		return;
	}

	const file = path.join(projectRoot, 'BENCHMARKS.md');
	const written = writeBenchmarks(file, {
		main: markdown,
		targets: result.targets,
		investigation,
		keys,
	});
	log(
		written.main
			? `wrote the tables into ${file}`
			: `kept the main tables of ${file}: this run leaves targets not measured`,
	);
	if (written.investigation) {
		log(`wrote the investigation tables into ${file}`);
	}

	if (written.keys) {
		log(`wrote the investigation keys table into ${file}`);
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const saved = textArg(args, 'from-json');
	if (saved) {
		// Lays out a saved run again (after a change of layout) without
		// measuring anything.
		const result = JSON.parse(fs.readFileSync(saved, 'utf8')) as BenchResult;
		result.targets = judgeTargets(result.sizes);
		const note = textArg(args, 'note');
		publish(note ? {...result, note} : result, args.has('write'));
		return;
	}

	const sizes = parseSizes(textArg(args, 'sizes'));
	const runs = args.has('runs') ? numberArg(args, 'runs', 3) : undefined;
	const seed = numberArg(args, 'seed', defaultSeed);
	const machine = machineInfo();
	const results: SizeResult[] = [];
	for (const events of sizes) {
		results.push(
			await measureSize(events, {
				...(runs === undefined ? {} : {runs: Math.max(1, Math.round(runs))}),
				seed,
				fresh: args.has('fresh'),
				screen: !args.has('skip-screen'),
				investigation: !args.has('skip-investigation'),
			}),
		);
	}

	const note = textArg(args, 'note');
	const result: BenchResult = {
		machine,
		sizes: results,
		targets: judgeTargets(results),
		...(note ? {note} : {}),
	};
	const jsonFile = textArg(args, 'json');
	if (jsonFile) {
		fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, '\t')}\n`);
		log(`wrote ${jsonFile}`);
	}

	publish(result, args.has('write'));
}

await main();
