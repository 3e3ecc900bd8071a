import type {Severity} from '../core/types.js';

/**
The screen's colours by meaning. Components ask for a tone ("heading",
"high", "match"), never for a colour name, so changing the palette or adding
a monochrome theme touches this file only.
*/

/** The Ink Text props a tone may set. */
export interface TextStyle {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
	underline?: boolean;
}

export type Tone =
	| 'plain'
	| 'muted'
	| 'heading'
	| 'label'
	| 'command'
	| 'error'
	| 'warning'
	| 'notice'
	| 'match'
	| 'title'
	| 'focus'
	| 'hint-aws'
	| 'hint-external'
	| 'hint-private'
	| 'hint-service'
	| `severity-${Severity}`;

export const tones: Record<Tone, TextStyle> = {
	plain: {},
	muted: {dimColor: true},
	heading: {bold: true},
	label: {color: 'cyan'},
	command: {color: 'green'},
	error: {color: 'red', bold: true},
	warning: {color: 'yellow'},
	notice: {color: 'cyan'},
	match: {color: 'black', backgroundColor: 'yellow'},
	title: {bold: true, color: 'blue'},
	focus: {bold: true, color: 'cyan'},
	'hint-aws': {color: 'green'},
	'hint-external': {color: 'yellow', bold: true},
	'hint-private': {color: 'cyan'},
	'hint-service': {color: 'blue'},
	'severity-critical': {color: 'magenta', bold: true},
	'severity-high': {color: 'red', bold: true},
	'severity-medium': {color: 'yellow', bold: true},
	'severity-low': {color: 'cyan'},
	'severity-info': {dimColor: true},
};

/** The marker of the table's flag column, widest first: 3 cells. */
export const severityMarker: Record<Severity, string> = {
	critical: '!!!',
	high: '!! ',
	medium: '!  ',
	low: '·  ',
	info: '·  ',
};

export function severityTone(severity: Severity): Tone {
	return `severity-${severity}`;
}

/** The tone of `sourceHint`'s tag: outside AWS stands out. */
export function hintTone(hint: string): Tone {
	switch (hint) {
		case 'AWS':
			return 'hint-aws';
		case 'ext':
			return 'hint-external';
		case 'priv':
			return 'hint-private';
		case 'svc':
		case 'int':
			return 'hint-service';
		default:
			return 'muted';
	}
}
