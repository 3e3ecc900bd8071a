import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {gzipSync} from 'node:zlib';
import {loadRecords} from '../../source/load/load-records.js';
import {caseFile} from '../helpers/paths.js';
import {type Scratch, makeScratch} from './scratch.js';

let scratch: Scratch;
let template: Record<string, unknown>;
before(async () => {
	scratch = await makeScratch();
	const text = await readFile(caseFile('BR-23.template.json'), 'utf8');
	template = (JSON.parse(text) as {Records: Array<Record<string, unknown>>})
		.Records[0]!;
});
after(async () => {
	await scratch.cleanup();
});

const copy = <T>(value: T): T => structuredClone(value);
const pad = (value: number, width: number) =>
	String(value).padStart(width, '0');

/** One RunInstances event of about 660 KB, as BR-23 generates it. */
function bigEvent(): Record<string, unknown> {
	const big = copy(template);
	const items = Array.from({length: 500}, (_, i) => ({
		instanceId: `i-0example${pad(i, 8)}`,
		privateIpAddress: `10.0.${Math.floor(i / 250)}.${i % 250}`,
		tagSet: {items: [{key: 'Name', value: `bulk-${i}-${'x'.repeat(1200)}`}]},
	}));
	items[499]!.instanceId = 'i-0exampleNEEDLE';
	const response = big['responseElements'] as {instancesSet: {items: unknown}};
	response.instancesSet.items = items;
	return big;
}

test('BR-23: one event of 660 KB on one line loads whole', async () => {
	const text = JSON.stringify({Records: [bigEvent()]});
	assert.ok(text.length > 600_000);
	const file = await scratch.write('big/big-event.json', text);
	const {records, summary} = await loadRecords([file]);
	assert.equal(records.length, 1);
	assert.deepEqual(summary.problems, []);
	assert.ok(JSON.stringify(records[0]!.record).includes('i-0exampleNEEDLE'));
});

test('BR-23: 50,000 events on one 61 MB line load plain and gzipped', async () => {
	const events = Array.from({length: 50_000}, (_, i) => {
		const event = copy(template);
		event['eventID'] = `00000000-0000-4000-8000-${pad(100_000 + i, 12)}`;
		const [hours, minutes, seconds] = [
			Math.floor(i / 3600) % 24,
			Math.floor(i / 60) % 60,
			i % 60,
		].map((part) => pad(part, 2));
		event['eventTime'] = `2024-05-01T${hours}:${minutes}:${seconds}Z`;
		return event;
	});
	const text = JSON.stringify({Records: events});
	assert.ok(text.length > 50_000_000, 'the file is as large as the case');
	await scratch.write('many/many-events.json', text);
	await scratch.write('many-gz/many-events.json.gz', gzipSync(text));
	const progress: number[] = [];
	for (const folder of ['many', 'many-gz']) {
		const {records, summary} = await loadRecords([`${scratch.dir}/${folder}`], {
			onProgress: (step) => progress.push(step.filesDone),
		});
		assert.equal(records.length, 50_000, folder);
		assert.equal(summary.events, 50_000);
		assert.deepEqual(summary.problems, []);
		assert.equal(records.at(-1)!.index, 49_999);
	}

	assert.deepEqual(progress, [0, 1, 0, 1]);
});
