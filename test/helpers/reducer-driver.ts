import type {Dataset} from '../../source/core/types.js';
import {createAppContext} from '../../source/ui/app-context.js';
import {createAppReducer, type AppAction} from '../../source/ui/app-reducer.js';
import {initialState, type AppState} from '../../source/ui/app-state.js';
import type {KeyName} from '../../source/ui/keymap.js';

/**
The screen's reducer over a dataset, without a renderer: `run` applies
actions in turn and answers the state after them; `key` and `type` make
the actions of key presses.
*/
export function driveReducer(dataset: Dataset, rows = 30, columns = 100) {
	const context = createAppContext(dataset);
	const reducer = createAppReducer(context);
	let state = initialState(context, columns, rows);
	const run = (...actions: AppAction[]): AppState => {
		for (const action of actions) {
			state = reducer(state, action);
		}

		return state;
	};

	const key = (name: KeyName, text = name): AppAction => ({
		type: 'key-press',
		key: name,
		text,
	});
	const type = (text: string): AppAction[] =>
		[...text].map((character) => key(character));
	return {context, reducer, run, key, type, get: () => state};
}
