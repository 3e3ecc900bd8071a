import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {
	account,
	consoleLogin,
	flagOf,
	judgedRecords,
	rootIdentity,
	userIdentity,
} from './identity-events.js';

const id = 'console-login-failures';

function at(minute: number): string {
	return `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`;
}

function hiddenUser() {
	return {
		type: 'IAMUser',
		principalId: 'AIDAEXAMPLEHIDDEN',
		accountId: account,
		accessKeyId: '',
		userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
	};
}

function flagged(events: TrailEvent[]): number[] {
	return events.filter((e) => flagOf(e, id)).map((e) => e.seq);
}

test('five failures for one user flag each of them, with the same first line', () => {
	const events = judgedRecords(
		[0, 2, 4, 6, 8].map((m) =>
			consoleLogin({
				identity: userIdentity('alice'),
				time: at(m),
				result: 'Failure',
			}),
		),
	);
	assert.deepEqual(flagged(events), [0, 1, 2, 3, 4]);
	const flag = flagOf(events[4], id);
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'Repeated failed console sign-ins for one user');
	assert.deepEqual(flag?.evidence, [
		'5 failed console sign-ins for alice from 2024-05-01 10:00:00 to 10:08:00 (8 min), from 198.51.100.50 (outside AWS).',
		'This event: a failed sign-in for alice at 2024-05-01 10:08:00 from 198.51.100.50 (outside AWS).',
	]);
});

test('a success after the guessing joins the group and makes it high', () => {
	const events = judgedRecords([
		...[0, 1, 2, 3, 4].map((m) =>
			consoleLogin({
				identity: userIdentity('alice'),
				time: at(m),
				result: 'Failure',
			}),
		),
		consoleLogin({identity: userIdentity('alice'), time: at(9), mfa: 'No'}),
	]);
	const flag = flagOf(events[5], id);
	assert.equal(flag?.severity, 'high');
	assert.equal(
		flag?.title,
		'Repeated failed console sign-ins for one user, then a success',
	);
	assert.equal(
		flag?.evidence[1],
		'Then a sign-in succeeded: alice at 10:09:00 from 198.51.100.50 (outside AWS).',
	);
	assert.equal(flagOf(events[0], id)?.evidence[1], flag?.evidence[1]);
});

test('failures for three names from one address are a spray, root included', () => {
	const events = judgedRecords([
		consoleLogin({
			identity: userIdentity('alice'),
			time: at(0),
			result: 'Failure',
		}),
		consoleLogin({
			identity: userIdentity('bob'),
			time: at(1),
			result: 'Failure',
		}),
		consoleLogin({identity: rootIdentity(), time: at(2), result: 'Failure'}),
	]);
	assert.deepEqual(flagged(events), [0, 1, 2]);
	assert.equal(
		flagOf(events[0], id)?.evidence[0],
		'3 failed console sign-ins from 198.51.100.50 (outside AWS) from 2024-05-01 10:00:00 to 10:02:00 (2 min), ' +
			'for 3 different user names: alice, bob and root.',
	);
	assert.match(flagOf(events[0], id)?.title ?? '', /^Password spraying/);
});

test('a spray over many addresses counts across the account', () => {
	const names = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];
	const events = judgedRecords(
		names.map((name, i) =>
			consoleLogin({
				identity: userIdentity(name),
				time: at(i),
				ip: `192.0.2.${i + 1}`,
				result: 'Failure',
			}),
		),
	);
	assert.deepEqual(flagged(events), [0, 1, 2, 3, 4, 5]);
	assert.match(
		flagOf(events[0], id)?.evidence[0] ?? '',
		/^6 failed console sign-ins across the account .* for 6 different user names .* from 6 addresses\.$/,
	);
});

test('near misses: four failures, two names from one address, names AWS hid', () => {
	const four = judgedRecords(
		[0, 1, 2, 3].map((m) =>
			consoleLogin({
				identity: userIdentity('alice'),
				time: at(m),
				result: 'Failure',
			}),
		),
	);
	assert.deepEqual(flagged(four), []);
	const two = judgedRecords([
		consoleLogin({
			identity: userIdentity('alice'),
			time: at(0),
			result: 'Failure',
		}),
		consoleLogin({
			identity: userIdentity('alice'),
			time: at(1),
			result: 'Failure',
		}),
		consoleLogin({
			identity: userIdentity('bob'),
			time: at(2),
			result: 'Failure',
		}),
	]);
	assert.deepEqual(flagged(two), []);
	const hidden = judgedRecords(
		[0, 1, 2, 3, 4, 5].map((m) =>
			consoleLogin({identity: hiddenUser(), time: at(m), result: 'Failure'}),
		),
	);
	assert.deepEqual(flagged(hidden), [], 'hidden names count as one name');
});

test('near misses: successes alone and failures hours apart', () => {
	const events = judgedRecords([
		...[0, 1, 2, 3, 4, 5].map((m) =>
			consoleLogin({identity: userIdentity('alice'), time: at(m)}),
		),
		...[
			'2024-05-01T01:00:00Z',
			'2024-05-01T03:00:00Z',
			'2024-05-01T05:00:00Z',
		].flatMap((time) => [
			consoleLogin({identity: userIdentity('bob'), time, result: 'Failure'}),
			consoleLogin({identity: userIdentity('bob'), time, result: 'Failure'}),
		]),
	]);
	assert.deepEqual(flagged(events), []);
});
