import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TrailEvent} from '../../source/core/types.js';
import {
	pickClause,
	valueClause,
} from '../../source/investigate/value-target.js';
import {countValues} from '../../source/query/field-values.js';
import {parseFilter} from '../../source/query/filter.js';
import {facetFields} from '../../source/ui/facets-fields.js';
import {makeEvents, type EventSpec} from '../helpers/make-event.js';

/**
Issue 5: a value picked in the values picker (v), or left out with `!`,
must give exactly the events counted for it, though the filter compares
without regard to case and some fields hold several names.
*/

const names = [
	'and',
	'AND',
	'And',
	'alice',
	'(x)',
	'a,b',
	'quo"te',
	'back\\slash',
	'/etc/passwd',
	'/re/',
	'/re/i',
	'!bang',
	'=eq',
	' lead',
	'trail ',
	'x y',
	'é-user',
	'in (a, b)',
	'nl\nFAKE ROW',
	'del\u007Fx',
	'bidi\u202Eevil.exe',
	'emoji🙂',
	'Ａ全角',
	'x'.repeat(300),
];

const sources = [
	'203.0.113.5',
	'2001:db8::1',
	'2001:DB8::1',
	'2001:0db8:0:0:0:0:0:1',
	'not-an-ip',
	'NOT-AN-IP',
	'not-an-ip-2',
	'(x)',
	'AWS Internal',
	'ec2.amazonaws.com',
	'EC2.amazonaws.com',
	'apigateway.amazonaws.com',
	'apigateway.amazonaws.com.evil',
	'198.51.100.\u001B[31m7',
];

const specs: EventSpec[] = [
	...names.map((user, index) => ({
		user,
		key: index % 2 === 0 ? 'AKIAEXAMPLE' : 'akiaexample',
		requestParameters: {
			bucketName: index % 3 === 0 ? user : user.toUpperCase(),
		},
	})),
	...sources.map((ip, index) => ({
		role: index % 2 === 0 ? 'Admin' : 'admin',
		session: index % 3 === 0 ? 'alice' : 'AND',
		ip,
		errorCode: index % 2 === 0 ? 'AccessDenied' : 'accessdenied',
		region: index % 2 === 0 ? 'us-east-1' : 'US-EAST-1',
		ua: index % 2 === 0 ? 'aws-sdk-go/1.0' : 'AWS-SDK-GO/1.0',
		eventName: index % 2 === 0 ? 'ListBuckets' : 'listbuckets',
	})),
];
const events = makeEvents(specs);

function matching(list: readonly TrailEvent[], text: string): number {
	const parsed = parseFilter(text);
	assert.ok(parsed.ok, text);
	return list.filter((event) => parsed.filter.test(event)).length;
}

const fields = [
	...facetFields.map((field) => field.name),
	'requestParameters.bucketName',
];

test('every value of every field, picked or left out, gives exactly its count', () => {
	let checked = 0;
	for (const field of fields) {
		for (const {value, count} of countValues(events, field).values) {
			const picked = pickClause(events, field, value, false);
			assert.equal(picked.wrong, 0, `${field} ${picked.text}`);
			assert.equal(matching(events, picked.text), count, picked.text);
			const left = pickClause(events, field, value, true);
			assert.equal(left.wrong, 0, `${field} ${left.text}`);
			assert.equal(
				matching(events, left.text),
				events.length - count,
				left.text,
			);
			checked++;
		}
	}

	assert.ok(checked > 80, `${checked} values`);
});

test('a value differing from another only in case leaves the other out by its exact spelling', () => {
	const few = makeEvents([
		{user: 'and'},
		{user: 'AND'},
		{user: 'AND'},
		{user: 'AND'},
		{user: 'AND'},
	]);
	assert.deepEqual(pickClause(few, 'principal', 'AND', false), {
		text: 'principal=AND and !principal=/^and$/',
		wrong: 0,
	});
	assert.deepEqual(pickClause(few, 'principal', 'and', true), {
		text: '!(principal=and and !principal=/^AND$/)',
		wrong: 0,
	});
	// Alone in its view, a value needs nothing more.
	assert.deepEqual(pickClause(few.slice(1), 'user', 'AND', true), {
		text: '!user=AND',
		wrong: 0,
	});
});

test('a principal picked as a value is narrowed as its pivot is', () => {
	const few = makeEvents([{user: 'alice'}, {role: 'admin', session: 'alice'}]);
	assert.deepEqual(pickClause(few, 'principal', 'alice', false), {
		text: 'principal=alice and !session=alice',
		wrong: 0,
	});
});

test('the clause of a value: field=value, quoted when needed, or the whole text', () => {
	assert.equal(
		valueClause('eventName', 'ListBuckets'),
		'eventName=ListBuckets',
	);
	assert.equal(valueClause('ip', 'AWS Internal'), 'ip="AWS Internal"');
	assert.equal(
		valueClause('principal', 'role level3 (session x)'),
		'principal="role level3 (session x)"',
	);
	// Text in the address field that is no address matches whole, in its case.
	assert.equal(valueClause('ip', 'not an address'), 'ip=/^not an address$/');
	assert.equal(valueClause('ip', 'not-an-ip'), 'ip=/^not-an-ip$/');
});

test('more spellings than are left out one by one: the value whole, in its case', () => {
	const keys = ['KEY', 'key', 'Key', 'kEy', 'keY', 'KEy'];
	const few = makeEvents(keys.map((key, index) => ({user: `u${index}`, key})));
	assert.deepEqual(pickClause(few, 'key', 'KEY', false), {
		text: 'key=/^KEY$/',
		wrong: 0,
	});
	assert.deepEqual(pickClause(few, 'key', 'KEY', true), {
		text: '!key=/^KEY$/',
		wrong: 0,
	});
});

test('a value the filter cannot single out is kept, with how far off it is', () => {
	// `type` also compares the event type: every call is an AwsApiCall.
	const types = ['IAMUser', 'Root', 'FederatedUser', 'AWSAccount', 'SAMLUser'];
	const few = makeEvents(
		[...types, 'AwsApiCall'].map((type, index) => ({user: `u${index}`, type})),
	);
	assert.deepEqual(pickClause(few, 'type', 'AwsApiCall', false), {
		text: 'type=AwsApiCall',
		wrong: 5,
	});
});
