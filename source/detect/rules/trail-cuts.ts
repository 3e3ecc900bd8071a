import type {Severity} from '../../core/types.js';
import {listText} from './change-common.js';
import {field, flagValue, textField} from './request-fields.js';

/**
What a request takes away from a trail, read from the request itself.

PutEventSelectors replaces every selector, so its request is the new state.
Management events are the calls that create, change and delete resources: a
trail without them, or with only the read-only ones, misses exactly what an
intruder does. Basic selectors (`eventSelectors`) and advanced ones
(`advancedEventSelectors`) are both read.

UpdateTrail names only what it changes: a new bucket, single-region, no
global services, no log file validation, no encryption, no CloudWatch Logs.
*/

export interface SelectorCuts {
	severity: Severity;
	/** Completing "It …". */
	effects: string[];
}

const dropsManagement =
	'stops recording management events (the calls that create, change and delete resources)';
const readsOnly =
	'records only read-only calls: every change to the account goes unrecorded';
const writesOnly =
	'records only changes: reads, such as secrets being retrieved, go unrecorded';

function strings(value: unknown): string[] {
	return (Array.isArray(value) ? value : [value]).filter(
		(v): v is string => typeof v === 'string' && v !== '',
	);
}

function basicCuts(selectors: unknown[]): SelectorCuts | undefined {
	if (selectors.length === 0) {
		return {
			severity: 'high',
			effects: ['removes every event selector: ' + dropsManagement],
		};
	}

	const management = selectors.filter(
		(s) => flagValue(field(s, 'includeManagementEvents')) !== false,
	);
	if (management.length === 0) {
		return {severity: 'high', effects: [dropsManagement]};
	}

	const types = new Set(
		management.map((s) => String(field(s, 'readWriteType') ?? 'All')),
	);
	const excluded = management.flatMap((s) =>
		strings(field(s, 'excludeManagementEventSources')),
	);
	return cutsOf(
		types.size === 1 && types.has('ReadOnly'),
		types.size === 1 && types.has('WriteOnly'),
		excluded,
	);
}

function cutsOf(
	onlyReads: boolean,
	onlyWrites: boolean,
	excluded: string[],
): SelectorCuts | undefined {
	const effects: string[] = [];
	let severity: Severity = 'medium';
	if (onlyReads) {
		effects.push(readsOnly);
		severity = 'high';
	} else if (onlyWrites) {
		effects.push(writesOnly);
	}

	if (excluded.length > 0) {
		effects.push(
			`leaves out the management events of ${listText([...new Set(excluded)])}`,
		);
	}

	return effects.length === 0 ? undefined : {severity, effects};
}

interface FieldSelector {
	field: string;
	equals: string[];
	notEquals: string[];
}

function fieldSelectors(selector: unknown): FieldSelector[] {
	const list = field(selector, 'fieldSelectors');
	return (Array.isArray(list) ? list : []).map((f) => ({
		field: String(field(f, 'field') ?? ''),
		equals: strings(field(f, 'equals')),
		notEquals: strings(field(f, 'notEquals')),
	}));
}

function advancedCuts(selectors: unknown[]): SelectorCuts | undefined {
	const management = selectors
		.map(fieldSelectors)
		.filter((fields) =>
			fields.some(
				(f) => f.field === 'eventCategory' && f.equals.includes('Management'),
			),
		);
	if (management.length === 0) {
		return {severity: 'high', effects: [dropsManagement]};
	}

	const readOnly = management.map(
		(fields) => fields.find((f) => f.field === 'readOnly')?.equals ?? [],
	);
	const excluded = management.flatMap((fields) =>
		fields.filter((f) => f.field === 'eventSource').flatMap((f) => f.notEquals),
	);
	return cutsOf(
		readOnly.every((values) => values.length === 1 && values[0] === 'true'),
		readOnly.every((values) => values.length === 1 && values[0] === 'false'),
		excluded,
	);
}

/** What the request cuts from the trail, or undefined when it cuts nothing. */
export function selectorCuts(request: unknown): SelectorCuts | undefined {
	const advanced = field(request, 'advancedEventSelectors');
	if (Array.isArray(advanced)) {
		return advancedCuts(advanced);
	}

	const basic = field(request, 'eventSelectors');
	return Array.isArray(basic) ? basicCuts(basic) : undefined;
}

/**
What an UpdateTrail request weakens, given the bucket the trail wrote to
before (when the logs show it); undefined when it weakens nothing.
*/
export function updateCuts(
	request: unknown,
	bucketBefore: string | undefined,
): SelectorCuts | undefined {
	const effects: string[] = [];
	let severity: Severity = 'medium';
	const bucket = textField(request, 's3BucketName');
	if (bucket && bucket !== bucketBefore) {
		effects.push(
			bucketBefore
				? `moves the logs from bucket ${bucketBefore} to ${bucket}`
				: `sends the logs to bucket ${bucket}`,
		);
		severity = 'high';
	}

	if (flagValue(field(request, 'isMultiRegionTrail')) === false) {
		effects.push('stops recording the other regions');
		severity = 'high';
	}

	if (flagValue(field(request, 'includeGlobalServiceEvents')) === false) {
		effects.push('stops recording IAM, STS and the other global services');
		severity = 'high';
	}

	if (flagValue(field(request, 'enableLogFileValidation')) === false) {
		effects.push(
			'turns off log file validation (the digest files that prove the logs were not altered)',
		);
	}

	if (field(request, 'kmsKeyId') === '') {
		effects.push('stops encrypting the log files with its KMS key');
	}

	if (field(request, 'cloudWatchLogsLogGroupArn') === '') {
		effects.push(
			'stops sending the logs to CloudWatch Logs, where alarms read them',
		);
	}

	return effects.length === 0 ? undefined : {severity, effects};
}
