/**
Editing the search and filter prompt: the text and a caret in it, moved and
edited by grapheme as readline does (a wide character or an emoji is one
step). Pure functions, so the reducer stays a table of cases.
*/

export interface PromptText {
	draft: string;
	/** Where the caret is, in UTF-16 units from the start of `draft`. */
	caret: number;
}

export type PromptEdit =
	| 'caret-left'
	| 'caret-right'
	| 'caret-start'
	| 'caret-end'
	| 'delete-char'
	| 'delete-word'
	| 'delete-to-end'
	| 'clear-input';

const segmenter = new Intl.Segmenter();

/** The grapheme boundaries of `text`, from 0 to its length. */
function boundaries(text: string): number[] {
	const stops = [0];
	for (const {index, segment} of segmenter.segment(text)) {
		stops.push(index + segment.length);
	}

	return stops;
}

/** The caret inside the text, on a grapheme boundary at or before it. */
export function caretOf(prompt: PromptText): number {
	const caret = Math.min(Math.max(prompt.caret, 0), prompt.draft.length);
	return boundaries(prompt.draft).findLast((stop) => stop <= caret) ?? 0;
}

/** The start of the word before `caret`: spaces, then non-spaces. */
function wordStart(text: string, caret: number): number {
	let start = caret;
	while (start > 0 && text[start - 1] === ' ') {
		start--;
	}

	while (start > 0 && text[start - 1] !== ' ') {
		start--;
	}

	return start;
}

export function editPrompt(prompt: PromptText, edit: PromptEdit): PromptText {
	const {draft} = prompt;
	const caret = caretOf(prompt);
	const stops = boundaries(draft);
	const previous = stops.findLast((stop) => stop < caret) ?? 0;
	const next = stops.find((stop) => stop > caret) ?? draft.length;
	switch (edit) {
		case 'caret-left':
			return {draft, caret: previous};
		case 'caret-right':
			return {draft, caret: next};
		case 'caret-start':
			return {draft, caret: 0};
		case 'caret-end':
			return {draft, caret: draft.length};
		case 'delete-char':
			return {
				draft: draft.slice(0, previous) + draft.slice(caret),
				caret: previous,
			};
		case 'delete-word': {
			const start = wordStart(draft, caret);
			return {draft: draft.slice(0, start) + draft.slice(caret), caret: start};
		}

		case 'delete-to-end':
			return {draft: draft.slice(0, caret), caret};
		case 'clear-input':
			return {draft: '', caret: 0};
	}
}

/** `text` typed at the caret. */
export function insertText(prompt: PromptText, text: string): PromptText {
	const caret = caretOf(prompt);
	return {
		draft: prompt.draft.slice(0, caret) + text + prompt.draft.slice(caret),
		caret: caret + text.length,
	};
}
