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
The byte order of UTF-16 text that has no byte-order mark, judged from its
first characters: JSON starts in ASCII, so every other byte is zero. Some
Windows tools write UTF-16 without the mark; read as UTF-8 it is garbage.
*/
export function utf16WithoutBom(head: Uint8Array): 'le' | 'be' | undefined {
	const pairs = Math.min(64, Math.floor(head.length / 2));
	if (pairs < 2) {
		return undefined;
	}

	let little = true;
	let big = true;
	for (let pair = 0; pair < pairs; pair++) {
		const first = head[pair * 2]!;
		const second = head[pair * 2 + 1]!;
		little &&= first !== 0 && first < 0x80 && second === 0;
		big &&= first === 0 && second !== 0 && second < 0x80;
	}

	const order = little ? 'le' : big ? 'be' : undefined;
	if (order === undefined) {
		return undefined;
	}

	const text = Array.from({length: pairs}, (_, pair) =>
		String.fromCharCode(head[pair * 2 + (order === 'le' ? 0 : 1)]!),
	).join('');
	return /^\s*[[{]/.test(text) ? order : undefined;
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

	if (utf16WithoutBom(head) !== undefined) {
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
export async function sniffFile(path: string | Buffer): Promise<Sniffed> {
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

function shownHead(head: Uint8Array): string {
	return Array.from(head.subarray(0, 12), (byte) =>
		byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
	).join('');
}

/** Only control bytes, byte-order-mark bytes and spaces lead to JSON. */
function junkBeforeJson(head: Uint8Array): boolean {
	let at = 0;
	while (at < head.length && (head[at]! <= 0x20 || head[at]! >= 0xbb)) {
		at++;
	}

	return head[at] === 0x7b || head[at] === 0x5b;
}

/** Names only a CloudTrail log holds near its start. */
const logMarks = ['"Records"', '"eventVersion"', '"eventTime"', '"eventID"'];

/**
Why a file was skipped, with its first bytes shown as plain ASCII. A file
that is neither JSON nor gzip but holds CloudTrail's field names near its
start behind bytes that are not text (NULs, two byte-order marks) is a
damaged log, not a stray file: a warning, so it is not overlooked.
*/
export function describeNotLog(head: Uint8Array): {
	level: 'info' | 'warning';
	message: string;
} {
	const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString(
		'latin1',
	);
	const mark = junkBeforeJson(head)
		? logMarks.find((name) => text.includes(name))
		: undefined;
	if (mark !== undefined) {
		return {
			level: 'warning',
			message:
				`looks like a damaged CloudTrail log: it holds ${mark} but ` +
				`starts with "${shownHead(head)}", not JSON or gzip: skipped`,
		};
	}

	return {
		level: 'info',
		message: `not JSON or gzip (starts with "${shownHead(head)}"): skipped, not a CloudTrail log`,
	};
}
