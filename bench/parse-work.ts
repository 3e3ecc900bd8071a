import fs from 'node:fs';
import path from 'node:path';
import {gunzipSync} from 'node:zlib';

/**
The floor's unit of work: read a file, gunzip it, parse its JSON and count
its records, keeping nothing. Whatever trailtui does beyond this (normalise,
judge, index) is its own cost.
*/
export function parseFiles(
	root: string,
	files: readonly string[],
): {records: number; jsonBytes: number} {
	let records = 0;
	let jsonBytes = 0;
	for (const file of files) {
		const json = gunzipSync(fs.readFileSync(path.join(root, file)));
		jsonBytes += json.length;
		const document = JSON.parse(json.toString('utf8')) as {
			Records?: unknown[];
		};
		records += document.Records?.length ?? 0;
	}

	return {records, jsonBytes};
}
