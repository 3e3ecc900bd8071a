import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	errorCodeOf,
	isDeniedCode,
	outcomeOf,
} from '../../source/normalise/outcome.js';
import {caseEvents, caseRecords} from './case-records.js';

function tally(outcomes: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const outcome of outcomes) {
		counts[outcome] = (counts[outcome] ?? 0) + 1;
	}

	return counts;
}

test('BR-18 error codes split into denied 3, other error 3, success 1', () => {
	const outcomes = caseRecords('BR-18.json').map((record) => outcomeOf(record));
	assert.deepEqual(tally(outcomes), {denied: 3, error: 3, success: 1});
	assert.deepEqual(outcomes, [
		'denied',
		'denied',
		'denied',
		'error',
		'error',
		'error',
		'success',
	]);
});

test('BR-18 NoSuch… codes are never denials', () => {
	assert.equal(isDeniedCode('NoSuchDeliveryChannelException'), false);
	assert.equal(isDeniedCode('NoSuchBucket'), false);
	assert.equal(isDeniedCode('NoSuchEntity'), false);
});

test('denial codes are recognised in their many spellings', () => {
	for (const code of [
		'AccessDenied',
		'AccessDeniedException',
		'Client.UnauthorizedOperation',
		'UnauthorizedOperation',
		'UnauthorizedAccess',
		'Client.UnauthorizedAccess',
		'NotAuthorizedException',
		'Forbidden',
		'ForbiddenException',
		'AuthorizationErrorException',
	]) {
		assert.equal(isDeniedCode(code), true, code);
	}

	for (const code of [
		'Client.RequestLimitExceeded',
		'InternalFailure',
		'ThrottlingException',
		'ValidationException',
		'InvalidClientTokenId',
	]) {
		assert.equal(isDeniedCode(code), false, code);
	}
});

test('BR-17 failed console sign-ins without an errorCode count as errors', () => {
	const events = caseEvents('BR-17.json');
	assert.deepEqual(
		events.map((event) => event.outcome),
		['error', 'error', 'success', 'success'],
	);
	assert.equal(events[0]?.errorCode, undefined);
});

test('BR-18 truncated error messages are kept verbatim', () => {
	const message = caseEvents('BR-18.json')[2]?.errorMessage;
	assert.ok(message?.endsWith('EXAMPLE...'), message);
});

test('odd errorCode values do not crash and empty ones mean success', () => {
	assert.equal(outcomeOf({errorCode: ''}), 'success');
	assert.equal(outcomeOf({errorCode: null}), 'success');
	assert.equal(outcomeOf({errorCode: 403}), 'error');
	assert.equal(outcomeOf({errorCode: {nested: true}}), 'error');
	assert.equal(outcomeOf({responseElements: 'Failure'}), 'success');
	assert.equal(
		outcomeOf({
			eventType: 'AwsConsoleSignIn',
			responseElements: {CheckMfa: 'Failure'},
		}),
		'error',
	);
});

test('an errorCode of any type that is present and not empty is an error', () => {
	const outcome = (errorCode: unknown) => outcomeOf({errorCode});
	assert.equal(outcome({code: 'Throttling'}), 'error');
	assert.equal(outcome(['InternalFailure']), 'error');
	assert.equal(outcome(500), 'error');
	assert.equal(outcome(false), 'error');
	assert.equal(outcome({code: 'AccessDenied'}), 'denied');
	assert.equal(outcome(['Client.UnauthorizedOperation']), 'denied');
	for (const empty of [undefined, null, '', {}, []]) {
		assert.equal(outcome(empty), 'success', JSON.stringify(empty));
	}
});

test('an odd errorCode is kept as bounded text, even when nested deep', () => {
	assert.equal(errorCodeOf({errorCode: {code: 'X'}}), '{"code":"X"}');
	let deep: unknown = 'AccessDenied';
	for (let i = 0; i < 10_000; i++) {
		deep = [deep];
	}

	const text = errorCodeOf({errorCode: deep});
	assert.ok(text !== undefined && text.length <= 200);
	assert.equal(outcomeOf({errorCode: deep}), 'error');
});
