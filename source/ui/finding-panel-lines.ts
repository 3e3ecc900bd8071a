import {shown} from '../core/safe-text.js';
import type {Finding} from '../core/types.js';
import {wrappedLines, type Line} from './lines.js';
import {flagHeading, flagLines} from './side-panel-lines.js';
import {severityTone} from './theme.js';

/**
The side panel of the triage view: what one finding is (its title, the
calls it holds, who made them, from where and when), then each of its
flags explained as the event's panel explains them, from the finding's
first event that carries the flag.
*/

function plural(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function build(finding: Finding, width: number): Line[] {
	const {flags} = finding;
	const size = plural(finding.seqs.length, 'event');
	const key = finding.accessKeyId ? ` · key ${finding.accessKeyId}` : '';
	const lines: Line[] = [
		[
			{text: `${finding.id}  `, tone: 'muted'},
			{
				text: finding.severity.toUpperCase().padEnd(9),
				tone: severityTone(finding.severity),
			},
			{text: shown(finding.title), tone: 'heading'},
		],
		...wrappedLines(finding.summary, width),
		...wrappedLines(`${size} · ${shown(finding.identity)}${key}`, width, {
			tone: 'muted',
		}),
		[
			{
				text: 'Enter lists the events · s tells the story of the key',
				tone: 'muted',
			},
		],
		[],
		[
			{
				text: `${plural(flags.length, 'red flag')}:`,
				tone: 'heading',
			},
		],
	];
	for (const flag of flags) {
		lines.push([{text: '  '}, ...flagHeading(flag)]);
	}

	for (const [index, flag] of flags.entries()) {
		lines.push(...flagLines(flag, index, flags.length, width));
	}

	return lines;
}

let cache: {finding: Finding; width: number; lines: Line[]} | undefined;

/** The panel's lines for a finding (kept for the last one asked for). */
export function findingPanelLines(
	finding: Finding | undefined,
	width: number,
): Line[] {
	if (finding === undefined) {
		return [[{text: 'No findings: no event is flagged.', tone: 'muted'}]];
	}

	if (cache?.finding !== finding || cache.width !== width) {
		cache = {finding, width, lines: build(finding, width)};
	}

	return cache.lines;
}
