import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Flag, Severity, TrailEvent} from '../../source/core/types.js';
import {
	buildFindings,
	findingBySeq,
	findingGap,
	findingsOf,
	spanOf,
} from '../../source/detect/findings.js';
import {openDataset} from '../../source/pipeline.js';
import {makeEvents, type EventSpec} from '../helpers/make-event.js';
import {fixture, sample} from '../helpers/paths.js';

function flag(id: string, severity: Severity, evidence = `${id} here`): Flag {
	return {
		id,
		severity,
		title: `Title of ${id}`,
		why: `Why ${id}.`,
		evidence: [evidence],
		next: [],
	};
}

/** Events at the given minutes after 10:00, with the spec's other fields. */
function atMinutes(minutes: number[], spec: EventSpec = {}): TrailEvent[] {
	return makeEvents(
		minutes.map((minute) => ({
			...spec,
			time: new Date(Date.UTC(2024, 4, 1, 10, minute)).toISOString(),
		})),
	);
}

/**
Flags every event with copies of the flags whose evidence names the event's
time, as a one-event flag's does; `group` keeps the line the same for all,
as a flag that judges a group of events words it.
*/
function flagAll(
	events: TrailEvent[],
	...flags: Array<Flag | 'group'>
): TrailEvent[] {
	const group = flags.includes('group');
	for (const event of events) {
		event.flags = flags
			.filter((f) => f !== 'group')
			.map((f) => ({
				...f,
				evidence: [
					group ? f.evidence[0]! : `${f.evidence[0]} at ${event.timeText}`,
				],
			}));
	}

	return events;
}

/** Numbers events of several lists as one time-ordered load. */
function load(...lists: TrailEvent[][]): TrailEvent[] {
	const events = lists.flat().sort((a, b) => a.time - b.time);
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	return events;
}

const key = (n: number) => `ASIAEXAMPLE${String(n).padStart(9, '0')}`;

test('a burst of twenty calls by one key reads as one finding with twenty events', () => {
	const events = flagAll(
		atMinutes(
			Array.from({length: 20}, (_, i) => i),
			{role: 'app', key: key(1)},
		),
		flag('recon', 'high'),
	);
	const findings = buildFindings(load(events));
	assert.equal(findings.length, 1);
	assert.equal(findings[0]!.id, 'f1');
	assert.equal(findings[0]!.seqs.length, 20);
	assert.equal(findings[0]!.accessKeyId, key(1));
	assert.equal(findings[0]!.identity, 'role app');
});

test('calls join while each comes within 30 minutes of the one before', () => {
	const chained = flagAll(
		atMinutes([0, 25, 50], {key: key(1)}),
		flag('a', 'low'),
	);
	assert.equal(buildFindings(load(chained)).length, 1);
	const apart = flagAll(atMinutes([0, 31], {key: key(1)}), flag('a', 'low'));
	assert.equal(findingGap, 30 * 60 * 1000);
	assert.deepEqual(
		buildFindings(load(apart)).map((f) => f.seqs),
		[[0], [1]],
	);
});

test('the same flag on two keys, or two flags on one key, make separate findings', () => {
	const first = flagAll(atMinutes([0, 1], {key: key(1)}), flag('a', 'low'));
	const second = flagAll(atMinutes([2, 3], {key: key(2)}), flag('a', 'low'));
	const other = flagAll(atMinutes([4], {key: key(1)}), flag('b', 'low'));
	const findings = buildFindings(load(first, second, other));
	assert.equal(findings.length, 3);
	assert.deepEqual(
		findings.map((f) => f.seqs.length),
		[2, 2, 1],
	);
});

test('without a key, calls join by principal, and anonymous ones by address', () => {
	const alice = flagAll(atMinutes([0, 5], {user: 'alice'}), flag('a', 'low'));
	const strangers = flagAll(
		[
			...atMinutes([1], {type: 'AWSAccount', ip: '198.51.100.7'}),
			...atMinutes([2], {type: 'AWSAccount', ip: '198.51.100.7'}),
			...atMinutes([3], {type: 'AWSAccount', ip: '198.51.100.8'}),
		],
		flag('a', 'low'),
	);
	for (const event of strangers) {
		delete event.principal.baselineKey;
		event.principal.label = 'anonymous';
	}

	const findings = buildFindings(load(alice, strangers));
	assert.deepEqual(
		findings.map((f) => [f.identity, f.seqs.length]),
		[
			['alice', 2],
			['anonymous', 2],
			['anonymous', 1],
		],
	);
});

test('a group flag with the same first evidence line joins several users into one finding', () => {
	const line =
		'Sign-ins failed for 3 users from 198.51.100.7 within 4 minutes.';
	const spray = ['ann', 'bob', 'cy'].map((user, minute) =>
		flagAll(
			atMinutes([minute], {user}),
			flag('spray', 'medium', line),
			'group',
		),
	);
	const findings = buildFindings(load(...spray));
	assert.equal(findings.length, 1);
	assert.equal(findings[0]!.identity, 'ann and 2 more');
	assert.equal(findings[0]!.accessKeyId, undefined);
});

test('an event joins the finding of its most severe flag, the rarest among equals, and brings its other flags', () => {
	// Every call carries the actor's "tool" flag; one also deletes a trail.
	const calls = flagAll(
		atMinutes([0, 1, 2, 3], {key: key(1)}),
		flag('tool', 'medium'),
	);
	calls[2]!.flags.push(flag('tamper', 'medium'));
	calls[3]!.flags.unshift(flag('worse', 'high'));
	const findings = buildFindings(load(calls));
	const byFlag = new Map(findings.map((f) => [f.flagId, f]));
	assert.deepEqual(byFlag.get('tool')?.seqs, [0, 1]);
	assert.deepEqual(byFlag.get('tamper')?.seqs, [2]);
	assert.deepEqual(byFlag.get('tamper')?.flagIds, ['tool', 'tamper']);
	assert.deepEqual(byFlag.get('worse')?.flagIds, ['worse', 'tool']);
	// Every flagged event is in exactly one finding.
	assert.equal(findingBySeq(findings).size, 4);
});

test('findings rank by severity, then by the weight of distinct flags, then by size', () => {
	const big = flagAll(atMinutes([0, 1, 2], {key: key(1)}), flag('m', 'medium'));
	const heavy = flagAll(
		atMinutes([3], {key: key(2)}),
		flag('h1', 'high'),
		flag('h2', 'high'),
	);
	const light = flagAll(
		atMinutes([4, 5, 6, 7], {key: key(3)}),
		flag('h1', 'high'),
	);
	const lone = flagAll(atMinutes([8], {key: key(4)}), flag('m', 'medium'));
	const findings = buildFindings(load(big, heavy, light, lone));
	assert.deepEqual(
		findings.map((f) => [f.id, f.severity, f.identity, f.seqs.length]),
		[
			['f1', 'high', 'alice', 1],
			['f2', 'high', 'alice', 4],
			['f3', 'medium', 'alice', 3],
			['f4', 'medium', 'alice', 1],
		],
	);
	assert.equal(findings[0]!.title, 'Title of h2');
});

test('the summary names the calls, who, from where and when', () => {
	const names = [
		'ListObjects',
		'ListImages',
		'BatchGetImage',
		'ListImages',
		'GetDownloadUrlForLayer',
	];
	const events = makeEvents(
		names.map((eventName, i) => ({
			eventName,
			time: `2018-11-28T23:0${4 + i}:54Z`,
			role: 'level1',
			session: 'level1',
			key: key(9),
			ip: '104.102.221.250',
		})),
	);
	const [finding] = buildFindings(load(flagAll(events, flag('w', 'high'))));
	assert.equal(
		finding!.summary,
		'ListObjects, ListImages and 2 more by role level1 from 104.102.221.250, 23:04:54–23:08:54',
	);
	assert.equal(finding!.flags[0]!.why, 'Why w.');
	assert.equal(
		spanOf(
			Date.parse('2024-05-01T23:50:00Z'),
			Date.parse('2024-05-02T00:10:00Z'),
		),
		'2024-05-01 23:50:00 – 2024-05-02 00:10:00',
	);
});

test('flaws2 holds two findings: the level3 ListBuckets first, then the four level1 calls', async () => {
	const dataset = await openDataset([sample('flaws2')], {
		iamFiles: [sample('flaws2', 'level3.json')],
	});
	const findings = findingsOf(dataset);
	assert.equal(dataset.findings, findings);
	assert.deepEqual(
		findings.map((f) => [f.id, f.severity, f.identity, f.seqs.length]),
		[
			['f1', 'high', 'role level3', 1],
			['f2', 'high', 'role level1', 4],
		],
	);
	assert.equal(
		findings[0]!.summary,
		'ListBuckets by role level3 from 104.102.221.250, 23:09:28',
	);
	assert.equal(
		findings[1]!.summary,
		'ListObjects, ListImages and 2 more by role level1 from 104.102.221.250, 23:04:54–23:06:33',
	);
	assert.ok(findings[1]!.flagIds.includes('workload-credential-outside-aws'));
});

test('in the Invictus hour each technique is one finding, and the findings are few', async () => {
	const {events, findings = []} = await openDataset([
		fixture('invictus', 'CloudTrail'),
	]);
	const flagged = events.filter((e) => e.flags.length > 0);
	const held = findings.reduce((sum, f) => sum + f.seqs.length, 0);
	assert.equal(held, flagged.length);
	assert.ok(
		findings.length * 5 < flagged.length,
		`${findings.length} findings for ${flagged.length} flagged events`,
	);
	for (const id of [
		'mass-secret-retrieval',
		'cloudtrail-tampering',
		'instance-password-burst',
		'user-data-bulk-read',
	]) {
		const carriers = flagged.filter((e) => e.flags.some((f) => f.id === id));
		const homes = new Set(
			carriers.map((e) => findings.find((f) => f.seqs.includes(e.seq))?.id),
		);
		assert.ok(carriers.length > 1, id);
		assert.equal(homes.size, 1, `${id} in ${[...homes].join(', ')}`);
	}
});
