/**
The bytes a terminal sends for each key, in one place for every screen test.
*/
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	// What most terminals send for Backspace.
	backspace: '\u007F',
	space: ' ',
	ctrlB: '\u0002',
	ctrlC: '\u0003',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
} as const;
