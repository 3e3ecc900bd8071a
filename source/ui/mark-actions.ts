import {markedSeqs, setNote, toggleMark} from '../investigate/marks.js';
import type {AppContext} from './app-context.js';
import {patch, selectedEvent, settle, type AppState} from './app-state.js';
import {asSeq, indexOfSeq, type ViewIndex} from './event-view.js';
import {moveCursor} from './navigation.js';

/**
Marks and notes: `m` marks the selected event, `c` writes a note on it
(and marks it), `u` and `U` go through the marked events of the view. The
screen saves the marks as they change (see use-workflow.ts).
*/

function note(
	state: AppState,
	text: string,
	tone: 'notice' | 'warning' = 'notice',
) {
	return patch(state, {message: {tone, text}});
}

export function toggleMarkAction(
	context: AppContext,
	state: AppState,
): AppState {
	const event = selectedEvent(context, state);
	if (event === undefined) {
		return state;
	}

	const had = state.marks.get(event.seq);
	const marks = toggleMark(state.marks, event.seq);
	const text =
		had === undefined
			? 'Marked: u / U go through the marks, w writes them to a file'
			: had.note
				? 'Unmarked; its note is gone too'
				: 'Unmarked';
	return patch(state, {marks, message: {tone: 'notice', text}});
}

/** `c`: the note prompt, holding the event's note to edit. */
export function startNote(context: AppContext, state: AppState): AppState {
	const event = selectedEvent(context, state);
	if (event === undefined) {
		return state;
	}

	const draft = state.marks.get(event.seq)?.note ?? '';
	return settle({
		...state,
		mode: 'note-input',
		note: {seq: event.seq, from: state.mode},
		draft,
		caret: draft.length,
	});
}

/** Enter in the note prompt: an empty note removes the note, not the mark. */
export function submitNote(state: AppState): AppState {
	const prompt = state.note;
	if (prompt === undefined) {
		return state;
	}

	const text = state.draft.trim();
	const had = state.marks.get(prompt.seq)?.note;
	return settle({
		...state,
		mode: prompt.from,
		note: undefined,
		draft: '',
		caret: 0,
		marks: setNote(state.marks, prompt.seq, text),
		message: {
			tone: 'notice',
			text:
				text !== ''
					? 'Note saved; the event is marked'
					: had
						? 'Note removed; the event stays marked'
						: 'Marked, without a note',
		},
	});
}

export function cancelNote(state: AppState): AppState {
	return settle({
		...state,
		mode: state.note?.from ?? 'list',
		note: undefined,
		draft: '',
		caret: 0,
	});
}

/** `u` and `U`: the next or previous marked row of the view, wrapping. */
export function nextMarked(state: AppState, direction: 1 | -1): AppState {
	const rows: ViewIndex[] = [];
	for (const seq of markedSeqs(state.marks)) {
		const row = indexOfSeq(state.view, asSeq(seq));
		if (row !== undefined) {
			rows.push(row);
		}
	}

	if (rows.length === 0) {
		return note(
			state,
			state.marks.size === 0
				? 'Nothing is marked: m marks the selected event'
				: 'No marked event in this view',
			'warning',
		);
	}

	const current = state.view.length === 0 ? -1 : state.cursor;
	const ahead =
		direction > 0
			? rows.find((row) => row > current)
			: rows.findLast((row) => row < current);
	if (ahead !== undefined) {
		return moveCursor(state, ahead);
	}

	const target = direction > 0 ? rows[0]! : rows.at(-1)!;
	if (target === current) {
		return note(state, 'This is the only marked event in the view');
	}

	return patch(moveCursor(state, target), {
		message: {
			tone: 'notice',
			text:
				direction > 0
					? 'Last marked event passed: back to the first'
					: 'First marked event passed: on to the last',
		},
	});
}
