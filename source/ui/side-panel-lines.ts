import stringWidth from 'string-width';
import {shown, truncate} from '../core/safe-text.js';
import type {Flag, TrailEvent} from '../core/types.js';
import {sourceLabel} from '../normalise/source-address.js';
import {
	lineText,
	wrapText,
	wrappedLines,
	type Line,
	type Segment,
} from './lines.js';
import {severityTone, type Tone} from './theme.js';

/**
The side panel's text for one event: a line per red flag first (so the
reason to look is visible even in a short panel), then the key facts, then
each flag in full: why it matters, the evidence, what is normal, what to
check next.
*/

/** Rows a long user agent may take in the panel; the detail view has all. */
const userAgentRows = 3;

/**
Characters of one field the panel wraps. A 2 MB user name would otherwise
be wrapped into tens of thousands of rows on every selection; the detail
view (Enter) shows the whole record.
*/
export const fieldLimit = 2000;

/** The first `fieldLimit` characters of a field, and how many were left out. */
export function capped(text: string): string {
	if (text.length <= fieldLimit) {
		return text;
	}

	// Never cut between the two halves of a surrogate pair.
	const last = text.charCodeAt(fieldLimit - 1);
	const end = last >= 0xd8_00 && last <= 0xdb_ff ? fieldLimit - 1 : fieldLimit;
	const rest = text.length - end;
	return `${text.slice(0, end)}… (${rest} more characters: Enter shows the whole record)`;
}

const factLabel = 11;
const factHang = ' '.repeat(factLabel);

function fact(label: string, value: string, width: number): Line[] {
	return wrappedLines(capped(value), width, {
		lead: {text: label, tone: 'label'},
		hang: factHang,
	});
}

function outcomeText(event: TrailEvent): string {
	if (event.outcome === 'success') {
		return 'success';
	}

	// A failed console sign-in has no errorCode: it is a failure, not a
	// service error (BR-17).
	const word =
		event.eventName === 'ConsoleLogin' && event.outcome === 'error'
			? 'failure'
			: event.outcome;

	const detail = [event.errorCode, event.errorMessage]
		.filter((part) => part !== undefined && part !== '')
		.join(': ');
	return detail === '' ? word : `${word} (${detail})`;
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
function itemLines(whole: string, width: number): Line[] {
	const item = capped(whole);
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

/**
`Flag 3/3  HIGH     <title>`, the title wrapped under itself: a long title
is read in full here, where the flag is explained.
*/
function flagTitleLines(flag: Flag, counter: string, width: number): Line[] {
	const [severity, title] = flagHeading(flag) as [Segment, Segment];
	const head: Segment[] = [{text: counter, tone: 'muted'}, severity];
	const indent = ' '.repeat(stringWidth(lineText(head)));
	return wrapText(title.text, Math.max(width - indent.length, 8)).map(
		(row, index): Line => [
			...(index === 0 ? head : [{text: indent}]),
			{text: row, tone: title.tone},
		],
	);
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
		...flagTitleLines(flag, `Flag ${index + 1}/${total}  `, width),
		[{text: '  Why', tone: 'label'}],
		...wrappedLines(capped(flag.why), width, {hang: '    '}),
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
		...(event.console ? fact('Session', 'console session', width) : []),
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
