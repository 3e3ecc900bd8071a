import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ScreenStream} from '../../source/ui/screen-stream.js';
import {FakeOutput} from '../helpers/ui-streams.js';

function over(output: FakeOutput): ScreenStream {
	return new ScreenStream(output as unknown as NodeJS.WriteStream);
}

test('the screen stream passes writes and the size through until it is closed', () => {
	const output = new FakeOutput(80, 24);
	const screen = over(output);
	screen.write('frame 1');
	output.columns = 160;
	output.rows = 45;
	assert.equal(screen.columns, 160);
	assert.equal(screen.rows, 45);
	assert.equal(screen.isTTY, true);
	screen.close();
	screen.write('frame 2');
	assert.equal(output.written, 'frame 1');
	assert.equal(screen.writable, false);
});

test('the screen stream forwards resize events until it is closed', () => {
	const output = new FakeOutput();
	const screen = over(output);
	let resizes = 0;
	screen.on('resize', () => {
		resizes++;
	});
	output.emit('resize');
	screen.close();
	output.emit('resize');
	assert.equal(resizes, 1);
	assert.equal(output.listenerCount('resize'), 0);
});

test('a write dropped after closing still calls its callback', async () => {
	const screen = over(new FakeOutput());
	screen.close();
	await new Promise<void>((resolve) => {
		screen.write('late', () => {
			resolve();
		});
	});
});
