import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type {TrailEvent} from '../../source/core/types.js';
import {
	exactClause,
	pivotChoices,
	pivotTarget,
	type PivotId,
} from '../../source/investigate/pivot.js';
import {parseUserAgent} from '../../source/normalise/user-agent.js';
import {parseFilter} from '../../source/query/filter.js';
import {openDataset} from '../../source/pipeline.js';
import {hostileNames, writeHostileTrail} from '../helpers/hostile-names.js';
import {makeEvents} from '../helpers/make-event.js';
import {openFlaws2} from '../helpers/ui-samples.js';

const ids: readonly PivotId[] = [
	'principal',
	'role',
	'address',
	'key',
	'session',
	'agent',
];

/** What each pivot follows, compared directly (no filter involved). */
const sameValue: Record<PivotId, (a: TrailEvent, b: TrailEvent) => boolean> = {
	principal: (a, b) => a.principal.label === b.principal.label,
	role: (a, b) => a.principal.roleName === b.principal.roleName,
	address: (a, b) =>
		a.source.ip === undefined
			? b.source.ip === undefined &&
				a.source.raw?.toLowerCase() === b.source.raw?.toLowerCase()
			: a.source.ip === b.source.ip,
	key: (a, b) => a.principal.accessKeyId === b.principal.accessKeyId,
	session: (a, b) => a.principal.sessionName === b.principal.sessionName,
	agent(a, b) {
		const mine = parseUserAgent(a.userAgent).product;
		return mine === undefined
			? a.userAgent?.toLowerCase() === b.userAgent?.toLowerCase()
			: mine.toLowerCase() ===
					parseUserAgent(b.userAgent).product?.toLowerCase();
	},
};

/** Checks every pivot of every event: the clause keeps exactly its peers. */
function checkAll(events: readonly TrailEvent[]): number {
	let checked = 0;
	for (const event of events) {
		for (const id of ids) {
			const target = pivotTarget(event, id);
			if (typeof target === 'string') {
				continue;
			}

			const {text, wrong} = exactClause(events, target);
			const parsed = parseFilter(text);
			assert.ok(parsed.ok, text);
			const matched = events.filter((other) => parsed.filter.test(other));
			const peers = events.filter((other) => sameValue[id](event, other));
			assert.deepEqual(
				matched.map((other) => other.seq),
				peers.map((other) => other.seq),
				`${id} of event ${event.seq}: ${text}`,
			);
			assert.equal(wrong, 0, text);
			checked++;
		}
	}

	return checked;
}

let flaws2: TrailEvent[];

before(async () => {
	flaws2 = (await openFlaws2()).events;
});

test('every pivot of every flaws2 event matches exactly the events sharing the value', () => {
	assert.ok(checkAll(flaws2) > 100);
});

test('every pivot of hostile names is exact, a real ESC apart from a written one', async () => {
	const file = writeHostileTrail();
	const events = (await openDataset([file])).events;
	fs.rmSync(path.dirname(file), {recursive: true, force: true});
	assert.ok(checkAll(events) > 20);
	// Issue 5, item 1: the label was escaped, so both names had one label.
	const real = events.find(
		(event) => event.principal.userName === hostileNames.realEscape,
	)!;
	const target = pivotTarget(real, 'principal');
	assert.ok(typeof target !== 'string');
	const {text} = exactClause(events, target);
	const parsed = parseFilter(text);
	assert.ok(parsed.ok);
	const users = new Set(
		events
			.filter((event) => parsed.filter.test(event))
			.map((event) => event.principal.userName),
	);
	assert.deepEqual([...users], [hostileNames.realEscape]);
});

test('the pivots of the level3 ListBuckets call', () => {
	const event = flaws2.find((e) => e.eventName === 'ListBuckets')!;
	assert.deepEqual(
		pivotChoices(event).map((choice) => [choice.key, choice.clause]),
		[
			[
				'p',
				'principal="role level3 (session d190d14a-2404-45d6-9113-4eda22d7f2c7)"',
			],
			['r', 'role=level3'],
			['a', 'ip=104.102.221.250'],
			['k', 'key=ASIAZQNB3KHGNXWXBSJS'],
			['s', 'session=d190d14a-2404-45d6-9113-4eda22d7f2c7'],
			['u', 'ua~aws-cli'],
		],
	);
});

test('an anonymous call offers no key, role or session, and says why', () => {
	const event = flaws2.find((e) => e.principal.label === 'anonymous')!;
	const choices = pivotChoices(event);
	const unavailable = Object.fromEntries(
		choices
			.filter((choice) => choice.unavailable)
			.map((choice) => [choice.id, choice.unavailable]),
	);
	assert.deepEqual(unavailable, {
		role: 'not a role: no role name in this event',
		key: 'no access key in this event',
		session: 'no role session in this event',
	});
	assert.equal(
		choices.find((choice) => choice.id === 'agent')?.clause,
		'ua~Mozilla',
	);
});

// Names that collide: a session named like a user, keys and agents that
// contain one another, a service name in another case, a garbage address.
const tricky = makeEvents([
	{user: 'alice', ip: '203.0.113.9', key: 'AKIAALICE'},
	{role: 'admin', session: 'alice', ip: '203.0.113.9', key: 'ASIAADMIN'},
	{user: 'bob', role: undefined, ip: 'ec2.amazonaws.com'},
	{user: 'bob', ip: 'EC2.amazonaws.com'},
	{user: 'carol', ip: 'not an address'},
	{user: 'carol', ip: 'not an address at all'},
	{user: 'dave', ip: '2001:db8::1'},
	{user: 'dave', ip: '2001:0db8:0:0:0:0:0:1'},
	{user: 'erin', ua: 'aws-sdk-go/1.44.0 (go1.20; linux; amd64)'},
	{user: 'erin', ua: 'aws-sdk-go-v2/1.21.0 os/linux lang/go#1.20'},
	{user: 'frank', ua: 'Boto3/1.28.0 Python/3.11 Linux/6 Botocore/1.31.0'},
	{user: 'frank', ua: 'Botocore/1.31.0 Python/3.11 Linux/6'},
	{user: 'gina', ua: 'my-own-tool 1.0'},
	{user: 'gina', ua: 'MY-OWN-TOOL 1.0'},
	{user: 'gina', ua: ''},
	{role: 'alice', session: 'x', key: 'ASIAROLE'},
]);

test('a pivot narrows its clause where the plain one would catch other events', () => {
	const alice = tricky[0]!;
	const principal = pivotTarget(alice, 'principal');
	assert.ok(typeof principal !== 'string');
	// principal=alice also matches the session and the role named alice.
	assert.deepEqual(exactClause(tricky, principal), {
		text: 'principal=alice and !session=alice and !role=alice',
		wrong: 0,
	});

	const go = pivotTarget(tricky[8]!, 'agent');
	assert.ok(typeof go !== 'string');
	assert.deepEqual(exactClause(tricky, go), {
		text: 'ua~aws-sdk-go and !ua~aws-sdk-go-v2',
		wrong: 0,
	});

	const botocore = pivotTarget(tricky[11]!, 'agent');
	assert.ok(typeof botocore !== 'string');
	assert.deepEqual(exactClause(tricky, botocore), {
		// The default agent, aws-cli's, names botocore too.
		text: 'ua~Botocore and !ua~aws-cli and !ua~Boto3',
		wrong: 0,
	});
});

test('every pivot of made-up events with colliding names matches exactly its peers', () => {
	assert.ok(checkAll(tricky) > 40);
});

test('more spellings than are left out one by one: the value whole, in its case', () => {
	const spellings = [
		'AKIAEXAMPLE',
		'akiaexample',
		'Akiaexample',
		'aKiaexample',
	];
	const events = makeEvents(
		[...spellings, 'akIaexample', 'akiAexample'].map((key, index) => ({
			user: `u${index}`,
			key,
		})),
	);
	const target = pivotTarget(events[0]!, 'key');
	assert.ok(typeof target !== 'string');
	assert.deepEqual(exactClause(events, target), {
		text: 'key=/^AKIAEXAMPLE$/',
		wrong: 0,
	});
});

test('a clause the filter cannot narrow is kept, and says how far off it is', () => {
	// bob's own events differ in a session named bob, as does alice's call.
	const events = makeEvents([{user: 'bob'}, {user: 'bob'}, {user: 'alice'}]);
	events[0]!.principal = {...events[0]!.principal, sessionName: 'bob'};
	events[2]!.principal = {...events[2]!.principal, sessionName: 'bob'};
	const target = pivotTarget(events[1]!, 'principal');
	assert.ok(typeof target !== 'string');
	assert.deepEqual(exactClause(events, target), {
		text: 'principal=bob',
		wrong: 1,
	});
});

// Issue 5: sources that are no address, and names that hold one another.
const sources = makeEvents([
	{user: 'a', ip: 'not-an-ip'},
	{user: 'b', ip: 'NOT-AN-IP'},
	{user: 'c', ip: 'not-an-ip-2'},
	{user: 'd', ip: 'xnot-an-ip'},
	{user: 'e', ip: '(x)'},
	{user: 'f', ip: '(x)(x)'},
	{user: 'g', ip: 'AWS Internal'},
	{user: 'h', ip: 'apigateway.amazonaws.com'},
	{user: 'i', ip: 'apigateway.amazonaws.com.evil'},
	{user: 'j', ip: 'not an address'},
	{user: 'k', ip: 'x"/\u001B[31m'},
]);

test('an address pivot on a source that is no address matches the whole text', () => {
	const clauses = sources.map((event) => {
		const target = pivotTarget(event, 'address');
		assert.ok(typeof target !== 'string');
		const exact = exactClause(sources, target);
		// Exact with its first clause: no text is matched as a part.
		assert.deepEqual(exact, {text: target.clause, wrong: 0});
		return exact.text;
	});
	assert.deepEqual(clauses, [
		'ip=/^not-an-ip$/i',
		'ip=/^NOT-AN-IP$/i',
		'ip=/^not-an-ip-2$/i',
		'ip=/^xnot-an-ip$/i',
		'ip=/^\\(x\\)$/i',
		'ip=/^\\(x\\)\\(x\\)$/i',
		'ip="AWS Internal"',
		'ip=apigateway.amazonaws.com',
		'ip=apigateway.amazonaws.com.evil',
		'ip=/^not an address$/i',
		'ip=/^x\\x22\\/\\x1b\\[31m$/i',
	]);
	assert.ok(checkAll(sources) > 30);
});

test('a key, role or session differing only in case is left out by its exact spelling', () => {
	const events = makeEvents([
		{role: 'Admin', session: 'Bob', key: 'ASIAEXAMPLE'},
		{role: 'admin', session: 'bob', key: 'asiaexample'},
		{role: 'ADMIN', session: 'BOB', key: 'ASIAexample'},
	]);
	const exact = (id: PivotId) => {
		const target = pivotTarget(events[0]!, id);
		assert.ok(typeof target !== 'string');
		return exactClause(events, target);
	};

	assert.deepEqual(exact('key'), {
		text: 'key=ASIAEXAMPLE and !key=/^asiaexample$/ and !key=/^ASIAexample$/',
		wrong: 0,
	});
	assert.deepEqual(exact('role'), {
		text: 'role=Admin and !role=/^admin$/ and !role=/^ADMIN$/',
		wrong: 0,
	});
	assert.equal(exact('session').wrong, 0);
	assert.equal(exact('principal').wrong, 0);
	assert.ok(checkAll(events) > 10);
});
