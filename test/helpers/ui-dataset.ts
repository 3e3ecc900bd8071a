import type {
	Dataset,
	Flag,
	LoadProblem,
	LoadSummary,
	Severity,
	TrailEvent,
} from '../../source/core/types.js';
import {makeEvents, type EventSpec} from './make-event.js';

/**
Hand-made datasets for the screen's tests: events from the shared
`makeEvents` helper, flags and load problems added by hand, so the tests of
navigation and layout do not depend on the loader or the detectors.
*/

export function makeFlag(severity: Severity, title: string): Flag {
	return {
		id: title.toLowerCase().replaceAll(/\W+/g, '-'),
		severity,
		title,
		why: `Why ${title} matters.`,
		evidence: [`Evidence for ${title}.`],
		next: [`Check ${title}.`],
	};
}

export function makeSummary(
	events: number,
	problems: LoadProblem[] = [],
	overrides: Partial<LoadSummary> = {},
): LoadSummary {
	return {
		filesRead: 1,
		events,
		duplicates: 0,
		skippedDigest: 0,
		skippedEmpty: 0,
		filesWithErrors: problems.some((p) => p.level === 'error') ? 1 : 0,
		partialFiles: 0,
		problems,
		...overrides,
	};
}

export function makeDataset(
	events: TrailEvent[],
	problems: LoadProblem[] = [],
	overrides: Partial<LoadSummary> = {},
): Dataset {
	return {events, summary: makeSummary(events.length, problems, overrides)};
}

const names = [
	'ListBuckets',
	'GetObject',
	'DescribeInstances',
	'PutObject',
	'AssumeRole',
];

/**
`count` events a second apart from 10:00:00 UTC, named in a cycle of five
API calls, with a flag on every event whose number is in `flaggedAt`.
*/
export function sequenceDataset(
	count: number,
	flaggedAt: readonly number[] = [],
	problems: LoadProblem[] = [],
): Dataset {
	const start = Date.parse('2024-05-01T10:00:00Z');
	const specs: EventSpec[] = [];
	for (let index = 0; index < count; index++) {
		specs.push({
			time: new Date(start + index * 1000).toISOString().replace('.000', ''),
			eventName: `${names[index % names.length]}`,
			user: `user${String(index).padStart(3, '0')}`,
		});
	}

	const events = makeEvents(specs);
	for (const index of flaggedAt) {
		events[index]!.flags = [makeFlag('high', `Flag on event ${index}`)];
	}

	return makeDataset(events, problems);
}
