import type {LoadProblem} from '../core/types.js';
import type {ParsedRecord} from './collect.js';

export type {ParsedRecord} from './collect.js';

/** The shape a file turned out to have. */
export type ParsedKind =
	| 'records'
	| 'lines'
	| 'array'
	| 'event'
	| 'lookup-events'
	| 'digest'
	| 'empty'
	| 'not-cloudtrail'
	| 'broken';

/** Where the JSON broke: one error, kept apart so a cut gzip can absorb it. */
export interface Damage {
	message: string;
	/** The record (or 0-based line) the damage is in or after. */
	record?: number;
}

export interface Parsed {
	kind: ParsedKind;
	records: ParsedRecord[];
	/** Every problem except the damage. */
	problems: LoadProblem[];
	/** Only the records before the damage could be read. */
	partial: boolean;
	damage?: Damage;
}
