import type {LoadProblem, TrailEvent} from '../core/types.js';

/**
Events whose `eventTime` cannot be read are kept (they may be the very calls
a person looks for) but sort last and show `—` as their time. That must not
be silent, or a person would trust a time filter or a timeline that leaves
them out: one warning per file says how many there are and shows the first.
*/
export function unreadableTimeProblems(
	events: readonly TrailEvent[],
): LoadProblem[] {
	const byFile = new Map<string, {count: number; first: TrailEvent}>();
	for (const event of events) {
		if (!Number.isNaN(event.time)) {
			continue;
		}

		const seen = byFile.get(event.file);
		if (seen) {
			seen.count++;
			if (event.recordIndex < seen.first.recordIndex) {
				seen.first = event;
			}
		} else {
			byFile.set(event.file, {count: 1, first: event});
		}
	}

	return [...byFile].map(([file, {count, first}]) => {
		const records = count === 1 ? '1 record' : `${count} records`;
		const raw =
			first.timeText === '' ? 'no eventTime' : JSON.stringify(first.timeText);
		return {
			level: 'warning',
			file,
			message:
				`${records} with an unreadable eventTime ` +
				`(record ${first.recordIndex + 1}: ${raw}): shown last, with — as time`,
		};
	});
}
