import {isUtf8} from 'node:buffer';
import path from 'node:path';

/**
A path as the file system knows it: a string when its bytes are UTF-8, a
Buffer when they are not, since a string would turn the bad bytes into
U+FFFD and name a file that does not exist.
*/
export type RealPath = string | Buffer;

/** How many bytes a UTF-8 sequence has, from its lead byte (1 if invalid). */
function sequenceLength(lead: number): number {
	if (lead >= 0xf0) {
		return 4;
	}

	if (lead >= 0xe0) {
		return 3;
	}

	return lead >= 0xc0 ? 2 : 1;
}

/**
A file name's bytes as text a person can read and copy: valid UTF-8 as it
is, every other byte as a visible `\xff`, so two names that differ only in
bad bytes never look the same (U+FFFD would hide the difference).
*/
export function displayName(bytes: Buffer): string {
	if (isUtf8(bytes)) {
		return bytes.toString('utf8');
	}

	let text = '';
	let at = 0;
	while (at < bytes.length) {
		const length = sequenceLength(bytes[at]!);
		const sequence = bytes.subarray(at, at + length);
		if (bytes[at]! < 0x80 || (length > 1 && isUtf8(sequence))) {
			text += sequence.toString('utf8');
			at += length;
		} else {
			text += `\\x${bytes[at]!.toString(16).padStart(2, '0')}`;
			at++;
		}
	}

	return text;
}

/** The real path of an entry found below a folder, kept as a string when it can be. */
export function joinReal(folder: RealPath, name: Buffer): RealPath {
	if (typeof folder === 'string' && isUtf8(name)) {
		return path.join(folder, name.toString('utf8'));
	}

	const base =
		typeof folder === 'string' ? Buffer.from(folder, 'utf8') : folder;
	const separator = base.at(-1) === path.sep.charCodeAt(0) ? [] : [path.sep];
	return Buffer.concat([base, Buffer.from(separator.join('')), name]);
}

/**
The byte form of a command-line path whose characters are all below U+0100,
when it differs from the UTF-8 form: a caller that decoded the name's bytes
one per character (Latin-1) still reaches the file. Undefined otherwise.
*/
export function latin1Form(given: string): Buffer | undefined {
	// eslint-disable-next-line no-control-regex -- a byte range, not controls
	if (!/^[\u0000-\u00ff]*$/.test(given) || /^[\u0000-\u007f]*$/.test(given)) {
		return undefined;
	}

	return Buffer.from(given, 'latin1');
}
