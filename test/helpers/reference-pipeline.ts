import type {Dataset} from '../../source/core/types.js';
import {detect} from '../../source/detect/detect.js';
import {buildFindings} from '../../source/detect/findings.js';
import {bundledRanges} from '../../source/enrich/aws-ranges.js';
import {loadRecords} from '../../source/load/load-records.js';
import {normaliseRecord} from '../../source/normalise/normalise-event.js';
import {unreadableTimeProblems} from '../../source/normalise/time-problems.js';
import {compareEventTime} from '../../source/pipeline.js';

/**
The pipeline as it was before the compact store: one thread, every record
a parsed object kept in full. The tests hold the scaling loader to it.
*/
export async function referenceDataset(
	paths: readonly string[],
): Promise<Dataset> {
	const ranges = bundledRanges();
	const {records, summary} = await loadRecords(paths);
	const events = records.map((record) => normaliseRecord(record, ranges));
	summary.problems.push(...unreadableTimeProblems(events));
	events.sort(compareEventTime);
	for (const [seq, event] of events.entries()) {
		event.seq = seq;
	}

	detect(events, {trustPolicies: []});
	return {
		events,
		summary: {...summary, events: events.length},
		findings: buildFindings(events),
	};
}
