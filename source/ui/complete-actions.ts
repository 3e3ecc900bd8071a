import {
	commonPrefix,
	completionAt,
	partialInsert,
} from '../query/complete-query.js';
import type {AppContext} from './app-context.js';
import {settle, type AppState, type CompletionState} from './app-state.js';
import {caretOf} from './prompt-edit.js';

/**
Tab in the filter prompt. The first Tab completes what all the candidates
share and lists them under the prompt; each further Tab puts the next
candidate in place, round and round. Any other key ends it.
*/

/** `insert` in place of draft[start, end), the caret after it. */
function replace(
	state: AppState,
	start: number,
	end: number,
	insert: string,
): Pick<AppState, 'draft' | 'caret'> {
	return {
		draft: state.draft.slice(0, start) + insert + state.draft.slice(end),
		caret: start + insert.length,
	};
}

/** A space after a completed value, unless one (or a `)`) is there. */
function spaced(state: AppState, end: number, wanted: boolean): string {
	const next = state.draft[end];
	return wanted && next !== ' ' && next !== ')' ? ' ' : '';
}

/** The next Tab of a cycle: the next candidate in place of the last. */
function cycle(state: AppState, completion: CompletionState): AppState {
	const index = (completion.index + 1) % completion.candidates.length;
	const candidate = completion.candidates[index]!;
	// A space put in by the previous candidate goes with it.
	const previous =
		completion.index >= 0 ? completion.candidates[completion.index] : undefined;
	const end =
		previous && completion.spaceAfter && state.draft[completion.end] === ' '
			? completion.end + 1
			: completion.end;
	const insert = candidate.insert + spaced(state, end, completion.spaceAfter);
	const text = replace(state, completion.start, end, insert);
	return settle({
		...state,
		...text,
		filterError: undefined,
		completion: {
			...completion,
			index,
			end: completion.start + candidate.insert.length,
		},
	});
}

export function complete(context: AppContext, state: AppState): AppState {
	const {completion} = state;
	if (completion && completion.candidates.length > 1) {
		return cycle(state, completion);
	}

	const caret = caretOf(state);
	const spot = completionAt(state.draft, caret, context.fieldValues);
	if (spot === undefined) {
		return settle({
			...state,
			completion: {
				candidates: [],
				index: -1,
				start: caret,
				end: caret,
				spaceAfter: false,
				note: 'Tab completes field names, and values after an operator or in a list',
			},
		});
	}

	const {candidates} = spot;
	if (candidates.length === 1) {
		const insert =
			candidates[0]!.insert + spaced(state, spot.end, spot.spaceAfter);
		return settle({
			...state,
			...replace(state, spot.start, spot.end, insert),
			filterError: undefined,
			completion: undefined,
		});
	}

	const listed: CompletionState = {
		candidates,
		index: -1,
		start: spot.start,
		end: spot.end,
		spaceAfter: spot.spaceAfter,
		...(spot.note === undefined ? {} : {note: spot.note}),
	};
	const shared = commonPrefix(candidates.map((candidate) => candidate.label));
	if (candidates.length === 0 || shared.length <= spot.partial.length) {
		return settle({...state, completion: listed});
	}

	const insert =
		spot.kind === 'value' ? partialInsert(shared, spot.quoted) : shared;
	return settle({
		...state,
		...replace(state, spot.start, spot.end, insert),
		filterError: undefined,
		completion: {...listed, end: spot.start + insert.length},
	});
}
