import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 'snapshot-or-image-shared';

const ec2 = (
	eventName: string,
	requestParameters: Record<string, unknown>,
	time?: string,
): EventSpec => ({
	...person,
	...(time ? {time} : {}),
	eventName,
	eventSource: 'ec2.amazonaws.com',
	requestParameters,
});

const snapshotTo = (item: Record<string, string>, operation = 'add') =>
	ec2('ModifySnapshotAttribute', {
		snapshotId: 'snap-083d3b857c13988bc',
		attributeType: 'CREATE_VOLUME_PERMISSION',
		createVolumePermission: {[operation]: {items: [item]}},
	});

test('a disk snapshot shared with an unknown account is high, with the exact undo', () => {
	const flag = flagFor(snapshotTo({userId: '012345678912'}), id);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'A disk snapshot was shared with another account');
	assert.match(textOf(flag), /It shares the disk snapshot with 012345678912\./);
	assert.ok(
		flag?.next.some((l) =>
			l.includes(
				'aws ec2 modify-snapshot-attribute --snapshot-id snap-083d3b857c13988bc --attribute createVolumePermission --operation-type remove --user-ids 012345678912',
			),
		),
	);
});

test('a public disk snapshot is critical', () => {
	const flag = flagFor(snapshotTo({group: 'all'}), id);
	assert.equal(flag?.severity, 'critical');
	assert.equal(flag?.title, 'A disk snapshot was made public');
});

test('a public AMI is high (some companies publish images on purpose)', () => {
	const flag = flagFor(
		ec2('ModifyImageAttribute', {
			imageId: 'ami-0aa1d83d0b0985c86',
			attributeType: 'launchPermission',
			launchPermission: {add: {items: [{group: 'all'}]}},
		}),
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.equal(flag?.title, 'A machine image (AMI) was made public');
	assert.ok(
		flag?.next.some((l) =>
			l.includes("--launch-permission 'Remove=[{Group=all}]'"),
		),
	);
});

test('an RDS snapshot shared for restore names the account and the snapshot made before', () => {
	const flag = lastFlag(
		[
			{
				...person,
				time: '2024-05-01T09:50:00Z',
				eventName: 'CreateDBSnapshot',
				eventSource: 'rds.amazonaws.com',
				requestParameters: {
					dBInstanceIdentifier: 'prod',
					dBSnapshotIdentifier: 'exfiltration',
				},
			},
			{
				...person,
				eventName: 'ModifyDBSnapshotAttribute',
				eventSource: 'rds.amazonaws.com',
				requestParameters: {
					dBSnapshotIdentifier: 'exfiltration',
					attributeName: 'restore',
					valuesToAdd: ['193672423079'],
				},
			},
		],
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.match(
		textOf(flag),
		/The database snapshot exfiltration was made at 09:50:00 by mallory \(CreateDBSnapshot\)\./,
	);
	assert.ok(
		flag?.next.some((l) => l.includes('--values-to-remove 193672423079')),
	);
});

test('a cluster snapshot made public is critical', () => {
	assert.equal(
		flagFor(
			{
				...person,
				eventName: 'ModifyDBClusterSnapshotAttribute',
				eventSource: 'rds.amazonaws.com',
				requestParameters: {
					dBClusterSnapshotIdentifier: 'c1',
					attributeName: 'restore',
					valuesToAdd: ['all'],
				},
			},
			id,
		)?.severity,
		'critical',
	);
});

test('near misses: removing a share, sharing with the own account, nothing added', () => {
	assert.equal(
		flagFor(snapshotTo({userId: '012345678912'}, 'remove'), id),
		undefined,
	);
	assert.equal(flagFor(snapshotTo({userId: '111122223333'}), id), undefined);
	assert.equal(flagFor(snapshotTo({group: 'none'}), id), undefined);
	assert.equal(
		flagFor(
			{
				...person,
				eventName: 'ModifyDBSnapshotAttribute',
				eventSource: 'rds.amazonaws.com',
				requestParameters: {
					dBSnapshotIdentifier: 's',
					attributeName: 'restore',
					valuesToAdd: [],
				},
			},
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(snapshotTo({userId: '012345678912'}));
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
	assert.equal(flagFor(v.awsInternal!, id)?.severity, 'high');
});
