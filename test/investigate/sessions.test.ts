import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {TrailEvent} from '../../source/core/types.js';
import {
	entriesOf,
	eventDigest,
	markedSeqs,
	noMarks,
	resolveEntries,
	setNote,
	toggleMark,
} from '../../source/investigate/marks.js';
import {openSession, saveSession} from '../../source/investigate/session.js';
import {
	fileSessions,
	loadedFiles,
	memorySessions,
	sessionKey,
} from '../../source/investigate/session-store.js';
import {makeEvents} from '../helpers/make-event.js';

const scratch: string[] = [];

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-session-'));
	scratch.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of scratch.splice(0)) {
		fs.rmSync(dir, {recursive: true, force: true});
	}
});

/** Five events from two files, one pair sharing an eventID. */
function trail(): TrailEvent[] {
	const events = makeEvents([
		{time: '2024-05-01T10:00:00Z', eventId: 'id-a'},
		{time: '2024-05-01T10:01:00Z', eventId: 'id-b'},
		{time: '2024-05-01T10:02:00Z', eventId: 'id-same', user: 'bob'},
		{time: '2024-05-01T10:03:00Z', eventId: 'id-same', user: 'carol'},
		{time: '2024-05-01T10:04:00Z', eventId: 'id-c'},
	]);
	for (const event of events) {
		event.file = event.seq < 3 ? 'logs/a.json' : 'logs/b.json';
	}

	return events;
}

test('marks toggle, notes mark too, and an empty note keeps the mark', () => {
	let marks = toggleMark(noMarks, 3);
	assert.deepEqual(markedSeqs(marks), [3]);
	marks = setNote(marks, 1, '  the laptop  ');
	assert.deepEqual(markedSeqs(marks), [1, 3]);
	assert.equal(marks.get(1)?.note, 'the laptop');
	marks = setNote(marks, 1, '');
	assert.deepEqual(marks.get(1), {});
	marks = toggleMark(marks, 3);
	assert.deepEqual(markedSeqs(marks), [1]);
	assert.equal(noMarks.size, 0, 'the maps are never changed in place');
});

test('an event is named by its eventID and a digest of its record', () => {
	const events = trail();
	const [first, , bob, carol] = events;
	assert.match(eventDigest(first!), /^[0-9a-f]{32}$/);
	// Same eventID, other content: other digests, so each mark finds its own.
	assert.notEqual(eventDigest(bob!), eventDigest(carol!));
	const again = trail();
	assert.equal(eventDigest(again[2]!), eventDigest(bob!));
	// Key order does not matter.
	const reordered = {
		...again[0]!,
		record: Object.fromEntries(Object.entries(again[0]!.record).reverse()),
	};
	assert.equal(eventDigest(reordered), eventDigest(first!));
	const marks = setNote(toggleMark(noMarks, 3), 0, 'first');
	const entries = entriesOf(events, marks);
	assert.deepEqual(
		entries.map((entry) => [entry.eventID, entry.note]),
		[
			['id-a', 'first'],
			['id-same', undefined],
		],
	);
	const restored = resolveEntries(again, entries);
	assert.deepEqual(markedSeqs(restored.marks), [0, 3]);
	assert.equal(restored.marks.get(0)?.note, 'first');
	assert.deepEqual(restored.missing, []);
});

test('the session key is the set of absolute file paths, in any order', () => {
	const events = trail();
	const files = loadedFiles(events);
	assert.deepEqual(files, [
		path.resolve('logs/a.json'),
		path.resolve('logs/b.json'),
	]);
	assert.equal(sessionKey(files), sessionKey([...files].reverse()));
	assert.equal(sessionKey(files), sessionKey(['logs/b.json', 'logs/a.json']));
	assert.notEqual(sessionKey(files), sessionKey(files.slice(0, 1)));
	assert.match(sessionKey(files), /^[0-9a-f]{32}$/);
});

test('marks and notes round-trip through the session file in the config folder', () => {
	const xdg = tempDir();
	const stores = fileSessions({XDG_CONFIG_HOME: xdg});
	const events = trail();
	const session = openSession(stores, events);
	assert.equal(session.marks.size, 0);
	assert.equal(session.notice, undefined);
	const marks = setNote(toggleMark(noMarks, 2), 4, 'exfil | `rm -rf`');
	assert.equal(saveSession(session, events, marks), undefined);

	const file = path.join(
		xdg,
		'trailtui',
		'sessions',
		`${sessionKey(loadedFiles(events))}.json`,
	);
	assert.equal(session.store.where, file);
	assert.equal(fs.statSync(file).mode & 0o777, 0o600);
	const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		version: number;
		files: number;
		marks: unknown[];
	};
	assert.equal(saved.version, 1);
	assert.equal(saved.files, 2);
	assert.equal(saved.marks.length, 2);
	// Nothing else is left in the folder: no temporary file.
	assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)]);

	const next = openSession(stores, trail());
	assert.deepEqual(markedSeqs(next.marks), [2, 4]);
	assert.equal(next.marks.get(4)?.note, 'exfil | `rm -rf`');
	// Other files, another session.
	const other = trail();
	other[0]!.file = 'logs/c.json';
	assert.equal(openSession(stores, other).marks.size, 0);
});

test('marks whose events are gone are reported and kept on the next save', () => {
	const xdg = tempDir();
	const stores = fileSessions({XDG_CONFIG_HOME: xdg});
	const events = trail();
	saveSession(openSession(stores, events), events, toggleMark(noMarks, 1));
	const changed = trail();
	changed[1]!.record = {...changed[1]!.record, eventName: 'Changed'};
	const session = openSession(stores, changed);
	assert.equal(session.marks.size, 0);
	assert.match(session.notice ?? '', /1 saved mark not found/);
	saveSession(session, changed, toggleMark(noMarks, 0));
	const back = openSession(stores, trail());
	assert.deepEqual(markedSeqs(back.marks), [0, 1]);
});

test('a damaged session file is kept aside as .bad and reported, not overwritten', () => {
	const xdg = tempDir();
	const stores = fileSessions({XDG_CONFIG_HOME: xdg});
	const events = trail();
	const file = stores(loadedFiles(events)).where;
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, '{"version": 1, "marks": [ oops');
	const session = openSession(stores, events);
	assert.equal(session.marks.size, 0);
	assert.match(
		session.notice ?? '',
		/damaged \(not JSON.*kept as .*\.json\.bad/,
	);
	assert.equal(
		fs.readFileSync(`${file}.bad`, 'utf8'),
		'{"version": 1, "marks": [ oops',
	);
	assert.equal(saveSession(session, events, toggleMark(noMarks, 0)), undefined);
	assert.equal(openSession(stores, events).marks.size, 1);

	// A second damaged file does not replace the first one kept.
	fs.writeFileSync(file, JSON.stringify({version: 1, marks: [{note: 3}]}));
	assert.match(openSession(stores, events).notice ?? '', /\.bad-2/);
	assert.ok(fs.existsSync(`${file}.bad`));
});

test('an unwritable config folder gives a one-line notice, never an exception', () => {
	const xdg = tempDir();
	// A file where the trailtui folder should be: no folder can be made.
	fs.writeFileSync(path.join(xdg, 'trailtui'), 'not a folder');
	const stores = fileSessions({XDG_CONFIG_HOME: xdg});
	const events = trail();
	const session = openSession(stores, events);
	assert.equal(session.marks.size, 0);
	const notice = saveSession(session, events, toggleMark(noMarks, 0));
	assert.match(
		notice ?? '',
		/^Marks not saved: cannot write .*\((ENOTDIR|EEXIST)\)$/,
	);
	assert.ok(!notice?.includes('\n'));
});

test('an unreadable session file stops saving over it', () => {
	const xdg = tempDir();
	const stores = fileSessions({XDG_CONFIG_HOME: xdg});
	const events = trail();
	// A folder in place of the file: reading it fails with EISDIR.
	fs.mkdirSync(stores(loadedFiles(events)).where, {recursive: true});
	const session = openSession(stores, events);
	assert.match(session.notice ?? '', /Cannot read the session .*EISDIR/);
	assert.match(
		saveSession(session, events, toggleMark(noMarks, 0)) ?? '',
		/could not be read/,
	);
});

test('memory sessions keep marks for the same files while they live', () => {
	const stores = memorySessions();
	const events = trail();
	saveSession(openSession(stores, events), events, toggleMark(noMarks, 2));
	assert.deepEqual(markedSeqs(openSession(stores, trail()).marks), [2]);
});
