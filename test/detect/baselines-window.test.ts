import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {firstOf} from '../../source/detect/baselines.js';
import {detect} from '../../source/detect/detect.js';
import {createRuleContext} from '../../source/detect/rule-context.js';
import {makeEvents, type EventSpec} from '../helpers/make-event.js';

/**
The learning window (`--baseline-until`): events before it teach what is
normal and are never deviations; events from it on are judged against what
was learned, and do not extend it. Without it, nothing changes.
*/

const until = Date.parse('2024-05-01T10:30:00Z');
const alice: EventSpec = {
	user: 'alice',
	key: 'AKIAEXAMPLEALICE001',
	eventName: 'PutObject',
};
const home = '203.0.113.10';
const office = '198.51.100.7';
const elsewhere = '192.0.2.55';

/** Alice works from home and the office inside the window, then goes on. */
function aliceDay(): TrailEvent[] {
	return makeEvents([
		{...alice, time: '2024-05-01T10:00:00Z', ip: home},
		{...alice, time: '2024-05-01T10:05:00Z', ip: office},
		{...alice, time: '2024-05-01T11:00:00Z', ip: office},
		{...alice, time: '2024-05-01T11:05:00Z', ip: elsewhere},
		{...alice, time: '2024-05-01T11:10:00Z', ip: elsewhere},
	]);
}

function newAddress(events: TrailEvent[]): string[] {
	return events
		.filter((e) => e.flags.some((f) => f.id === 'new-source-address'))
		.map((e) => `${e.timeText} ${e.source.ip ?? ''}`);
}

test('without a window the first address is the expected one', () => {
	const events = aliceDay();
	detect(events, {});
	assert.deepEqual(newAddress(events), [
		`2024-05-01T10:05:00Z ${office}`,
		`2024-05-01T11:00:00Z ${office}`,
		`2024-05-01T11:05:00Z ${elsewhere}`,
		`2024-05-01T11:10:00Z ${elsewhere}`,
	]);
});

test('an address seen inside the window is normal, one first seen after it is new', () => {
	const events = aliceDay();
	detect(events, {baselineUntil: until});
	assert.deepEqual(newAddress(events), [
		`2024-05-01T11:05:00Z ${elsewhere}`,
		`2024-05-01T11:10:00Z ${elsewhere}`,
	]);
	const flag = events[3]?.flags.find((f) => f.id === 'new-source-address');
	assert.ok(
		flag?.evidence.some((line) =>
			line.startsWith(`alice was first seen from ${home}`),
		),
		flag?.evidence.join('\n'),
	);
});

test('an event at the very end of the window is judged, one before it learns', () => {
	const [before, at] = makeEvents([
		{...alice, time: '2024-05-01T10:29:59Z'},
		{...alice, time: '2024-05-01T10:30:00Z'},
	]);
	const context = createRuleContext([before!, at!], {baselineUntil: until});
	assert.equal(context.learning(before!), true);
	assert.equal(context.learning(at!), false);
	assert.equal(context.baselineUntil, until);
	const broken = {...at!, time: Number.NaN};
	assert.equal(context.learning(broken), false);
});

test('without a window nothing is learning and every event shares one context', () => {
	const events = aliceDay();
	const context = createRuleContext(events);
	assert.equal(context.baselineUntil, undefined);
	for (const event of events) {
		assert.equal(context.learning(event), false);
		assert.equal(context.forEvent(event), context);
	}
});

test('a judged event sees the learned baseline, its own learned place first', () => {
	const events = aliceDay();
	const context = createRuleContext(events, {baselineUntil: until});
	const key = events[0]!.principal.baselineKey!;
	const view = (event: TrailEvent) =>
		context.forEvent(event).baselines.principals.get(key)!;

	const fromOffice = view(events[2]!);
	assert.deepEqual([...fromOffice.addresses.keys()], [office, home]);
	assert.equal(firstOf(fromOffice.addresses)?.address, office);
	assert.equal(fromOffice.events, 2, 'judged events do not extend it');

	const fromElsewhere = view(events[3]!);
	assert.deepEqual(
		[...fromElsewhere.addresses.keys()],
		[home, office, elsewhere],
	);
	const sighting = fromElsewhere.addresses.get(elsewhere);
	assert.equal(sighting?.firstTime, Date.parse('2024-05-01T11:05:00Z'));
	assert.equal(sighting?.count, 2);
	assert.equal(fromElsewhere.addresses.size, 3);

	assert.deepEqual(
		[...context.baselines.principals.get(key)!.addresses.keys()],
		[home, office],
	);
});

test('a learning event is never a deviation: its own place comes first', () => {
	const events = aliceDay();
	const context = createRuleContext(events, {baselineUntil: until});
	const key = events[0]!.principal.baselineKey!;
	const view = context.forEvent(events[1]!).baselines.principals.get(key)!;
	assert.equal(firstOf(view.addresses)?.address, office);
});

test('a principal is compared by network: a learned /24 is normal', () => {
	const events = makeEvents([
		{...alice, time: '2024-05-01T10:00:00Z', ip: '203.0.113.10'},
		{...alice, time: '2024-05-01T11:00:00Z', ip: '203.0.113.99'},
	]);
	detect(events, {baselineUntil: until});
	assert.deepEqual(newAddress(events), []);
});

test('a key first used after the window is judged as without one', () => {
	const role = {role: 'app', session: 'laptop', eventName: 'PutObject'};
	const events = makeEvents([
		{
			...role,
			key: 'ASIAEXAMPLEOLD00001',
			ip: home,
			time: '2024-05-01T10:00:00Z',
		},
		{
			...role,
			key: 'ASIAEXAMPLENEW00001',
			ip: home,
			time: '2024-05-01T11:00:00Z',
		},
		{
			...role,
			key: 'ASIAEXAMPLENEW00001',
			ip: '203.0.113.77',
			time: '2024-05-01T11:01:00Z',
		},
	]);
	detect(events, {baselineUntil: until});
	assert.deepEqual(newAddress(events), ['2024-05-01T11:01:00Z 203.0.113.77']);
	const flag = events[2]?.flags.find((f) => f.id === 'new-source-address');
	assert.match(
		flag?.evidence.join('\n') ?? '',
		/temporary key ASIAEXAMPLENEW00001 .*first seen from 203\.0\.113\.10/,
	);
});

test('an identity the window never saw learns from its first use', () => {
	const events = makeEvents([
		{
			user: 'bob',
			eventName: 'PutObject',
			ip: home,
			time: '2024-05-01T11:00:00Z',
		},
		{
			user: 'bob',
			eventName: 'PutObject',
			ip: elsewhere,
			time: '2024-05-01T11:01:00Z',
		},
	]);
	detect(events, {baselineUntil: until});
	assert.deepEqual(newAddress(events), [`2024-05-01T11:01:00Z ${elsewhere}`]);
});

test('a baseline view is read-only', () => {
	const events = aliceDay();
	const context = createRuleContext(events, {baselineUntil: until});
	const view = context.forEvent(events[3]!).baselines.principals;
	assert.throws(() => view.delete('anything'), TypeError);
});
