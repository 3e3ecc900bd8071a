import {
	barOf,
	bucketOf,
	sizeLabel,
	type Timeline,
	type TimeWindow,
} from '../investigate/timeline.js';
import type {AppContext} from './app-context.js';
import {selectedEvent, type AppState} from './app-state.js';
import type {Line, Segment} from './lines.js';
import {activeZoom, timelineOf, timelineShown} from './timeline-view.js';
import type {Tone} from './theme.js';

/**
The timeline's three rows over the table: a bar per time bucket (the peak
bucket full height), a row of marks (`!` under buckets holding flagged
events, `▲` under the selected event's), and a label with the span, the
bucket size and the peak. Colours repeat the marks: flagged buckets red,
the selected bucket highlighted.
*/

function utc(time: number): string {
	return new Date(time).toISOString().replace('T', ' ').slice(0, 19);
}

/**
A span as a label writes it: seconds only when buckets are finer than a
minute, the end's date only when it differs from the start's.
*/
export function spanLabel(window: TimeWindow, withSeconds: boolean): string {
	const cut = withSeconds ? 19 : 16;
	const from = utc(window.from).slice(0, cut);
	const to = utc(window.to).slice(0, cut);
	const end = from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to;
	return `${from}–${end} UTC`;
}

function plural(n: number, noun: string): string {
	return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function labelLine(timeline: Timeline, selected: number | undefined): Line {
	const span = spanLabel(
		{from: timeline.from, to: timeline.to},
		timeline.size < 60_000,
	);
	const parts = [
		span,
		`${sizeLabel(timeline.size)} buckets`,
		`peak ${timeline.peak.toLocaleString('en-US')}`,
	];
	if (selected !== undefined) {
		const flagged = timeline.flagged[selected]!;
		parts.push(
			`▲ ${plural(timeline.counts[selected]!, 'event')}${flagged > 0 ? `, ${flagged} flagged` : ''}`,
		);
	}

	if (timeline.undated > 0) {
		parts.push(`${plural(timeline.undated, 'event')} without a time`);
	}

	return [{text: ` ${parts.join(' · ')}`, tone: 'muted'}];
}

/** The three rows for a timeline across `width` cells. */
export function renderTimeline(
	timeline: Timeline,
	selected: number | undefined,
	width: number,
): Line[] {
	const buckets = timeline.counts.length;
	if (buckets === 0) {
		return [
			[{text: ' No event of this view has a readable time', tone: 'muted'}],
			[],
			[],
		];
	}

	const cells = Math.max(Math.floor((width - 2) / buckets), 1);
	const bars: Segment[] = [{text: ' '}];
	const marks: Segment[] = [{text: ' '}];
	for (let bucket = 0; bucket < buckets; bucket++) {
		const flagged = timeline.flagged[bucket]! > 0;
		const isSelected = bucket === selected;
		const tone: Tone | undefined = isSelected
			? 'match'
			: flagged
				? 'severity-high'
				: undefined;
		bars.push({
			text: barOf(timeline.counts[bucket]!, timeline.peak).repeat(cells),
			tone,
		});
		const mark = isSelected ? '▲' : flagged ? '!' : ' ';
		marks.push({
			text: mark + ' '.repeat(cells - 1),
			tone: flagged ? 'severity-high' : isSelected ? 'focus' : undefined,
		});
	}

	return [bars, marks, labelLine(timeline, selected)];
}

/** The timeline rows of the screen: none when it is hidden. */
export function timelineLines(
	context: AppContext,
	state: AppState,
	width: number,
): Line[] {
	if (!timelineShown(state)) {
		return [];
	}

	const timeline = timelineOf(
		context.events,
		state.view,
		width,
		activeZoom(state),
	);
	const event = selectedEvent(context, state);
	const selected =
		event && Number.isFinite(event.time)
			? bucketOf(timeline, event.time)
			: undefined;
	return renderTimeline(timeline, selected, width);
}
