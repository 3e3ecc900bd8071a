import {test} from 'node:test';
import assert from 'node:assert/strict';
import {openDataset} from '../../source/pipeline.js';
import {parseFilter} from '../../source/query/filter.js';
import {caseFile} from '../helpers/paths.js';

/** The events of the case files that a filter keeps. */
async function filtered(files: string[], text: string) {
	const dataset = await openDataset(files.map((name) => caseFile(name)));
	const parsed = parseFilter(text);
	assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
	return dataset.events.filter((event) => parsed.filter.test(event));
}

test('BR-08: ip:203.0.113.0/24 keeps exactly the one event from an address', async () => {
	const kept = await filtered(['BR-08.json'], 'ip:203.0.113.0/24');
	assert.deepEqual(
		kept.map((e) => [e.principal.roleName, e.source.raw]),
		[['cfn-exec-role', '203.0.113.10']],
	);
});

test('BR-09: console:true keeps the two console calls', async () => {
	const kept = await filtered(['BR-09.json'], 'console:true');
	assert.deepEqual(
		kept.map((e) => e.eventName),
		['RunInstances', 'DescribeInstances'],
	);
});

test('BR-12: ip:203.0.113.20 keeps one event, and missing addresses do not match', async () => {
	const kept = await filtered(['BR-12.json'], 'ip:203.0.113.20');
	assert.deepEqual(
		kept.map((e) => e.eventName),
		['Decrypt'],
	);
});

test('BR-17: failed console logins from 198.51.100.50 are 2', async () => {
	const kept = await filtered(
		['BR-17.json'],
		'eventName=ConsoleLogin error ip=198.51.100.50',
	);
	assert.equal(kept.length, 2);
	assert.ok(kept.every((e) => e.outcome === 'error'));
});

test('BR-22: the time range before midnight keeps 1 event, in any time zone', async () => {
	const kept = await filtered(
		['BR-22.a.json', 'BR-22.b.json'],
		'time:2024-04-30T23:00Z..2024-05-01T00:00Z',
	);
	assert.deepEqual(
		kept.map((e) => e.timeText),
		['2024-04-30T23:58:10Z'],
	);
});
