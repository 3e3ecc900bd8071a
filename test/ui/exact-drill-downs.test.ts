import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {makeDataset} from '../helpers/ui-dataset.js';
import {makeEvents} from '../helpers/make-event.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp} from '../helpers/ui-render.js';

/**
Issue 5: values that differ only in case. The filter's `=` ignores case, so
`principal=AND` alone would also list the one event of `and`; a pick, a
leave-out and a drill-down must each give exactly the events counted.
*/

const dataset = makeDataset(
	makeEvents([
		{time: '2024-05-01T10:00:00Z', user: 'and'},
		{time: '2024-05-01T10:01:00Z', user: 'AND'},
		{time: '2024-05-01T10:02:00Z', user: 'AND'},
		{time: '2024-05-01T10:03:00Z', user: 'AND'},
		{time: '2024-05-01T10:04:00Z', user: 'AND'},
		{time: '2024-05-01T10:05:00Z', user: 'bob'},
		{time: '2024-05-01T10:06:00Z', user: 'bob'},
	]),
);

const size = {columns: 100, rows: 30};

afterEach(() => {
	cleanup();
});

async function principalValues(): Promise<ReturnType<typeof renderApp>> {
	const app = await renderApp(dataset, size);
	await press(app, ['v', 'principal', keys.enter], (plain) =>
		plain.includes('Values of principal · 3 distinct in 7 events'),
	);
	return app;
}

test('picking a value that differs from another only in case lists its events alone', async () => {
	const app = await principalValues();
	const many = await press(app, keys.enter, (plain) =>
		plain.includes('4/7 events'),
	);
	assert.match(many, /filter principal=AND and !principal=\/\^and\$\//);
	await press(app, keys.escape, (plain) => plain.includes(' 7 events · '));
});

test('picking the rarer spelling lists its one event', async () => {
	const app = await principalValues();
	const frame = await press(app, [keys.down, keys.down, keys.enter], (plain) =>
		plain.includes('1/7 events'),
	);
	assert.match(frame, /filter principal=and and !principal=\/\^AND\$\//);
});

test('leaving a value out with ! leaves out only its events', async () => {
	const app = await principalValues();
	await press(app, '!', (plain) => plain.includes('3/7 events'));
});

test('a summary row of one spelling drills down to its events alone', async () => {
	const app = await renderApp(dataset, size);
	await press(app, 'S', (plain) =>
		plain.includes('Summary by principal · 3 groups in 7 events'),
	);
	await press(app, keys.enter, (plain) => plain.includes('4/7 events'));
	await press(app, keys.escape, (plain) => plain.includes('Summary by'));
	await press(app, ['G', keys.enter], (plain) => plain.includes('1/7 events'));
});
