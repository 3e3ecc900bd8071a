import type {Finding, TrailEvent} from '../core/types.js';
import type {MarkMap} from '../investigate/marks.js';
import type {TimeWindow} from '../investigate/timeline.js';
import {csvRows} from './csv.js';
import type {ExportFormat} from './formats.js';
import {jsonLines} from './jsonl.js';
import {incidentNote} from './markdown.js';

/**
One export, whatever asked for it (the screen's dialog or `--export`):
the events, the format, and what the incident note says about them.
*/
export interface ExportJob {
	format: ExportFormat;
	/** The exported events, in time order. */
	events: readonly TrailEvent[];
	/** What was exported. */
	what: 'view' | 'marked';
	/** CSV columns. */
	columns: readonly string[];
	/** Every loaded event and the files they came from. */
	loaded: readonly TrailEvent[];
	files: readonly string[];
	findings: readonly Finding[];
	/** The finding of each flagged event, by seq. */
	findingOf: ReadonlyMap<number, Finding>;
	marks: MarkMap;
	filter?: string | undefined;
	window?: TimeWindow | undefined;
	scope?: string | undefined;
}

/** The export's text, in chunks. */
export function exportChunks(job: ExportJob, now: number): Iterable<string> {
	switch (job.format) {
		case 'jsonl':
			return jsonLines(job.events);
		case 'csv':
			return csvRows(job.events, job.columns, {
				findingOf: (seq) => job.findingOf.get(seq)?.id,
				markOf: (seq) => job.marks.get(seq),
			});
		case 'md':
			return [incidentNote({...job, generatedAt: now})];
	}
}
