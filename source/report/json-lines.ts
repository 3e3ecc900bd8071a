import type {Dataset, Finding, TrailEvent} from '../core/types.js';
import {findingBySeq, findingsOf} from '../detect/findings.js';
import {topSeverity} from '../query/filter-fields.js';
import {terminalSafeJson} from '../core/safe-json.js';

/**
`--json`: one JSON object per event, in time order, for scripts. `finding`
is the id of the event's finding (`f3`, as in `--report`), or null. Every key
is always present (null when the log has no value), so a consumer can rely
on the shape; the object is a public contract, changed only by addition.
*/

export {terminalSafeJson} from '../core/safe-json.js';

function jsonEvent(event: TrailEvent, finding: Finding | undefined) {
	return {
		eventID: event.eventId ?? null,
		eventTime: event.timeText,
		eventName: event.eventName,
		eventSource: event.eventSource,
		region: event.region || null,
		principal: event.principal.label,
		// `None` is the normaliser's word for "no identity": JSON says null.
		principalType:
			event.principal.type === 'None' ? null : event.principal.type,
		accessKeyId: event.principal.accessKeyId ?? null,
		sourceIPAddress: event.source.raw ?? null,
		sourceKind: event.source.kind,
		sourceAws: event.source.aws
			? {service: event.source.aws.service, region: event.source.aws.region}
			: null,
		userAgent: event.userAgent ?? null,
		errorCode: event.errorCode ?? null,
		outcome: event.outcome,
		console: event.console,
		severity: topSeverity(event) ?? null,
		flags: event.flags.map(({id, severity, title}) => ({id, severity, title})),
		finding: finding?.id ?? null,
		file: event.file,
		recordIndex: event.recordIndex,
	};
}

export function formatJsonLines(
	dataset: Dataset,
	options: {flaggedOnly?: boolean} = {},
): string[] {
	const findings = findingBySeq(findingsOf(dataset));
	return dataset.events
		.filter((event) => !options.flaggedOnly || event.flags.length > 0)
		.map((event) =>
			terminalSafeJson(jsonEvent(event, findings.get(event.seq))),
		);
}
