import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, lastFlag, person, textOf, variants} from './change-events.js';

const id = 's3-bucket-protection-removed';

const s3 = (
	eventName: string,
	requestParameters: Record<string, unknown>,
): EventSpec => ({
	...person,
	eventName,
	eventSource: 's3.amazonaws.com',
	requestParameters: {bucketName: 'finance-data', ...requestParameters},
});

const loggingOff = s3('PutBucketLogging', {
	logging: '',
	BucketLoggingStatus: {xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/'},
});

test('turning access logging off is medium and says what stops', () => {
	const flag = flagFor(loggingOff, id);
	assert.equal(flag?.severity, 'medium');
	assert.equal(flag?.title, 'S3 bucket access logging turned off');
	assert.match(
		textOf(flag),
		/reads and writes of its objects stop being recorded/,
	);
	assert.match(
		textOf(flag),
		/aws s3api get-bucket-logging --bucket finance-data/,
	);
});

test('versioning suspended and MFA delete off are both said in one flag', () => {
	const flag = flagFor(
		s3('PutBucketVersioning', {
			VersioningConfiguration: {Status: 'Suspended', MfaDelete: 'Disabled'},
		}),
		id,
	);
	assert.equal(flag?.severity, 'medium');
	assert.match(textOf(flag), /suspends versioning/);
	assert.match(textOf(flag), /turns off MFA delete/);
});

test('removing default encryption or replication is low', () => {
	assert.equal(flagFor(s3('DeleteBucketEncryption', {}), id)?.severity, 'low');
	assert.equal(flagFor(s3('DeleteBucketReplication', {}), id)?.severity, 'low');
});

test('on a bucket that receives CloudTrail, the flag is one step higher', () => {
	const flag = lastFlag(
		[
			{
				...person,
				time: '2024-05-01T09:00:00Z',
				eventName: 'CreateTrail',
				eventSource: 'cloudtrail.amazonaws.com',
				requestParameters: {name: 't', s3BucketName: 'finance-data'},
			},
			loggingOff,
		],
		id,
	);
	assert.equal(flag?.severity, 'high');
	assert.match(
		textOf(flag),
		/The bucket finance-data receives CloudTrail logs/,
	);
});

test('near misses: logging turned on, versioning enabled, settings missing', () => {
	assert.equal(
		flagFor(
			s3('PutBucketLogging', {
				BucketLoggingStatus: {
					LoggingEnabled: {TargetBucket: 'logs', TargetPrefix: 'x/'},
				},
			}),
			id,
		),
		undefined,
	);
	assert.equal(
		flagFor(
			s3('PutBucketVersioning', {VersioningConfiguration: {Status: 'Enabled'}}),
			id,
		),
		undefined,
	);
	assert.equal(flagFor(s3('PutBucketLogging', {}), id), undefined);
	assert.equal(flagFor(s3('PutBucketVersioning', {}), id), undefined);
});

test('refused is lower; an AWS service is not flagged; the address changes nothing', () => {
	const v = variants(loggingOff);
	assert.equal(flagFor(v.denied!, id)?.severity, 'low');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.vpcEndpoint!, id)?.severity, 'medium');
	assert.equal(flagFor(v.noAddress!, id)?.severity, 'medium');
});
