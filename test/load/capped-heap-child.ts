import process from 'node:process';
import {loadRecords} from '../../source/load/load-records.js';
import {openDataset} from '../../source/pipeline.js';

/**
Run by capped-heap.test.ts in a process of its own: `store DIR` opens the
folder with the real pipeline and prints what it found; `objects DIR` loads
the same records as parsed objects and prints the heap they take.
*/

const [mode, dir] = process.argv.slice(2);
const gc = (globalThis as {gc?: () => void}).gc;
if (mode === 'objects') {
	const {records} = await loadRecords([dir!]);
	gc?.();
	process.stdout.write(
		`${JSON.stringify({records: records.length, heap: process.memoryUsage().heapUsed})}\n`,
	);
} else {
	const dataset = await openDataset([dir!]);
	const theft = dataset.events.filter(
		(event) =>
			event.source.ip === '203.0.113.77' && event.eventName === 'ListBuckets',
	);
	gc?.();
	process.stdout.write(
		`${JSON.stringify({
			events: dataset.events.length,
			flagged: dataset.events.filter((event) => event.flags.length > 0).length,
			findings: dataset.findings?.length ?? 0,
			theftFlags: theft.flatMap((event) => event.flags.map((flag) => flag.id)),
			lastRecordTime: dataset.events.at(-1)?.record['eventTime'],
			heap: process.memoryUsage().heapUsed,
		})}\n`,
	);
}
