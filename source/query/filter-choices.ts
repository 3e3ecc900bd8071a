import type {Outcome} from '../core/types.js';
import {catalog} from '../detect/catalog.js';

/**
Fields whose values come from a fixed list: an outcome, a flag id. A value
outside the list would silently match nothing, so the filter refuses it and
names the values that exist (and, for a flag, the nearest one).
*/

/**
The outcome a word names. `failure` and `failed` mean `error`: AWS writes a
failed console sign-in as `ConsoleLogin: "Failure"` (BR-17), and trailtui
counts those as errors.
*/
const outcomeWords: ReadonlyMap<string, Outcome> = new Map([
	['success', 'success'],
	['denied', 'denied'],
	['error', 'error'],
	['failure', 'error'],
	['failed', 'error'],
]);

export function outcomeNamed(text: string): Outcome | undefined {
	return outcomeWords.get(text.toLowerCase());
}

export const outcomeHelp =
	'success, denied or error (failure and failed mean error)';

/** Every flag id trailtui can raise. */
export const flagIds: readonly string[] = catalog.map((rule) => rule.id);

/** Edit distance, for "did you mean"; ids are short, so O(n·m) is fine. */
function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current.push(
				Math.min(
					previous[j]! + 1,
					current[j - 1]! + 1,
					previous[j - 1]! + cost,
				),
			);
		}

		previous = current;
	}

	return previous[b.length]!;
}

/** The flag id closest to `text`: one holding it, else the fewest edits. */
export function nearestFlagId(text: string): string {
	const wanted = text.toLowerCase();
	const holding = flagIds.find((id) => id.includes(wanted));
	if (holding && wanted.length >= 3) {
		return holding;
	}

	let best = flagIds[0]!;
	let bestDistance = Infinity;
	for (const id of flagIds) {
		const d = distance(wanted, id);
		if (d < bestDistance) {
			best = id;
			bestDistance = d;
		}
	}

	return best;
}

/** The error for a value that is no flag id. */
export function unknownFlagError(text: string): string {
	return (
		`no flag "${text}": did you mean ${nearestFlagId(text)}? ` +
		`Flag ids: ${flagIds.join(', ')}`
	);
}
