import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'user-data-modified';

const modify: EventSpec = {
	...person,
	eventName: 'ModifyInstanceAttribute',
	eventSource: 'ec2.amazonaws.com',
	requestParameters: {
		instanceId: 'i-012345abcde',
		userData: '<sensitiveDataRemoved>',
	},
};

test('changed user data is high and points at the script and the restart', () => {
	const flag = flagFor(modify, id);
	assert.equal(flag?.severity, 'high');
	assert.match(
		flag?.evidence[0] ?? '',
		/it replaced the user data of i-012345abcde\.$/,
	);
	assert.match(
		textOf(flag),
		/aws ec2 describe-instance-attribute --attribute userData --instance-id i-012345abcde/,
	);
});

test('a start after the change is linked: the new script ran then', () => {
	const events = judged([
		modify,
		{
			...person,
			time: '2024-05-01T10:02:00Z',
			eventName: 'StartInstances',
			eventSource: 'ec2.amazonaws.com',
			requestParameters: {
				instancesSet: {items: [{instanceId: 'i-012345abcde'}]},
			},
		},
	]);
	assert.match(
		textOf(events[0]?.flags.find((f) => f.id === id)),
		/The instance was started again at 10:02:00 by mallory: the new script ran then\./,
	);
});

test('near misses: other attributes, reading user data', () => {
	assert.equal(
		flagFor(
			{
				...modify,
				requestParameters: {
					instanceId: 'i-1',
					disableApiTermination: {value: false},
				},
			},
			id,
		),
		undefined,
	);
	assert.equal(
		lastFlag(
			[
				{
					...modify,
					eventName: 'DescribeInstanceAttribute',
					requestParameters: {instanceId: 'i-1', attribute: 'userData'},
				},
			],
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(modify);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.console!, id)?.severity, 'high');
});
