import {open} from 'node:fs/promises';
import {openFlags} from './read-bytes.js';

/** What the first bytes of a file say it holds. */
export type ContentKind =
	/** gzip magic bytes 1f 8b, whatever the name says. */
	| 'gzip'
	/** Text whose first significant character opens a JSON object or array. */
	| 'json'
	/** A UTF-16 byte-order mark: a PowerShell redirect of CLI output. */
	| 'utf16'
	/** Zero bytes, or only white space as far as the sniff reached. */
	| 'empty'
	/** Anything else: a CSV, a README, an image. */
	| 'other';

/** How many leading bytes are enough to tell a log from a non-log. */
export const sniffLength = 4096;

function isJsonSpace(byte: number): boolean {
	return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
Classify content from its first bytes. Names are never trusted: Firehose
objects have no suffix and downloaders leave `.gz` on decoded files.
*/
export function sniffContent(head: Uint8Array): ContentKind {
	if (head[0] === 0x1f && head[1] === 0x8b) {
		return 'gzip';
	}

	if (
		(head[0] === 0xff && head[1] === 0xfe) ||
		(head[0] === 0xfe && head[1] === 0xff)
	) {
		return 'utf16';
	}

	let start = 0;
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
		start = 3;
	}

	for (let i = start; i < head.length; i++) {
		const byte = head[i]!;
		if (isJsonSpace(byte)) {
			continue;
		}

		return byte === 0x7b || byte === 0x5b ? 'json' : 'other';
	}

	return 'empty';
}

/** The verdict on a file and the bytes it was based on. */
export interface Sniffed {
	kind: ContentKind;
	head: Uint8Array;
}

/**
Read only the first bytes of a file and classify them. Opened non-blocking,
so a FIFO that slipped past the directory walk cannot hang the loader.
*/
export async function sniffFile(path: string): Promise<Sniffed> {
	const handle = await open(path, openFlags);
	try {
		const buffer = new Uint8Array(sniffLength);
		const {bytesRead} = await handle.read(buffer, 0, sniffLength, 0);
		const head = buffer.subarray(0, bytesRead);
		return {kind: sniffContent(head), head};
	} finally {
		await handle.close();
	}
}

/** Why a file was skipped, with its first bytes shown as plain ASCII. */
export function describeNotLog(head: Uint8Array): string {
	const shown = Array.from(head.subarray(0, 12), (byte) =>
		byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
	).join('');
	return `not JSON or gzip (starts with "${shown}"): skipped, not a CloudTrail log`;
}
