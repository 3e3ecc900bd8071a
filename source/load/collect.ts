import type {LoadProblem, RawRecord} from '../core/types.js';
import {plural} from './json-errors.js';
import {describeValue, isObject, looksLikeEvent} from './shapes.js';

/** A record found in a file, before it is tied to the file's path. */
export interface ParsedRecord {
	record: RawRecord;
	/** 0-based position among the file's elements, skipped ones included. */
	index: number;
	/** Epoch ms from a wrapper's time field (`lookup-events` EventTime). */
	fallbackTime?: number;
}

const levelRank = {info: 0, warning: 1, error: 2} as const;

/** Problems listed per file before the rest are only counted. */
const listedProblems = 20;

/**
Gathers one file's records and problems, numbering every element so that a
record's index is its place in the file, and capping the problem list so a
file of a million bad lines gives a readable report.
*/
export class RecordCollector {
	readonly records: ParsedRecord[] = [];
	readonly problems: LoadProblem[] = [];
	private nextIndex = 0;
	private unlisted = 0;
	private unlistedLevel: LoadProblem['level'] = 'info';

	constructor(private readonly file: string) {}

	note(level: LoadProblem['level'], message: string, record?: number): void {
		if (this.problems.length >= listedProblems) {
			this.unlisted++;
			if (levelRank[level] > levelRank[this.unlistedLevel]) {
				this.unlistedLevel = level;
			}

			return;
		}

		this.problems.push(
			record === undefined
				? {level, file: this.file, message}
				: {level, file: this.file, record, message},
		);
	}

	/** How deep Records batches nested in Records are being read. */
	private nesting = 0;

	/**
	A `{"Records":[…]}` batch where an event belongs (an export that wrapped
	whole files) is read as its records, never kept as one empty event.
	*/
	private nestedBatch(value: RawRecord, where: string): boolean {
		if (!Object.hasOwn(value, 'Records') || looksLikeEvent(value)) {
			return false;
		}

		const inner = value['Records'];
		if (!Array.isArray(inner) || this.nesting >= 4) {
			this.note(
				'warning',
				`${where} holds Records (${Array.isArray(inner) ? 'nested too deep' : describeValue(inner)}), not an event: skipped`,
				this.nextIndex,
			);
			return true;
		}

		this.note(
			'info',
			`${where} is a Records batch inside Records: read as its ${plural(inner.length, 'record')}`,
			this.nextIndex,
		);
		this.nesting++;
		try {
			this.elements(inner);
		} finally {
			this.nesting--;
		}

		return true;
	}

	/** One element of a Records array, of a bare array, or one line. */
	element(value: unknown, fallbackTime?: number, where?: string): void {
		if (
			isObject(value) &&
			this.nestedBatch(value, where ?? `record ${this.nextIndex + 1}`)
		) {
			return;
		}

		const index = this.nextIndex++;
		if (isObject(value)) {
			this.records.push(
				fallbackTime === undefined
					? {record: value, index}
					: {record: value, index, fallbackTime},
			);
			return;
		}

		this.note(
			'warning',
			`${where ?? `record ${index + 1}`} is ${describeValue(value)}, ` +
				'not an event object: skipped',
			index,
		);
	}

	/** How many elements were seen, records or not. */
	get count(): number {
		return this.nextIndex;
	}

	/** An element that could not be read: it keeps its place in the count. */
	unreadable(message: string): void {
		const index = this.nextIndex++;
		this.note('error', `record ${index + 1}: ${message}`, index);
	}

	/** Every element of an array. */
	elements(values: readonly unknown[]): void {
		for (const value of values) {
			this.element(value);
		}
	}

	/** The problem list, closed with a count of those left out. */
	finish(): LoadProblem[] {
		if (this.unlisted > 0) {
			this.problems.push({
				level: this.unlistedLevel,
				file: this.file,
				message: `and ${plural(this.unlisted, 'more problem')} not listed`,
			});
			this.unlisted = 0;
		}

		return this.problems;
	}
}
