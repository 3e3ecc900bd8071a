#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {runCli} from './cli-main.js';

// React's development build records every render's props for its profiler,
// walking the event list each time: a million events stall the screen.
// The screen's modules are imported later (dynamically), so this is in time.
process.env['NODE_ENV'] ??= 'production';

const help = `
	Usage
	  $ trailtui [options] PATH...

	  PATH is a CloudTrail file or a folder, read recursively: Records files
	  (plain or gzip), JSON Lines, JSON arrays, or lookup-events output.

	Options
	  --report           Print the findings (flagged events grouped, most
	                     severe first), then every event in time order, then
	                     the load summary, instead of opening the screen
	  --json             Print one JSON object per event (JSON Lines)
	  --flagged          With --report, --json or --export: only events with
	                     red flags
	  --filter EXPR      Only events matching EXPR, e.g. 'eventName=ListBuckets'
	  --since TIME       Only events from TIME on: a UTC time (2018-11-28T23:00Z,
	                     2018-11-28) or a span before the newest event (2h,
	                     30m, 1d), not before the clock
	  --until TIME       Only events up to TIME (same forms; 30m: up to half an
	                     hour before the newest event)
	  --iam FILE         Output of 'aws iam get-role' or 'list-roles' giving
	                     trust policies (repeatable)
	  --ip-ranges FILE   A newer AWS ip-ranges.json instead of the bundled one
	  --baseline-until TIME
	                     Learn what is normal from the events before TIME
	                     (UTC, e.g. 2018-11-28T23:00Z) and judge the events
	                     from TIME on against it (default: learn from all,
	                     the first use of an identity is the expected one)
	  --export FILE      Write the events (after --filter, --flagged) to FILE
	                     instead of opening the screen; - is stdout. The
	                     format follows the extension: .jsonl or .ndjson
	                     (the original records), .csv, .md (incident note)
	  --export-format F  jsonl, csv or md, whatever the extension
	  --columns A,B,C    CSV columns (default time,eventName,principal,ip,
	                     ua,region,error,flags; any filter field or path)
	  --marked           Only the events marked on the screen (the saved
	                     session of these files); with --export, --report
	                     or --json
	  --problems         Also list every load note (info) on stderr
	  --max-file-mb N    Largest decompressed size read per file (default 256,
	                     at most 512)
	  --debug-log FILE   Append a developer debug log to FILE
	  --version          Print the version
	  --help             Print this help

	Exit status
	  0  the logs loaded (even when some files had problems)
	  1  nothing could be read
	  2  bad usage (unknown option, bad filter, bad time, no PATH, an
	     --export file that cannot be written)

	Examples
	  $ trailtui samples/flaws2 --iam samples/flaws2/level3.json
	  $ trailtui --report --flagged ./logs
	  $ trailtui --json --filter 'principal~level3' ./logs | jq .flags
	  $ trailtui --report --since 2h --filter '!service in (kms, sts)' ./logs
	  $ trailtui --flagged --export flagged.csv ./logs
	  $ trailtui --marked --export note.md ./logs
`;

const options = {
	importMeta: import.meta,
	allowUnknownFlags: true, // checked below, for a one-line message
	flags: {
		report: {type: 'boolean'},
		json: {type: 'boolean'},
		flagged: {type: 'boolean'},
		filter: {type: 'string'},
		since: {type: 'string'},
		until: {type: 'string'},
		iam: {type: 'string', isMultiple: true},
		ipRanges: {type: 'string'},
		baselineUntil: {type: 'string'},
		problems: {type: 'boolean'},
		maxFileMb: {type: 'number'},
		debugLog: {type: 'string'},
		export: {type: 'string'},
		exportFormat: {type: 'string'},
		columns: {type: 'string'},
		marked: {type: 'boolean'},
	},
} as const;

function camelCase(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) =>
		letter.toUpperCase(),
	);
}

// meow throws on a repeated option (`--filter a --filter b`): a usage error
// in one line, not a stack trace.
let cli: ReturnType<typeof meow<typeof options.flags>>;
try {
	cli = meow(help, options);
} catch (error) {
	process.stderr.write(
		`trailtui: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(2);
}

// A reader that stops early (`| head`) is not an error: stop writing quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(process.exitCode ?? 0);
	}

	throw error;
});

const known = new Set([...Object.keys(options.flags), 'help', 'version']);
const unknown = Object.keys(cli.unnormalizedFlags).filter(
	(name) => !known.has(name) && !known.has(camelCase(name)),
);
if (unknown.length > 0) {
	const name = unknown[0]!;
	process.stderr.write(
		`trailtui: unknown option ${name.length === 1 ? '-' : '--'}${name} ` +
			'(trailtui --help lists the options)\n',
	);
	process.exit(2);
}

process.exitCode = await runCli(cli.input, cli.flags, () => {
	// Standard output stays empty on a usage error: a pipe reads nothing.
	process.stderr.write('usage: trailtui [options] PATH... (see --help)\n');
});
