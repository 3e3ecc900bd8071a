import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {openDataset} from '../../source/pipeline.js';
import {caseFile, sample} from './paths.js';

/**
Real datasets for the screen's tests, through the whole pipeline: the
bundled flaws2 sample with its role's trust policy, and the shared cases.
*/

export async function openFlaws2(): Promise<Dataset> {
	return openDataset([sample('flaws2')], {
		iamFiles: [sample('flaws2', 'level3.json')],
	});
}

export async function openCase(name: string): Promise<Dataset> {
	return openDataset([caseFile(name)]);
}

/** The one event of a dataset with this name; throws when not exactly one. */
export function onlyEvent(dataset: Dataset, eventName: string): TrailEvent {
	const found = dataset.events.filter((event) => event.eventName === eventName);
	if (found.length !== 1) {
		throw new Error(`expected one ${eventName}, found ${found.length}`);
	}

	return found[0]!;
}
