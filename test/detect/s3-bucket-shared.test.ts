import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 's3-bucket-shared';

const share = (principal: unknown, condition?: unknown): EventSpec => ({
	...person,
	eventName: 'PutBucketPolicy',
	eventSource: 's3.amazonaws.com',
	requestParameters: {
		bucketName: 'customer-exports',
		bucketPolicy: {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: principal,
					Action: ['s3:GetObject', 's3:ListBucket'],
					Resource: [
						'arn:aws:s3:::customer-exports',
						'arn:aws:s3:::customer-exports/*',
					],
					...(condition ? {Condition: condition} : {}),
				},
			],
		},
	},
});

const stranger = share({AWS: 'arn:aws:iam::999988887777:root'});

test('a policy for an account that appears nowhere else is high, naming the account', () => {
	const flag = flagFor(stranger, id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'S3 bucket shared with another account');
	assert.match(textOf(flag), /Its new policy lets 999988887777 in\./);
	assert.match(
		textOf(flag),
		/999988887777 is not one of the accounts whose logs are loaded/,
	);
});

test('other changes naming the same account are listed with it', () => {
	const flag = lastFlag(
		[
			{
				...person,
				time: '2024-05-01T09:58:00Z',
				eventName: 'ModifyDBSnapshotAttribute',
				eventSource: 'rds.amazonaws.com',
				requestParameters: {
					dBSnapshotIdentifier: 'prod',
					attributeName: 'restore',
					valuesToAdd: ['999988887777'],
				},
			},
			stranger,
		],
		id,
	);
	assert.match(
		textOf(flag),
		/Other changes name it too: ModifyDBSnapshotAttribute at 09:58:00\./,
	);
});

test('an account that already calls in is medium', () => {
	const flag = lastFlag(
		[
			{
				time: '2024-05-01T09:00:00Z',
				role: 'reader',
				account: '999988887777',
				extra: {recipientAccountId: '111122223333'},
			},
			stranger,
		],
		id,
	);
	assert.equal(flag?.severity, 'medium');
});

test('near misses: the own account, everyone (the public flag instead), a pinned statement', () => {
	assert.equal(
		flagFor(share({AWS: 'arn:aws:iam::111122223333:role/app'}), id),
		undefined,
	);
	assert.equal(flagFor(share('*'), id), undefined);
	assert.equal(flagFor(share('*'), 's3-bucket-public')?.severity, 'high');
	assert.equal(
		flagFor(
			share(
				{AWS: '999988887777'},
				{StringEquals: {'aws:SourceVpce': 'vpce-1'}},
			),
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(stranger);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.awsService!, id), undefined);
	assert.equal(flagFor(v.terraform!, id)?.severity, 'low');
	assert.equal(flagFor(v.noAddress!, id)?.severity, 'high');
});
