import {bucketOf, bucketWindow} from '../investigate/timeline.js';
import type {AppContext} from './app-context.js';
import {patch, selectedEvent, type AppState} from './app-state.js';
import {withView} from './query-actions.js';
import {activeZoom, timelineOf, zoomedView} from './timeline-view.js';

/**
`z` and `Z`: the list narrowed to the selected event's time bucket, one
level at a time, together with the filter. The windows are a stack; `Z`
(or Esc once the search and the filter are gone) pops one.
*/

function note(state: AppState, text: string): AppState {
	return patch(state, {message: {tone: 'notice', text}});
}

export function zoomIn(context: AppContext, state: AppState): AppState {
	const event = selectedEvent(context, state);
	if (event === undefined) {
		return note(state, 'No event to zoom into');
	}

	if (!Number.isFinite(event.time)) {
		return note(state, 'This event has no readable time to zoom into');
	}

	const current = activeZoom(state);
	const timeline = timelineOf(
		context.events,
		state.view,
		state.columns,
		current,
	);
	const bucket = bucketOf(timeline, event.time);
	if (bucket === undefined) {
		return state;
	}

	const window = bucketWindow(timeline, bucket);
	if (current && window.from === current.from && window.to === current.to) {
		return note(state, 'Zoomed in as far as it goes (1-second buckets)');
	}

	const zoom = [...state.zoom, window];
	return withView(
		context,
		{...state, zoom},
		zoomedView(context, state.filter?.test, window),
		state.filter,
	);
}

export function zoomOut(context: AppContext, state: AppState): AppState {
	if (state.zoom.length === 0) {
		return note(state, "Not zoomed in: z zooms into the event's time bucket");
	}

	const zoom = state.zoom.slice(0, -1);
	return withView(
		context,
		{...state, zoom},
		zoomedView(context, state.filter?.test, zoom.at(-1)),
		state.filter,
	);
}
