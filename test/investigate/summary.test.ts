import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {groupClause} from '../../source/investigate/group-clause.js';
import {
	addressClass,
	groupEvents,
	groupings,
	defaultDirection,
	sortGroups,
	type Group,
	type GroupingId,
} from '../../source/investigate/summary.js';
import {parseFilter} from '../../source/query/filter.js';
import {makeFlag} from '../helpers/ui-dataset.js';
import {makeEvents} from '../helpers/make-event.js';
import {openFlaws2} from '../helpers/ui-samples.js';

const events = makeEvents([
	{time: '2024-05-01T10:00:00Z', user: 'alice', ip: '203.0.113.9'},
	{time: '2024-05-01T10:05:00Z', user: 'alice', ip: '10.0.0.5'},
	{
		time: '2024-05-01T09:00:00Z',
		user: 'bob',
		ip: '198.51.100.7',
		aws: {service: 'EC2'},
		errorCode: 'AccessDenied',
	},
	{time: '2024-05-01T11:00:00Z', user: 'alice', ip: 'ec2.amazonaws.com'},
	{time: 'garbage', user: 'carol', ip: null},
]);
events[1]!.flags = [makeFlag('high', 'Something')];
events[3]!.flags = [makeFlag('low', 'Other')];

function byValue(groups: Group[]): Record<string, Omit<Group, 'key' | 'seq'>> {
	return Object.fromEntries(
		groups.map(({key: _key, seq: _seq, ...rest}) => [
			rest.missing ? '(none)' : rest.value,
			rest,
		]),
	);
}

test('groups count events and flagged events, with first and last seen', () => {
	const groups = byValue(groupEvents(events, 'principal'));
	assert.deepEqual(groups['alice'], {
		value: 'alice',
		missing: false,
		events: 3,
		flagged: 2,
		first: Date.parse('2024-05-01T10:00:00Z'),
		last: Date.parse('2024-05-01T11:00:00Z'),
	});
	assert.equal(groups['bob']?.events, 1);
	assert.equal(groups['bob']?.first, groups['bob']?.last);
	// An event without a readable time counts, but has no first or last.
	assert.equal(groups['carol']?.events, 1);
	assert.ok(Number.isNaN(groups['carol']?.first));
});

test('addresses carry their class; events without one form a group of their own', () => {
	const groups = byValue(groupEvents(events, 'address'));
	assert.deepEqual(
		Object.fromEntries(
			Object.entries(groups).map(([value, group]) => [
				value,
				group.addressClass,
			]),
		),
		{
			'203.0.113.9': 'external',
			'10.0.0.5': 'private',
			'198.51.100.7': 'AWS',
			'ec2.amazonaws.com': 'AWS service',
			'(none)': '—',
		},
	);
	assert.equal(groups['(none)']?.missing, true);
	assert.equal(
		addressClass({kind: 'aws-internal', raw: 'AWS Internal'}),
		'AWS internal',
	);
});

test('errors, regions, APIs and clients group by their values', () => {
	assert.deepEqual(
		sortGroups(groupEvents(events, 'error'), 'value').map((g) => [
			g.value,
			g.events,
			g.missing,
		]),
		[
			['AccessDenied', 1, false],
			['', 4, true],
		],
	);
	assert.deepEqual(
		groupEvents(events, 'api').map((g) => [g.value, g.events]),
		[['s3:ListBuckets', 5]],
	);
	assert.deepEqual(
		groupEvents(events, 'agent').map((g) => [g.value, g.events]),
		[['aws-cli', 5]],
	);
	assert.deepEqual(
		groupEvents(events, 'region').map((g) => [g.value, g.events]),
		[['us-east-1', 5]],
	);
});

test('each column starts in its most useful order, ↓ descending and ↑ ascending', () => {
	const groups = groupEvents(events, 'principal');
	const names = (sorted: Group[]) => sorted.map((g) => g.value);
	assert.deepEqual(defaultDirection, {
		events: 'descending',
		flagged: 'descending',
		first: 'ascending',
		last: 'descending',
		value: 'ascending',
	});
	assert.deepEqual(names(sortGroups(groups, 'events')), [
		'alice',
		'bob',
		'carol',
	]);
	assert.deepEqual(names(sortGroups(groups, 'flagged')), [
		'alice',
		'bob',
		'carol',
	]);
	// The earliest first; a group without a time last.
	assert.deepEqual(names(sortGroups(groups, 'first')), [
		'bob',
		'alice',
		'carol',
	]);
	// The latest first.
	assert.deepEqual(names(sortGroups(groups, 'last')), [
		'alice',
		'bob',
		'carol',
	]);
	assert.deepEqual(names(sortGroups(groups, 'value')), [
		'alice',
		'bob',
		'carol',
	]);
});

test('turned round, a column sorts the other way; ties and missing values stay put', () => {
	const groups = groupEvents(events, 'principal');
	const names = (sorted: Group[]) => sorted.map((g) => g.value);
	assert.deepEqual(names(sortGroups(groups, 'value', 'descending')), [
		'carol',
		'bob',
		'alice',
	]);
	// Fewest first; bob and carol tie at one event and stay A to Z.
	assert.deepEqual(names(sortGroups(groups, 'events', 'ascending')), [
		'bob',
		'carol',
		'alice',
	]);
	// The latest first seen first; carol has no time and stays last.
	assert.deepEqual(names(sortGroups(groups, 'first', 'descending')), [
		'alice',
		'bob',
		'carol',
	]);
	assert.deepEqual(names(sortGroups(groups, 'last', 'ascending')), [
		'bob',
		'alice',
		'carol',
	]);
	const errors = groupEvents(events, 'error');
	// The events without a value stay last whichever way.
	assert.deepEqual(
		sortGroups(errors, 'value', 'descending').map((g) => g.missing),
		[false, true],
	);
});

let flaws2: TrailEvent[];

before(async () => {
	flaws2 = (await openFlaws2()).events;
});

test('flaws2 by address: the attacker, the Lambda in AWS, and AWS services', () => {
	const rows = sortGroups(groupEvents(flaws2, 'address'), 'events').map((g) => [
		g.value,
		g.addressClass,
		g.events,
		g.flagged,
		new Date(g.first).toISOString().slice(11, 19),
		new Date(g.last).toISOString().slice(11, 19),
	]);
	assert.deepEqual(rows, [
		['104.102.221.250', 'external', 27, 5, '23:02:56', '23:09:36'],
		['34.234.236.212', 'AWS', 5, 0, '23:03:12', '23:03:50'],
		['apigateway.amazonaws.com', 'AWS service', 2, 0, '23:03:13', '23:03:20'],
		['ecs-tasks.amazonaws.com', 'AWS service', 2, 0, '22:31:59', '22:31:59'],
		['lambda.amazonaws.com', 'AWS service', 1, 0, '23:03:12', '23:03:12'],
	]);
});

test('flaws2: the groups of every grouping add up, and agree with a direct count', () => {
	for (const {id} of groupings) {
		const groups = groupEvents(flaws2, id);
		assert.equal(
			groups.reduce((sum, g) => sum + g.events, 0),
			flaws2.length,
			id,
		);
		assert.equal(
			groups.reduce((sum, g) => sum + g.flagged, 0),
			flaws2.filter((e) => e.flags.length > 0).length,
			id,
		);
	}
});

// Issue 5: spellings that differ only in case, sources that are no
// address, and names that hold one another.
const tricky = makeEvents([
	{user: 'and'},
	{user: 'AND', key: 'AKIAEXAMPLE'},
	{user: 'AND', key: 'akiaexample'},
	{user: 'AND', errorCode: 'AccessDenied'},
	{user: 'AND', errorCode: 'accessdenied'},
	{user: 'x', ip: 'not-an-ip'},
	{user: 'x', ip: 'not-an-ip-2'},
	{user: 'x', ip: 'NOT-AN-IP'},
	{user: 'x', ip: '(x)'},
	{user: 'x', ip: 'AWS Internal'},
	{user: 'x', ip: 'apigateway.amazonaws.com'},
	{user: 'x', ip: 'apigateway.amazonaws.com.evil'},
	{user: 'x', eventSource: 's3.amazonaws.com.amazonaws.com'},
	{role: 'and', session: 'AND'},
]);

test("a group's drill-down clause matches exactly its events, on flaws2 and made-up events", () => {
	for (const list of [flaws2, events, tricky]) {
		for (const {id} of groupings) {
			for (const group of groupEvents(list, id)) {
				const {text, wrong} = groupClause(list, id, group);
				const parsed = parseFilter(text);
				assert.ok(parsed.ok, text);
				const matched = list.filter((e) => parsed.filter.test(e)).length;
				assert.equal(matched, group.events, `${id} ${text}`);
				assert.equal(wrong, 0, `${id} ${text}`);
			}
		}
	}

	const clause = (list: TrailEvent[], id: GroupingId, value: string) =>
		groupClause(
			list,
			id,
			groupEvents(list, id).find((g) =>
				value === '' ? g.missing : g.value === value,
			)!,
		).text;
	assert.equal(clause(events, 'error', 'AccessDenied'), 'error=AccessDenied');
	assert.equal(clause(events, 'error', ''), '!error~""');
	assert.equal(
		clause(events, 'api', 's3:ListBuckets'),
		'service=s3.amazonaws.com and eventName=ListBuckets',
	);
	assert.equal(
		clause(tricky, 'principal', 'and'),
		'principal=and and !principal=/^AND$/ and !session=and',
	);
	assert.equal(clause(tricky, 'address', 'not-an-ip'), 'ip=/^not-an-ip$/i');
	assert.equal(clause(tricky, 'address', '(x)'), 'ip=/^\\(x\\)$/i');
	assert.equal(
		clause(tricky, 'address', 'apigateway.amazonaws.com'),
		'ip=apigateway.amazonaws.com',
	);
});

test('a drill-down narrowed within the view it was counted in', () => {
	// In a view of the AND calls alone, nothing else needs leaving out.
	const view = tricky.filter((e) => e.principal.userName === 'AND');
	const group = groupEvents(view, 'principal')[0]!;
	assert.deepEqual(groupClause(tricky, 'principal', group, view), {
		text: 'principal=AND',
		wrong: 0,
	});
});
