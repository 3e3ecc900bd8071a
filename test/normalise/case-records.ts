import {readFileSync} from 'node:fs';
import type {RawRecord, TrailEvent} from '../../source/core/types.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {caseFile} from '../helpers/paths.js';

/**
The records of a copied bug-report case, read with a plain JSON.parse so
these tests do not depend on the loader.
*/
export function caseRecords(name: string): RawRecord[] {
	const json = JSON.parse(readFileSync(caseFile(name), 'utf8')) as {
		Records: RawRecord[];
	};
	return json.Records;
}

/** The case's records normalised against the bundled AWS ranges. */
export function caseEvents(name: string): TrailEvent[] {
	return caseRecords(name).map((record, index) =>
		normaliseRecord({record, file: name, index}, bundledRanges()),
	);
}
