import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {
	clients,
	flagFor,
	flagsOf,
	person,
	textOf,
	variants,
} from './change-events.js';
import {judged} from './scenarios.js';

const id = 'unusual-instance-launch';

function launch(type: string, maxCount = 1, extra: EventSpec = {}): EventSpec {
	return {
		...person,
		eventName: 'RunInstances',
		eventSource: 'ec2.amazonaws.com',
		requestParameters: {
			instancesSet: {
				items: [{imageId: 'ami-029eb80bc237bec6f', minCount: 1, maxCount}],
			},
			instanceType: type,
		},
		...extra,
	};
}

test('GPU machines, ten at once, are high and say why', () => {
	const flag = flagFor(launch('p2.xlarge', 10), id);
	assert.equal(flag?.severity, 'high');
	assert.match(flag?.evidence[0] ?? '', /: 10 instances of type p2\.xlarge\.$/);
	assert.match(
		textOf(flag),
		/p2\.xlarge is a GPU or accelerator machine, the usual choice for mining\./,
	);
	assert.match(textOf(flag), /It asked for 10 instances at once\./);
});

test('a quota refusal keeps the flag, one step lower, naming the error', () => {
	const flag = flagFor(
		launch('p2.xlarge', 10, {errorCode: 'Client.VcpuLimitExceeded'}),
		id,
	);
	assert.equal(flag?.severity, 'medium');
	assert.match(textOf(flag), /It failed \(Client\.VcpuLimitExceeded\)/);
});

test('very large types count; the type also comes from {value} or the response', () => {
	assert.match(
		textOf(flagFor(launch('x2iedn.32xlarge'), id)),
		/one of the largest/,
	);
	assert.equal(
		flagFor(
			{
				...launch('t3.micro'),
				requestParameters: {instanceType: {value: 'g5.12xlarge'}},
			},
			id,
		)?.severity,
		'high',
	);
});

test('a first launch by an established identity is low', () => {
	const history = Array.from({length: 25}, (_, n) => ({
		...person,
		time: new Date(Date.UTC(2024, 4, 1, 9, n))
			.toISOString()
			.replace('.000', ''),
	}));
	const events = judged([...history, launch('t3.micro')]);
	const flag = flagsOf(events, id).at(-1);
	assert.equal(flag?.severity, 'low');
	assert.match(
		textOf(flag),
		/This is the first launch by mallory in the loaded logs, after 25 other calls\./,
	);
});

test("near misses: an ordinary type, a new identity's first call, a second launch", () => {
	assert.equal(flagFor(launch('t3.micro'), id), undefined);
	const history = Array.from({length: 25}, (_, n) => ({
		...person,
		time: new Date(Date.UTC(2024, 4, 1, 9, n))
			.toISOString()
			.replace('.000', ''),
	}));
	const events = judged([
		...history,
		launch('t3.micro'),
		{...launch('t3.small'), time: '2024-05-01T10:05:00Z'},
	]);
	assert.equal(flagsOf(events, id).at(-1), undefined);
});

test('Auto Scaling or Terraform launching GPU machines is low; ordinary types by them are nothing', () => {
	const gpu = variants(launch('g4dn.xlarge'));
	const autoscaling = flagFor(gpu.invokedByService!, id);
	assert.equal(autoscaling?.severity, 'low');
	assert.match(textOf(autoscaling), /autoscaling\.amazonaws\.com launched it/);
	assert.equal(flagFor(gpu.terraform!, id)?.severity, 'low');
	assert.equal(
		flagFor(variants(launch('t3.micro', 20)).terraform!, id),
		undefined,
	);
	assert.equal(
		flagFor({...launch('t3.micro'), ua: clients.terraform}, id),
		undefined,
	);
});
