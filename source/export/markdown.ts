import type {Finding, Flag, TrailEvent} from '../core/types.js';
import {sourceCell} from '../report/report-table.js';
import type {MarkMap} from '../investigate/marks.js';
import type {TimeWindow} from '../investigate/timeline.js';
import {codeSpan, mdText} from './markdown-text.js';

/**
The Markdown incident note: what was looked at (files, their time span, the
filter and the time window), the findings among the exported events with
the flags' own explanations and evidence (the words of the side panel, from
`source/detect/`), the marked events with their notes, and the counts. Every
log-derived value goes through `mdText` (or `codeSpan` for commands).
*/

export interface NoteInput {
	/** When the note is written (epoch milliseconds). */
	generatedAt: number;
	/** Every loaded event, in time order: their count and time span. */
	loaded: readonly TrailEvent[];
	/** The loaded files, absolute. */
	files: readonly string[];
	/** What was exported. */
	what: 'view' | 'marked';
	/** The exported events, in time order. */
	events: readonly TrailEvent[];
	/** The filter of the view, as typed. */
	filter?: string | undefined;
	/** The time window the view was zoomed to. */
	window?: TimeWindow | undefined;
	/** What else narrowed the view: `finding f2`, `story`. */
	scope?: string | undefined;
	/** Every finding of the load. */
	findings: readonly Finding[];
	marks: MarkMap;
}

/** Files listed one by one; the rest are counted. */
const listedFiles = 20;
/** Events listed under each finding; the rest are counted. */
const listedEvents = 20;

function utc(time: number): string {
	return Number.isFinite(time)
		? new Date(time)
				.toISOString()
				.replace('T', ' ')
				.replace(/\.\d+Z$/, '')
		: 'unknown time';
}

/** `2018-11-28 22:31:59 – 23:09:36 UTC`, the date once when it is one day. */
export function spanText(first: number, last: number): string {
	if (!Number.isFinite(first) || !Number.isFinite(last)) {
		return 'no readable time';
	}

	const from = utc(first);
	const to = utc(last);
	const end = from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to;
	return `${from} – ${end} UTC`;
}

/** The first and last readable time of events in time order. */
export function timeSpan(events: readonly TrailEvent[]): {
	first: number;
	last: number;
} {
	const first = events.find((event) => Number.isFinite(event.time));
	const last = events.findLast((event) => Number.isFinite(event.time));
	return {first: first?.time ?? Number.NaN, last: last?.time ?? Number.NaN};
}

function plural(n: number, noun: string): string {
	return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function scopeLines(input: NoteInput): string[] {
	const span = timeSpan(input.loaded);
	const lines = [
		`- Logs: ${plural(input.files.length, 'file')}, ${plural(input.loaded.length, 'event')}, ${spanText(span.first, span.last)}`,
	];
	for (const file of input.files.slice(0, listedFiles)) {
		lines.push(`  - ${mdText(file)}`);
	}

	if (input.files.length > listedFiles) {
		lines.push(
			`  - and ${plural(input.files.length - listedFiles, 'more file')}`,
		);
	}

	lines.push(
		`- Exported: ${input.what === 'marked' ? 'the marked events' : 'the events of the view'}`,
		`- Filter: ${input.filter ? codeSpan(input.filter) : 'none'}`,
	);
	if (input.window) {
		lines.push(
			`- Time window: ${spanText(input.window.from, input.window.to - 1)} (zoomed in)`,
		);
	}

	if (input.scope) {
		lines.push(`- View: ${mdText(input.scope)}`);
	}

	return lines;
}

function row(cells: readonly string[]): string {
	return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: string[][]): string[] {
	return [
		row(header),
		row(header.map(() => '---')),
		...rows.map((cells) => row(cells)),
	];
}

function bullets(title: string, items: readonly string[]): string[] {
	if (items.length === 0) {
		return [];
	}

	return [
		'',
		`${title}:`,
		'',
		...items.map((item) => `- ${commandItem(item)}`),
	];
}

/**
An item of "next steps": a sentence that may end in an AWS CLI command,
which goes in a code span so it reads (and copies) as a whole.
*/
function commandItem(item: string): string {
	const command = /^(.*?):\s+(aws\s.*)$/s.exec(item);
	if (command !== null) {
		return `${mdText(command[1])}: ${codeSpan(command[2]!)}`;
	}

	return /^aws\s/.test(item) ? codeSpan(item) : mdText(item);
}

function flagSection(flag: Flag): string[] {
	return [
		'',
		`#### ${flag.severity.toUpperCase()} · ${mdText(flag.title)} (${mdText(flag.id)})`,
		'',
		mdText(flag.why),
		...bullets('Evidence', flag.evidence),
		...bullets('Normal', flag.normal ?? []),
		...bullets('Next', flag.next),
	];
}

function eventRow(event: TrailEvent): string[] {
	return [
		mdText(event.timeText),
		mdText(event.eventName),
		mdText(event.principal.label),
		mdText(sourceCell(event.source)),
		mdText(event.flags.map((flag) => flag.id).join(', ')),
	];
}

function findingSection(finding: Finding, events: TrailEvent[]): string[] {
	const key = finding.accessKeyId ? `, key ${mdText(finding.accessKeyId)}` : '';
	const lines = [
		'',
		`### ${mdText(finding.id)} · ${finding.severity.toUpperCase()} · ${mdText(finding.title)}`,
		'',
		mdText(finding.summary),
		'',
		`${events.length} of its ${plural(finding.seqs.length, 'event')} exported; by ${mdText(finding.identity)}${key}.`,
		'',
		...table(
			['Time (UTC)', 'API', 'Principal', 'Address', 'Flags'],
			events.slice(0, listedEvents).map((event) => eventRow(event)),
		),
	];
	if (events.length > listedEvents) {
		lines.push(
			'',
			`And ${plural(events.length - listedEvents, 'more event')}.`,
		);
	}

	// The flags as the first exported event carries them, so the evidence
	// speaks of an event in the note, not of the finding's first event.
	const first = events[0]?.flags ?? [];
	for (const flag of finding.flags) {
		lines.push(...flagSection(first.find((own) => own.id === flag.id) ?? flag));
	}

	return lines;
}

function markRows(input: NoteInput): string[][] {
	return input.events
		.filter((event) => input.marks.has(event.seq))
		.map((event) => [
			mdText(event.timeText),
			mdText(event.principal.label),
			mdText(`${event.eventName} (${event.eventSource})`),
			mdText(sourceCell(event.source)),
			mdText(event.userAgent),
			mdText(event.eventId),
			mdText(input.marks.get(event.seq)?.note),
		]);
}

/** The note, as Markdown text. */
export function incidentNote(input: NoteInput): string {
	const exported = new Map(input.events.map((event) => [event.seq, event]));
	const findings = input.findings
		.map((finding) => ({
			finding,
			events: finding.seqs
				.map((seq) => exported.get(seq))
				.filter((event) => event !== undefined),
		}))
		.filter(({events}) => events.length > 0);
	const flagged = input.events.filter((event) => event.flags.length > 0);
	const marked = markRows(input);
	const lines = [
		'# Incident note: CloudTrail events',
		'',
		`Written by trailtui on ${utc(input.generatedAt)} UTC.`,
		'',
		'## Scope',
		'',
		...scopeLines(input),
		'',
		'## Counts',
		'',
		...table(
			['What', 'Count'],
			[
				['Events loaded', String(input.loaded.length)],
				['Events exported', String(input.events.length)],
				['Flagged among them', String(flagged.length)],
				['Findings among them', String(findings.length)],
				['Marked among them', String(marked.length)],
			],
		),
		'',
		'## Findings',
	];
	if (findings.length === 0) {
		lines.push('', 'No exported event is flagged.');
	}

	for (const {finding, events} of findings) {
		lines.push(...findingSection(finding, events));
	}

	lines.push('', '## Marked events', '');
	if (marked.length === 0) {
		lines.push('No exported event is marked.');
	} else {
		lines.push(
			...table(
				[
					'Time (UTC)',
					'Principal',
					'API',
					'Address',
					'User agent',
					'eventID',
					'Note',
				],
				marked,
			),
		);
	}

	return lines.join('\n') + '\n';
}
