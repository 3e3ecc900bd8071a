import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {createAppContext} from '../../source/ui/app-context.js';
import {createAppReducer} from '../../source/ui/app-reducer.js';
import {initialState} from '../../source/ui/app-state.js';
import {facetPageRows} from '../../source/ui/facets-actions.js';
import {summaryTableRows} from '../../source/ui/summary-actions.js';
import {sequenceDataset} from '../helpers/ui-dataset.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf} from '../helpers/ui-render.js';

afterEach(() => {
	cleanup();
});

test('a resize keeps the summary cursor and the picker cursor in their windows', () => {
	const context = createAppContext(sequenceDataset(100));
	const reducer = createAppReducer(context);
	const press = (state: ReturnType<typeof initialState>, key: string) =>
		reducer(state, {type: 'key-press', key, text: key});
	let state = press(press(initialState(context, 100, 40), 'S'), 'G');
	assert.equal(state.summary?.cursor, 99);
	state = reducer(state, {type: 'resize', columns: 60, rows: 12});
	const rows = summaryTableRows(state);
	const {cursor, top} = state.summary!;
	assert.ok(cursor >= top && cursor < top + rows, `${top} ${cursor} ${rows}`);

	let picker = press(press(initialState(context, 100, 40), 'v'), 'enter');
	picker = press(picker, 'pagedown');
	picker = press(picker, 'pagedown');
	picker = reducer(picker, {type: 'resize', columns: 60, rows: 8});
	const facet = picker.facet!;
	const page = facetPageRows(picker);
	assert.ok(facet.cursor > 0);
	assert.ok(
		facet.cursor >= facet.top && facet.cursor < facet.top + page,
		`${facet.top} ${facet.cursor} ${page}`,
	);
});

for (const [columns, rows] of [
	[20, 5],
	[40, 10],
] as const) {
	test(`the picker, the menu and the summary stay inside a ${columns}×${rows} terminal`, async () => {
		const app = await renderApp(sequenceDataset(30), {columns, rows});
		const fits = (frame: string): boolean => {
			const lines = rowsOf(frame);
			return (
				lines.length <= rows - 1 &&
				lines.every((line) => stringWidth(line) <= columns)
			);
		};

		for (const sequence of [
			['v'],
			[keys.enter],
			[keys.escape, keys.escape, 'o'],
			[keys.escape, 'S'],
			['2', 'G'],
		]) {
			const frame = await press(app, sequence, () => true);
			assert.ok(fits(frame), `${sequence.join(' ')}:\n${frame}`);
		}
	});
}
