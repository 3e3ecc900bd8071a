/**
A tiny reader of `--name value` and `--flag` arguments: the benchmark's
scripts take few options and should not pull in a parser.
*/

export type Args = Map<string, string | true>;

export function parseArgs(argv: readonly string[]): Args {
	const args: Args = new Map();
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i]!;
		if (!word.startsWith('--')) {
			throw new Error(`unexpected argument ${JSON.stringify(word)}`);
		}

		const [name, inline] = word.slice(2).split('=', 2) as [string, string?];
		if (inline !== undefined) {
			args.set(name, inline);
		} else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) {
			args.set(name, argv[++i]!);
		} else {
			args.set(name, true);
		}
	}

	return args;
}

export function textArg(args: Args, name: string): string | undefined {
	const value = args.get(name);
	if (value === true) {
		throw new Error(`--${name} needs a value`);
	}

	return value;
}

export function numberArg(args: Args, name: string, fallback: number): number {
	const text = textArg(args, name);
	if (text === undefined) {
		return fallback;
	}

	const value = Number(text.replaceAll('_', ''));
	if (!Number.isFinite(value) || value < 0) {
		throw new Error(`--${name} takes a number, not ${JSON.stringify(text)}`);
	}

	return value;
}

/** True when this module is the script node was asked to run. */
export function isMain(moduleUrl: string): boolean {
	const script = process.argv[1];
	return (
		script !== undefined &&
		new URL(moduleUrl).pathname === new URL(`file://${script}`).pathname
	);
}
