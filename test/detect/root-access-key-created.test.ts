import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagOf, judgedRecords, rootIdentity} from './identity-events.js';

const id = 'root-access-key-created';

function rootKey(options: {
	invokedBy?: string;
	userName?: string;
	errorCode?: string;
}): EventSpec {
	return {
		eventName: 'CreateAccessKey',
		eventSource: 'iam.amazonaws.com',
		ua: options.invokedBy ?? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0',
		...(options.errorCode ? {errorCode: options.errorCode} : {}),
		requestParameters: options.userName ? {userName: options.userName} : null,
		responseElements: {
			accessKey: {accessKeyId: 'AKIAEXAMPLEROOTNEW01', status: 'Active'},
		},
		extra: {userIdentity: rootIdentity({invokedBy: options.invokedBy})},
	};
}

test('root creating a key for itself in the console is high and names the key', () => {
	const [event] = judgedRecords([rootKey({invokedBy: 'signin.amazonaws.com'})]);
	const flag = flagOf(event, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'Access key created for root');
	assert.match(
		flag?.evidence[0] ?? '',
		/it made an access key for root itself\.$/,
	);
	assert.ok(flag?.next.some((line) => line.includes('AKIAEXAMPLEROOTNEW01')));
	assert.ok(
		flag?.evidence.includes(
			'The new key is AKIAEXAMPLEROOTNEW01; the loaded logs show no call made with it.',
		),
	);
});

test('a refused attempt is medium', () => {
	const [event] = judgedRecords([rootKey({errorCode: 'AccessDenied'})]);
	assert.equal(flagOf(event, id)?.severity, 'medium');
});

test('near miss: root making a key for a user is the other flag', () => {
	const [event] = judgedRecords([rootKey({userName: 'deploy-bot'})]);
	assert.equal(flagOf(event, id), undefined);
	assert.equal(flagOf(event, 'credentials-for-another-user')?.severity, 'high');
});

test('near miss: an IAM user making its own key', () => {
	const [event] = judgedRecords([
		{
			eventName: 'CreateAccessKey',
			eventSource: 'iam.amazonaws.com',
			user: 'alice',
		},
	]);
	assert.equal(flagOf(event, id), undefined);
});

test("near miss: an AWS service acting in root's name", () => {
	const [event] = judgedRecords([
		rootKey({invokedBy: 'support.amazonaws.com'}),
	]);
	assert.equal(flagOf(event, id), undefined);
});
