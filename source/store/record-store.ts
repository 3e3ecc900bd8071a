import {gunzipSync} from 'node:zlib';
import type {RawRecord} from '../core/types.js';
import {withoutZeroPadding} from '../load/decode.js';
import {parseText} from '../load/parse.js';

/**
How a file's content is kept after loading, so that a record can be read
again when a person opens it (the detail view, `--json`) without keeping a
million parsed records in memory:

- `gzip`: the file's own bytes, a clean gzip stream (most CloudTrail files):
  about an eighth of the JSON.
- `plain`: the bytes of a small clean plain JSON file.
- `text-gz`: the decoded text of a large plain file, compressed on load.
- `text`: the decoded text itself, for the rare file whose decoding met a
  problem (UTF-16, a cut stream, bytes that are not UTF-8), so that what is
  read again is exactly what was read the first time.
*/
export type StoredForm =
	| {kind: 'gzip' | 'plain' | 'text-gz'; bytes: Uint8Array}
	| {kind: 'text'; text: string};

/** Parsed files kept at once: enough for the files a time-ordered walk interleaves. */
const cachedFiles = 16;

/** The text of a stored file, exactly as the loader decoded it. */
export function storedText(form: StoredForm): string {
	switch (form.kind) {
		case 'text':
			return form.text;
		case 'text-gz':
			return gunzipSync(form.bytes).toString('utf8');
		default: {
			const raw = Buffer.from(
				form.bytes.buffer,
				form.bytes.byteOffset,
				form.bytes.byteLength,
			);
			const data = withoutZeroPadding(
				form.kind === 'gzip' ? gunzipSync(raw) : raw,
			);
			const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
			return data.toString('utf8', bom ? 3 : 0);
		}
	}
}

/**
The loaded files, kept compact, and the parsed records of the few read last.
A record is found by its file and its index in the file, the same index the
loader gave it.
*/
export class RecordStore {
	private readonly files: Array<{path: string; form: StoredForm}> = [];
	private readonly cache = new Map<number, Map<number, RawRecord>>();
	/** Files decoded again since loading: the benchmark reports it. */
	decodes = 0;
	/** Bytes kept, for the benchmark and the debug log. */
	keptBytes = 0;

	add(path: string, form: StoredForm): number {
		this.files.push({path, form});
		this.keptBytes +=
			form.kind === 'text' ? form.text.length * 2 : form.bytes.byteLength;
		return this.files.length - 1;
	}

	get fileCount(): number {
		return this.files.length;
	}

	/** Every record of a file, by index; the most recent files are cached. */
	records(fileId: number): ReadonlyMap<number, RawRecord> {
		const cached = this.cache.get(fileId);
		if (cached) {
			// Refresh its place: the map's order is the order of use.
			this.cache.delete(fileId);
			this.cache.set(fileId, cached);
			return cached;
		}

		const file = this.files[fileId];
		const byIndex = new Map<number, RawRecord>();
		if (file) {
			this.decodes++;
			for (const {record, index} of parseText(storedText(file.form), file.path)
				.records) {
				byIndex.set(index, record);
			}
		}

		this.cache.set(fileId, byIndex);
		if (this.cache.size > cachedFiles) {
			this.cache.delete(this.cache.keys().next().value!);
		}

		return byIndex;
	}

	/**
	The record at a place. A file that changed on disk does not matter: the
	store reads its own copy. An empty object stands for a record that
	cannot be found, which would be a fault of the store.
	*/
	record(fileId: number, index: number): RawRecord {
		return this.records(fileId).get(index) ?? {};
	}
}
