import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {buildBaselines, type Baselines} from '../../source/detect/baselines.js';
import {parseUserAgent} from '../../source/normalise/user-agent.js';
import {openDataset} from '../../source/pipeline.js';
import {caseFile} from '../helpers/paths.js';

/**
What the bug-report cases say about baselines: missing values and AWS's own
markers never enter them, and every identity has its own.
*/

async function open(name: string): Promise<TrailEvent[]> {
	const {events} = await openDataset([caseFile(name)], {});
	return events;
}

function baselinesOf(events: readonly TrailEvent[]): Baselines {
	return buildBaselines(events, (ua) => {
		const info = parseUserAgent(ua);
		return info.os === undefined
			? {family: info.family}
			: {family: info.family, os: info.os};
	});
}

function addressesOf(baselines: Baselines, key: string | undefined): string[] {
	assert.ok(key, 'the event has a baseline key');
	const baseline = baselines.principals.get(key);
	assert.ok(baseline, `a baseline for ${key}`);
	return [...baseline.addresses.keys()].sort();
}

test('BR-09: AWS Internal is no address; the console session counts its IP', async () => {
	const events = await open('BR-09.json');
	assert.equal(events.length, 3);
	const [ecr, run, describe] = events;
	const baselines = baselinesOf(events);
	assert.equal(ecr?.source.kind, 'aws-internal');
	assert.deepEqual(addressesOf(baselines, ecr?.principal.baselineKey), []);
	assert.deepEqual(ecr?.flags, []);
	assert.deepEqual(addressesOf(baselines, run?.principal.baselineKey), [
		'198.51.100.7',
	]);
	assert.equal(run?.console, true);
	assert.equal(describe?.console, true);
});

test('BR-12: missing addresses and agents never become a deviation', async () => {
	const events = await open('BR-12.json');
	assert.equal(events.length, 3);
	const baselines = baselinesOf(events);
	const [query] = events;
	assert.equal(query?.source.kind, 'missing');
	const analyst = baselines.principals.get(query?.principal.baselineKey ?? '');
	assert.ok(analyst);
	assert.equal(analyst.addresses.size, 0);
	assert.equal(analyst.agents.size, 0);
	for (const event of events) {
		assert.deepEqual(
			event.flags.map((f) => f.id),
			[],
			`${event.eventName} must raise nothing`,
		);
	}
});

test('BR-13: each Identity Center user has a baseline of their own', async () => {
	const events = await open('BR-13.json');
	const byUser = (text: string) =>
		events.find((e) => e.principal.label.includes(text));
	const first = byUser('000000000001');
	const second = byUser('000000000002');
	const legacy = byUser('alice');
	const keys = new Set(events.map((e) => e.principal.baselineKey));
	assert.equal(keys.size, 3);
	const baselines = baselinesOf(events);
	assert.deepEqual(addressesOf(baselines, first?.principal.baselineKey), [
		'198.51.100.30',
	]);
	assert.deepEqual(addressesOf(baselines, second?.principal.baselineKey), [
		'203.0.113.40',
	]);
	assert.ok(legacy?.principal.baselineKey);
	for (const event of events) {
		assert.ok(
			!event.flags.some((f) => f.id === 'new-source-address'),
			`${event.principal.label} is not new to anyone else's baseline`,
		);
	}
});
