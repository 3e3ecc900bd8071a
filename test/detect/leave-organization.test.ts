import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, person, textOf, variants} from './change-events.js';

const id = 'leave-organization';

const leave: EventSpec = {
	...person,
	role: 'ops',
	user: undefined,
	eventName: 'LeaveOrganization',
	eventSource: 'organizations.amazonaws.com',
	requestParameters: null,
};

test('leaving the organisation is high and names the account', () => {
	const flag = flagFor(leave, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Account leaving the organisation');
	assert.match(
		flag?.evidence[0] ?? '',
		/it asks for 111122223333 to leave its organisation\.$/,
	);
	assert.ok(
		flag?.next.includes(
			'See whether the account still belongs to the organisation: aws organizations describe-organization',
		),
	);
});

test('a refused attempt is still flagged, medium, and says someone tried', () => {
	const flag = flagFor(variants(leave).denied!, id);
	assert.equal(flag?.severity, 'medium');
	assert.match(textOf(flag), /AWS refused it \(AccessDenied\)/);
});

test('the management account removing an account is medium', () => {
	const flag = flagFor(
		{
			...leave,
			eventName: 'RemoveAccountFromOrganization',
			requestParameters: {accountId: '444455556666'},
		},
		id,
	);
	assert.equal(flag?.severity, 'medium');
	assert.match(
		flag?.evidence[0] ?? '',
		/the management account removes 444455556666 from the organisation/,
	);
});

test('near misses: describing the organisation, an AWS service acting for itself', () => {
	assert.equal(
		flagFor({...leave, eventName: 'DescribeOrganization'}, id),
		undefined,
	);
	assert.equal(flagFor(variants(leave).awsService!, id), undefined);
});
