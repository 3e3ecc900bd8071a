import {shown, truncate} from '../core/safe-text.js';
import type {Flag, TrailEvent} from '../core/types.js';
import {sourceLabel} from '../normalise/source-address.js';
import {wrappedLines, type Line, type Segment} from './lines.js';
import {severityTone, type Tone} from './theme.js';

/**
The side panel's text for one event: a line per red flag first (so the
reason to look is visible even in a short panel), then the key facts, then
each flag in full: why it matters, the evidence, what is normal, what to
check next.
*/

/** Rows a long user agent may take in the panel; the detail view has all. */
const userAgentRows = 3;

const factLabel = 11;
const factHang = ' '.repeat(factLabel);

function fact(label: string, value: string, width: number): Line[] {
	return wrappedLines(value, width, {
		lead: {text: label, tone: 'label'},
		hang: factHang,
	});
}

function outcomeText(event: TrailEvent): string {
	if (event.outcome === 'success') {
		return 'success';
	}

	const detail = [event.errorCode, event.errorMessage]
		.filter((part) => part !== undefined && part !== '')
		.join(': ');
	return detail === '' ? event.outcome : `${event.outcome} (${detail})`;
}

function userAgentLines(event: TrailEvent, width: number): Line[] {
	const lines = fact('User agent', shown(event.userAgent), width);
	if (lines.length <= userAgentRows) {
		return lines;
	}

	const kept = lines.slice(0, userAgentRows);
	const last = kept[userAgentRows - 1]!;
	const text = last[1]?.text ?? '';
	kept[userAgentRows - 1] = [
		last[0]!,
		{text: truncate(`${text}…`, width - factLabel)},
	];
	return kept;
}

/** `HIGH` and the title, in the severity's colour. */
export function flagHeading(flag: Flag): Segment[] {
	const tone: Tone = severityTone(flag.severity);
	return [
		{text: flag.severity.toUpperCase().padEnd(9), tone},
		{text: shown(flag.title), tone: 'heading'},
	];
}

/**
An item of "next steps" is often a sentence ending in a command. The command
goes on rows of its own, so a short one is never split and reads (and
copies) as a whole.
*/
function itemLines(item: string, width: number): Line[] {
	const bullet = {lead: {text: '    • '}, hang: '      '};
	const command = /^(.*?):\s+(aws\s.*)$/s.exec(item);
	if (command === null) {
		const tone: Tone | undefined = /^aws\s/.test(item) ? 'command' : undefined;
		return wrappedLines(item, width, {...bullet, tone});
	}

	return [
		...wrappedLines(`${command[1]}:`, width, bullet),
		...wrappedLines(command[2]!, width, {hang: '      ', tone: 'command'}),
	];
}

function bullets(
	title: string,
	items: readonly string[],
	width: number,
): Line[] {
	if (items.length === 0) {
		return [];
	}

	const lines: Line[] = [[{text: `  ${title}`, tone: 'label'}]];
	for (const item of items) {
		lines.push(...itemLines(item, width));
	}

	return lines;
}

/** One flag in full: heading, why, evidence, normal, next. */
export function flagLines(
	flag: Flag,
	index: number,
	total: number,
	width: number,
): Line[] {
	return [
		[],
		[
			{text: `Flag ${index + 1}/${total}  `, tone: 'muted'},
			...flagHeading(flag),
		],
		[{text: '  Why', tone: 'label'}],
		...wrappedLines(flag.why, width, {hang: '    '}),
		...bullets('Evidence', flag.evidence, width),
		...bullets('Normal', flag.normal ?? [], width),
		...bullets('Next', flag.next, width),
	];
}

function build(event: TrailEvent, width: number): Line[] {
	const lines: Line[] = [
		[
			{text: shown(event.eventName), tone: 'title'},
			{
				text: `  ${shown(event.eventSource)}  ${shown(event.timeText)}`,
				tone: 'muted',
			},
		],
	];

	const {flags} = event;
	if (flags.length === 0) {
		lines.push([{text: 'No red flags on this event.', tone: 'muted'}]);
	} else {
		lines.push([
			{
				text: `${flags.length} red flag${flags.length === 1 ? '' : 's'}:`,
				tone: 'heading',
			},
		]);
		for (const flag of flags) {
			lines.push([{text: '  '}, ...flagHeading(flag)]);
		}
	}

	lines.push(
		[],
		...fact('Principal', shown(event.principal.label), width),
		...fact('Source', shown(sourceLabel(event.source)), width),
		...userAgentLines(event, width),
		...fact('Key', shown(event.principal.accessKeyId), width),
		...fact('Outcome', outcomeText(event), width),
		...fact('Region', shown(event.region), width),
	);

	for (const [index, flag] of flags.entries()) {
		lines.push(...flagLines(flag, index, flags.length, width));
	}

	return lines;
}

let cache: {event: TrailEvent; width: number; lines: Line[]} | undefined;

/**
The panel's lines, unfitted (the view fits each to the width). The last
result is kept because the reducer and the view ask for the same event's
lines several times per keypress.
*/
export function sidePanelLines(
	event: TrailEvent | undefined,
	width: number,
): Line[] {
	if (event === undefined) {
		return [[{text: 'No event selected.', tone: 'muted'}]];
	}

	if (cache?.event !== event || cache.width !== width) {
		cache = {event, width, lines: build(event, width)};
	}

	return cache.lines;
}
