import {errorText} from './json-errors.js';

/** One non-blank line and what `JSON.parse` made of it. */
export interface LineResult {
	/** 0-based line number. */
	line: number;
	/** The parsed value, when the line is valid JSON. */
	value?: unknown;
	/** `JSON.parse`'s message, when it is not. */
	error?: string;
}

export interface LinesScan {
	results: LineResult[];
	good: number;
	bad: number;
	/** Stopped early: the first lines were all broken, so this is not JSONL. */
	abandoned: boolean;
}

/** Broken lines in a row, with none good, after which JSONL is ruled out. */
const giveUpAfter = 20;

/**
Parse JSON Lines: one value per line, `\r\n` or `\n` endings, blank lines
ignored. Pretty-printed JSON fails on almost every line, so the scan stops
soon when nothing parses.
*/
export function scanLines(text: string): LinesScan {
	const scan: LinesScan = {results: [], good: 0, bad: 0, abandoned: false};
	let start = 0;
	for (let line = 0; start <= text.length; line++) {
		let end = text.indexOf('\n', start);
		if (end === -1) {
			end = text.length;
		}

		const content = text.slice(start, end).trim();
		start = end + 1;
		if (content === '') {
			continue;
		}

		try {
			scan.results.push({line, value: JSON.parse(content)});
			scan.good++;
		} catch (error: unknown) {
			scan.results.push({line, error: errorText(error)});
			scan.bad++;
			if (scan.good === 0 && scan.bad >= giveUpAfter) {
				scan.abandoned = true;
				break;
			}
		}
	}

	return scan;
}

/** True when text holds more than one non-blank line. */
export function hasSeveralLines(text: string): boolean {
	const first = text.search(/\S/);
	if (first === -1) {
		return false;
	}

	// trimEnd, not a loop over characters: a bomb ends in megabytes of spaces.
	const last = text.trimEnd().length - 1;

	const lineBreak = text.indexOf('\n', first);
	return lineBreak !== -1 && lineBreak < last;
}
