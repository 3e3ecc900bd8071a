import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lineText} from '../../source/ui/lines.js';
import {flagLines} from '../../source/ui/side-panel-lines.js';
import {tableColumns} from '../../source/ui/table-columns.js';
import {makeFlag} from '../helpers/ui-dataset.js';

function widthOf(columns: ReturnType<typeof tableColumns>, id: string): number {
	return columns.find((column) => column.id === id)?.width ?? 0;
}

test('in a narrow table Event and Principal keep 8 cells; the region gives way first', () => {
	for (const width of [50, 55, 60]) {
		const columns = tableColumns(width, 'time');
		assert.ok(widthOf(columns, 'name') >= 8, `Event at ${width}`);
		assert.ok(widthOf(columns, 'principal') >= 8, `Principal at ${width}`);
		assert.ok(widthOf(columns, 'region') < 9, `Region at ${width}`);
	}
});

test("a flag's full heading wraps its long title instead of cutting it", () => {
	const title =
		'Workload credentials used from outside AWS by a person on a laptop far away';
	const lines = flagLines(makeFlag('high', title), 2, 3, 50).map(lineText);
	const heading = lines.slice(1, 4);
	assert.ok(heading[0]!.startsWith('Flag 3/3  HIGH'));
	assert.ok(lines.every((line) => line.length <= 50));
	assert.equal(
		heading
			.map((line) => line.slice('Flag 3/3  HIGH     '.length))
			.join(' ')
			.replace(/ {2,}/g, ' ')
			.trim()
			.startsWith(title),
		true,
	);
});
