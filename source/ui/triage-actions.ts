import type {TrailEvent} from '../core/types.js';
import type {AppContext} from './app-context.js';
import {
	patch,
	selectedEvent,
	selectedFinding,
	settle,
	type AppState,
	type Scope,
} from './app-state.js';
import {
	asSeq,
	asViewIndex,
	indexOfSeq,
	seqsView,
	type ViewIndex,
} from './event-view.js';
import {settleFindings} from './findings-navigation.js';
import {clampScrolls} from './navigation.js';

/**
The triage view (F), a finding's events (Enter on a finding) and a
credential's story (s). Each opens on top of the screen it came from and
keeps that screen whole in `returnTo`, so Esc puts back the cursor, the
filter and the search exactly as they were.
*/

/** Goes back to the saved screen, at the terminal's current size. */
export function goBack(context: AppContext, state: AppState): AppState {
	const saved = state.returnTo;
	if (saved === undefined) {
		return patch(state, {mode: 'list', scope: undefined});
	}

	const resized = patch(saved, {
		columns: state.columns,
		rows: state.rows,
		message: undefined,
	});
	return clampScrolls(context, settleFindings(context, settle(resized)));
}

/** The triage view, its cursor on the selected event's finding if it has one. */
export function openFindings(context: AppContext, state: AppState): AppState {
	const event = selectedEvent(context, state);
	const finding = event ? context.findingOf.get(event.seq) : undefined;
	const row = finding ? context.findings.indexOf(finding) : 0;
	const opened: AppState = {
		...state,
		mode: 'findings',
		pane: 'table',
		returnTo: state,
		findingCursor: row,
		findingTop: 0,
		scroll: {...state.scroll, side: 0},
	};
	return settleFindings(
		context,
		context.findings.length === 0
			? patch(opened, {
					message: {tone: 'notice', text: 'No findings: no event is flagged'},
				})
			: opened,
	);
}

export function toggleFindings(context: AppContext, state: AppState): AppState {
	return state.mode === 'findings'
		? goBack(context, state)
		: openFindings(context, state);
}

/** Narrows the table to some events, on top of the current screen. */
function openScope(
	context: AppContext,
	state: AppState,
	mode: 'finding' | 'story',
	seqs: readonly number[],
	scope: Scope,
	selected?: TrailEvent,
): AppState {
	const view = seqsView(context.events, seqs);
	const row: ViewIndex =
		selected === undefined
			? asViewIndex(0)
			: (indexOfSeq(view, asSeq(selected.seq)) ?? asViewIndex(0));
	return settle({
		...state,
		mode,
		pane: 'table',
		returnTo: state,
		view,
		cursor: row,
		top: asViewIndex(0),
		search: undefined,
		filter: undefined,
		scope,
		scroll: {...state.scroll, side: 0},
	});
}

/** Enter on a finding: the table shows its events, its head the finding. */
export function openFinding(context: AppContext, state: AppState): AppState {
	const finding = selectedFinding(context, state);
	if (finding === undefined) {
		return state;
	}

	const size = `${finding.seqs.length} event${finding.seqs.length === 1 ? '' : 's'}`;
	return openScope(context, state, 'finding', finding.seqs, {
		kind: 'finding',
		head: [
			`${finding.id}  ${finding.severity.toUpperCase()}  ${finding.title} · ${size}`,
			finding.summary,
		],
		status: `finding ${finding.id}`,
	});
}

/**
s: the story of the selected event's credential (in the triage view, of the
finding's first event), with the cursor on that event.
*/
export function openStory(context: AppContext, state: AppState): AppState {
	const finding =
		state.mode === 'findings' ? selectedFinding(context, state) : undefined;
	const event =
		state.mode === 'findings'
			? finding && context.events[finding.seqs[0]!]
			: selectedEvent(context, state);
	if (event === undefined) {
		return state;
	}

	const story = context.story(event);
	if (story === undefined) {
		return patch(state, {
			message: {
				tone: 'warning',
				text: 'No credential to follow: an anonymous call, or AWS acting alone',
			},
		});
	}

	if (state.mode === 'story' && state.scope?.head[0] === story.header) {
		return patch(state, {
			message: {tone: 'notice', text: 'This is the story of this key already'},
		});
	}

	return openScope(
		context,
		state,
		'story',
		story.seqs,
		{kind: 'story', head: [story.header, story.details], status: 'story'},
		event,
	);
}
