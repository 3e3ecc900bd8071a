import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {RawRecord, SourcedRecord} from '../../source/core/types.js';
import {Deduplicator} from '../../source/load/dedupe.js';

const sourced = (file: string, record: RawRecord): SourcedRecord => ({
	record,
	file,
	index: 0,
});
const listBuckets = {
	eventID: 'e1',
	eventTime: '2024-05-01T10:00:00Z',
	eventName: 'ListBuckets',
	eventSource: 's3.amazonaws.com',
};

test('the first copy of an eventID is kept and later copies are counted', () => {
	const dedupe = new Deduplicator();
	assert.equal(dedupe.keep(sourced('org.json', listBuckets)), true);
	assert.equal(dedupe.keep(sourced('acct.json', {...listBuckets})), false);
	assert.equal(dedupe.keep(sourced('acct.json', {...listBuckets})), false);
	assert.equal(dedupe.dropped, 2);
	assert.deepEqual(
		dedupe.notes().map((note) => [note.level, note.file, note.message]),
		[['info', 'acct.json', '2 duplicates (same eventID) seen in 2 files']],
	);
});

test('records without an eventID are never merged, and sharedEventID is no key', () => {
	const dedupe = new Deduplicator();
	const shared = {sharedEventID: 's1', eventName: 'AssumeRole'};
	assert.equal(dedupe.keep(sourced('a', {...shared})), true);
	assert.equal(dedupe.keep(sourced('b', {...shared})), true);
	assert.equal(dedupe.keep(sourced('c', {...shared, eventID: ''})), true);
	assert.equal(dedupe.keep(sourced('d', {...shared, eventID: ''})), true);
	assert.deepEqual(dedupe.notes(), []);
});

test('a reused eventID on a different event is kept and reported', () => {
	const dedupe = new Deduplicator();
	dedupe.keep(sourced('real.json', listBuckets));
	const other = {...listBuckets, eventName: 'DeleteTrail'};
	assert.equal(dedupe.keep(sourced('forged.json', other)), true);
	assert.equal(dedupe.dropped, 0);
	const notes = dedupe.notes();
	assert.equal(notes.length, 1);
	assert.equal(notes[0]!.level, 'warning');
	assert.equal(
		notes[0]!.message,
		'2 records share eventID e1 but differ (real.json record 1, ' +
			'forged.json record 1): both kept; one may be forged',
	);
});
