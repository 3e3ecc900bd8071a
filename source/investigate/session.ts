import type {TrailEvent} from '../core/types.js';
import {
	entriesOf,
	noMarks,
	resolveEntries,
	type MarkEntry,
	type MarkMap,
} from './marks.js';
import {
	loadedFiles,
	type SessionStore,
	type SessionStores,
} from './session-store.js';

/**
The session of a load: its store, the marks restored from it, and the saved
marks that found no event in these files (written back on every save, so
that a file that changed does not cost the marks of other events).
*/
export interface OpenedSession {
	store: SessionStore;
	/** The loaded files, absolute and sorted. */
	files: string[];
	marks: MarkMap;
	missing: MarkEntry[];
	/** A one-line note for the person (a damaged file, marks not found). */
	notice?: string;
}

export function openSession(
	stores: SessionStores,
	events: readonly TrailEvent[],
): OpenedSession {
	const files = loadedFiles(events);
	const store = stores(files);
	const loaded = store.load();
	const {marks, missing} = loaded.entries.length
		? resolveEntries(events, loaded.entries)
		: {marks: noMarks, missing: []};
	const lost =
		missing.length > 0
			? `${missing.length} saved mark${missing.length === 1 ? '' : 's'} not found in these files`
			: undefined;
	const notice = [loaded.notice, lost].filter(Boolean).join('; ');
	return {store, files, marks, missing, ...(notice ? {notice} : {})};
}

/** Saves the marks; a one-line notice when that failed. */
export function saveSession(
	session: OpenedSession,
	events: readonly TrailEvent[],
	marks: MarkMap,
): string | undefined {
	return session.store.save([...entriesOf(events, marks), ...session.missing]);
}
