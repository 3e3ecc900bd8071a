import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Flag, TrailEvent} from '../../source/core/types.js';
import {catalog} from '../../source/detect/catalog.js';
import {detect} from '../../source/detect/detect.js';
import type {FlagRule} from '../../source/detect/flag-rule.js';
import {compareBySeverity} from '../../source/detect/rank.js';
import {makeEvents} from '../helpers/make-event.js';

function rule(id: string, severity: Flag['severity'], fails = false): FlagRule {
	return {
		id,
		title: id,
		severity,
		attack: [],
		check() {
			if (fails) {
				throw new Error('broken rule');
			}

			return {id, severity, title: id, why: '', evidence: [], next: []};
		},
	};
}

test('flags are listed most severe first, and a throwing rule costs only its own flag', () => {
	const events = makeEvents([{}]);
	detect(events, {}, [
		rule('a', 'low'),
		rule('broken', 'critical', true),
		rule('b', 'high'),
		rule('c', 'low'),
	]);
	assert.deepEqual(
		events[0]?.flags.map((f) => f.id),
		['b', 'a', 'c'],
	);
});

test('detect replaces old flags and leaves clean events with an empty list', () => {
	const events = makeEvents([{user: 'alice', eventName: 'GetObject'}]);
	events[0]!.flags = [
		{id: 'stale', severity: 'high', title: '', why: '', evidence: [], next: []},
	];
	detect(events, {});
	assert.deepEqual(events[0]?.flags, []);
});

test('catalog ids are unique and kebab-case: they are a public contract', () => {
	const ids = catalog.map((r) => r.id);
	assert.equal(new Set(ids).size, ids.length);
	for (const id of ids) {
		assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
	}

	assert.deepEqual(ids, [
		'workload-credential-outside-aws',
		'interactive-client-on-workload',
		'reconnaissance-call',
		'new-source-address',
		'root-activity',
		'console-login-without-mfa',
		'unusual-client',
		'instance-credential-off-instance',
		'instance-identity-role-misuse',
		'temporary-key-many-addresses',
		'caller-identity-probe',
		'console-login-failures',
		'access-denied-burst',
		'reconnaissance-burst',
		'attack-tool-user-agent',
		'new-region',
		'cloudtrail-tampering',
		'trail-bucket-lifecycle-shortened',
		'security-control-disabled',
		's3-bucket-protection-removed',
		'credentials-for-another-user',
		'root-access-key-created',
		'admin-policy-granted',
		'role-trust-opened',
		's3-bucket-public',
		's3-bucket-shared',
		'resource-policy-public',
		'snapshot-or-image-shared',
		'unused-region-activity',
		'security-group-open-to-world',
		'task-definition-reads-credentials',
		'user-data-bulk-read',
		'user-data-modified',
		'mass-secret-retrieval',
		'instance-password-burst',
		'unusual-instance-launch',
		'leave-organization',
	]);
});

test('ranking puts the worst flag first, then the weight of all flags, then time', () => {
	const flag = (severity: Flag['severity']): Flag => ({
		id: severity,
		severity,
		title: '',
		why: '',
		evidence: [],
		next: [],
	});
	const events = makeEvents([{}, {}, {}, {}]);
	const set = (event: TrailEvent | undefined, flags: Flag[]) => {
		event!.flags = flags;
	};

	set(events[0], [flag('high'), flag('high'), flag('medium')]);
	set(events[1], [flag('medium')]);
	set(events[2], [flag('high'), flag('high'), flag('high')]);
	set(events[3], [flag('high'), flag('high'), flag('medium')]);
	const order = [...events].sort(compareBySeverity).map((e) => e.seq);
	assert.deepEqual(order, [2, 0, 3, 1]);
});
