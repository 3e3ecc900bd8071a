import stringWidth from 'string-width';
import {visible} from '../core/safe-text.js';
import type {LoadSummary} from '../core/types.js';
import type {AppContext} from './app-context.js';
import type {AppState} from './app-state.js';
import {footerFor} from './keymap.js';
import {LineText} from './line-view.js';
import {lineText, type Line, type Segment} from './lines.js';
import {facetPromptLabel, facetTypingHint} from './facets-lines.js';
import {stackDepth} from './filter-stack.js';
import {caretOf} from './prompt-edit.js';
import {errorLine, promptWindow} from './prompt-window.js';
import {currentHit} from './query-actions.js';
import type {LoadingStatus} from './live-source.js';
import {loadingParts} from './loading-line.js';
import {
	workflowPromptLabel,
	workflowQuestion,
	workflowStatusParts,
} from './workflow-status.js';

/**
The status line (what is shown, filtered, searched, and whether loading had
problems) and the bottom line (a prompt, a note, or a key reminder).
*/

function problemsText(summary: LoadSummary): Segment | undefined {
	const errors = summary.problems.filter((p) => p.level === 'error').length;
	const warnings = summary.problems.filter((p) => p.level === 'warning').length;
	const notes = summary.problems.length - errors - warnings;
	const digests = summary.skippedDigest;
	const parts = [
		digests > 0
			? `skipped ${digests} digest file${digests === 1 ? '' : 's'}`
			: '',
		errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
		warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
		notes > 0 ? `${notes} note${notes === 1 ? '' : 's'}` : '',
	].filter((part) => part !== '');
	if (parts.length === 0) {
		return undefined;
	}

	return {
		text: `load: ${parts.join(', ')} (p)`,
		tone: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'notice',
	};
}

/** A count with thousands separated, as while loading: `1,000,000`. */
function n(value: number): string {
	return value.toLocaleString('en-US');
}

/** The triage view's figures: findings, and the flagged events they hold. */
function findingsParts(context: AppContext): Segment[] {
	const count = context.findings.length;
	const held = context.flaggedSeqs.length;
	return [
		{text: `${n(count)} finding${count === 1 ? '' : 's'}`, tone: 'heading'},
		{
			text: `${n(held)} flagged event${held === 1 ? '' : 's'} · of ${n(context.events.length)}`,
			tone: held > 0 ? 'severity-high' : 'muted',
		},
	];
}

export function statusLine(
	context: AppContext,
	state: AppState,
	loading?: LoadingStatus,
): Line {
	const total = context.events.length;
	const {view} = state;
	const parts: Segment[] = loading
		? loadingParts(loading)
		: state.mode === 'findings'
			? findingsParts(context)
			: [
					{
						text:
							state.filter || state.scope || state.zoom.length > 0
								? `${n(view.length)}/${n(total)} events`
								: `${n(total)} event${total === 1 ? '' : 's'}`,
						tone: 'heading',
					},
					{
						text: `${n(view.flagged)} flagged`,
						tone: view.flagged > 0 ? 'severity-high' : 'muted',
					},
				];
	if (state.scope && state.mode !== 'findings') {
		parts.push({text: state.scope.status, tone: 'label'});
	}

	if (state.filter) {
		parts.push({text: `filter ${visible(state.filter.text)}`, tone: 'label'});
	}

	const depth = stackDepth(state);
	if (depth > 0) {
		parts.push({text: `${depth} back (Esc)`, tone: 'muted'});
	}

	if (!loading && state.mode !== 'findings') {
		parts.push(...workflowStatusParts(state));
	}

	if (state.search) {
		const hit = currentHit(state);
		const count = state.search.hits.length;
		parts.push({
			text: `search “${visible(state.search.query)}” ${hit > 0 ? hit : '–'}/${count}`,
			tone: 'label',
		});
	}

	const problems = problemsText(context.summary);
	if (problems) {
		parts.push(problems);
	}

	const line: Segment[] = [{text: ' '}];
	for (const [index, part] of parts.entries()) {
		if (index > 0) {
			line.push({text: ' · ', tone: 'muted'});
		}

		line.push(part);
	}

	return line;
}

function reminder(state: AppState): Segment[] {
	const keys: Segment[] = [];
	for (const {keys: key, word} of footerFor(state.mode)) {
		keys.push(
			{text: ` ${key}`, tone: 'command'},
			{text: ` ${word} `, tone: 'muted'},
		);
	}

	return keys;
}

const segmenter = new Intl.Segmenter();

/** The first grapheme of `text`, or '' when it is empty. */
function caretCell(text: string): string {
	for (const {segment} of segmenter.segment(text)) {
		return segment;
	}

	return '';
}

/** A count as the candidates show it: `1.2k` past a thousand. */
function shortCount(count: number): string {
	return count < 1000 ? String(count) : `${(count / 1000).toFixed(1)}k`;
}

/**
The row under the filter prompt after a Tab: the candidates (from the one in
the draft on, while cycling), or why nothing completes.
*/
export function completionLine(state: AppState): Line {
	const {completion} = state;
	if (!completion) {
		return [];
	}

	const {candidates, index} = completion;
	if (candidates.length === 0) {
		return [{text: `  ${visible(completion.note ?? '')}`, tone: 'notice'}];
	}

	const line: Segment[] = [
		{
			text:
				index < 0
					? `  Tab cycles (${n(candidates.length)}): `
					: `  ${n(index + 1)}/${n(candidates.length)}: `,
			tone: 'muted',
		},
	];
	const from = Math.max(index, 0);
	for (const [offset, candidate] of candidates
		.slice(from, from + 50)
		.entries()) {
		line.push({
			text: visible(candidate.label) || '""',
			tone: offset === 0 && index >= 0 ? 'match' : 'label',
		});
		line.push({
			text:
				candidate.count === undefined
					? '  '
					: ` ${shortCount(candidate.count)}  `,
			tone: 'muted',
		});
	}

	return line;
}

function promptLines(state: AppState, width: number): Line[] {
	const label =
		workflowPromptLabel(state.mode) ??
		(state.mode === 'search-input'
			? '/'
			: state.mode === 'facets'
				? facetPromptLabel(state)
				: 'filter: ');
	// The cursor is the cell of the character it stands on (a space at the end).
	const caret = caretOf(state);
	const at = caretCell(state.draft.slice(caret));
	const labelWidth = stringWidth(label);
	const window = promptWindow(
		visible(state.draft.slice(0, caret)),
		visible(at) || ' ',
		visible(state.draft.slice(caret + at.length)),
		width - labelWidth,
	);
	const prompt: Segment[] = [
		{text: label, tone: 'heading'},
		...window.segments,
	];
	// The prompt's keys go on the right, as many as there is room for (each
	// is a pair of segments: the key, then its word).
	let keys =
		state.mode === 'facets'
			? [...facetTypingHint, ...reminder(state)]
			: reminder(state);
	const used = stringWidth(lineText(prompt));
	let room = width - used - stringWidth(lineText(keys));
	while (room < 2 && keys.length > 0) {
		keys = keys.slice(0, -2);
		room = width - used - stringWidth(lineText(keys));
	}

	const lines: Line[] = [
		keys.length > 0 ? [...prompt, {text: ' '.repeat(room)}, ...keys] : prompt,
	];
	const error = state.mode === 'filter-input' ? state.filterError : undefined;
	if (error) {
		const column = stringWidth(visible(state.draft.slice(0, error.position)));
		lines.push(
			errorLine(visible(error.message), column, labelWidth, window, width),
		);
	} else if (state.mode === 'filter-input' && state.completion) {
		lines.push(completionLine(state));
	}

	return lines;
}

/**
The bottom rows: one, or two when a filter error needs its caret or a Tab
lists its candidates.
*/
export function bottomLines(state: AppState, width: number): Line[] {
	if (
		state.mode === 'search-input' ||
		state.mode === 'filter-input' ||
		workflowPromptLabel(state.mode)
	) {
		return promptLines(state, width);
	}

	const question = workflowQuestion(state);
	if (question) {
		return [question];
	}

	if (state.message) {
		return [[{text: visible(state.message.text), tone: state.message.tone}]];
	}

	if (state.mode === 'facets') {
		return promptLines(state, width);
	}

	return [reminder(state)];
}

export function StatusLine({
	context,
	state,
	width,
	loading,
}: {
	context: AppContext;
	state: AppState;
	width: number;
	loading?: LoadingStatus | undefined;
}) {
	return (
		<LineText
			line={statusLine(context, state, loading)}
			width={width}
			style={{inverse: true}}
		/>
	);
}
