import type {AppState} from './app-state.js';
import {patch} from './app-state.js';

/**
The note a pivot, a picked value or a drill-down leaves when its filter
could not be made exact: how many events it gets wrong, and why.
*/
export function offBy(state: AppState, wrong: number, what: string): AppState {
	if (wrong === 0 || state.mode !== 'list') {
		return state;
	}

	const events = `${wrong} event${wrong === 1 ? '' : 's'}`;
	return patch(state, {
		message: {
			tone: 'notice',
			text: `This filter is off by ${events}: their ${what} differs only in case or in a name the filter also compares`,
		},
	});
}
