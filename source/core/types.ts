/**
The shared shapes of the pipeline: discover → decode → normalise → enrich →
detect → index → view. Every stage takes and returns these plain objects, so
each stage can be tested without the others and without a renderer.
*/

/** How bad a red flag is, lowest first. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const severityOrder: readonly Severity[] = [
	'info',
	'low',
	'medium',
	'high',
	'critical',
];

/** A higher number is more severe; an event without flags ranks -1. */
export function severityRank(severity: Severity | undefined): number {
	return severity === undefined ? -1 : severityOrder.indexOf(severity);
}

/** A CloudTrail record exactly as it was read: never changed after loading. */
export type RawRecord = Record<string, unknown>;

/** A record and the place it was read from. */
export interface SourcedRecord {
	record: RawRecord;
	/** The file's path as the user gave it (or as found below a folder). */
	file: string;
	/** 0-based position of the record within its file. */
	index: number;
	/**
	Epoch milliseconds from a wrapper's own time field, e.g. `EventTime` of
	`aws cloudtrail lookup-events` output. The record's `eventTime` wins; this
	is for records whose `eventTime` is missing or unreadable.
	*/
	fallbackTime?: number;
}

/** What kind of value `sourceIPAddress` holds. */
export type SourceKind =
	/** A public IPv4 or IPv6 address. */
	| 'public'
	/** A private, loopback, link-local or otherwise non-routable address. */
	| 'private'
	/** An AWS service name such as `ec2.amazonaws.com`. */
	| 'aws-service'
	/** The literal `AWS Internal`. */
	| 'aws-internal'
	/** No `sourceIPAddress` at all, or an empty one. */
	| 'missing'
	/** Anything else: a host name that is not an AWS service, garbage. */
	| 'other';

/** Where a public address sits in AWS's published ranges. */
export interface AwsRange {
	/** The most specific prefix holding the address, e.g. `34.224.0.0/12`. */
	prefix: string;
	/** The most specific service named for it, e.g. `EC2` (not `AMAZON`). */
	service: string;
	/** e.g. `us-east-1`, or `GLOBAL`. */
	region: string;
}

export interface SourceInfo {
	kind: SourceKind;
	/** The value as logged, or undefined when missing. */
	raw: string | undefined;
	/** 4 or 6 for addresses. */
	ipVersion?: 4 | 6;
	/** The address in canonical form, for addresses. */
	ip?: string;
	/** `vpcEndpointId` of the record, when the call came through one. */
	vpcEndpointId?: string;
	/** Set when a public address lies inside AWS's published ranges. */
	aws?: AwsRange;
	/** For `aws-service`: the service host name. */
	service?: string;
	/** A note a person should see, e.g. "caller IP not recorded (AppStream proxy)". */
	note?: string;
}

/** The identity behind an event, as a person would name it. */
export interface Principal {
	/** `userIdentity.type`, or a derived one: `ServiceEvent`, `None`. */
	type: string;
	/**
	The label shown in the table, e.g. `role level3 (session d190…)`, built
	from the log's raw text: a view makes it visible when it draws it.
	*/
	label: string;
	/**
	The key that per-identity baselines use, e.g. `role:123:level3`,
	`user:123:alice`, `idc:d-123:uuid`. Undefined for identities that have no
	baseline (AWS services, anonymous or unknown callers).
	*/
	baselineKey?: string;
	accountId?: string;
	arn?: string;
	userName?: string;
	roleName?: string;
	sessionName?: string;
	accessKeyId?: string;
	/** `userIdentity.invokedBy`: the service that acted for the principal. */
	invokedBy?: string;
}

/** The result of the call. Console sign-in failures count as `error`. */
export type Outcome = 'success' | 'denied' | 'error';

/** A red flag raised on one event, with everything the side panel shows. */
export interface Flag {
	/** Stable id, e.g. `workload-credential-outside-aws`. */
	id: string;
	severity: Severity;
	title: string;
	/** Why it matters: a short paragraph. */
	why: string;
	/** What was seen in this event and in the rest of the logs. */
	evidence: string[];
	/** What is normal for this identity, when known. */
	normal?: string[];
	/** What to check next: sentences and exact commands. */
	next: string[];
}

/** One loaded, normalised, enriched and judged event. */
export interface TrailEvent {
	/** Position in the time-ordered event list, from 0. */
	seq: number;
	/** The original record, untouched. */
	record: RawRecord;
	/** The file the record came from. */
	file: string;
	/** 0-based position of the record in its file. */
	recordIndex: number;
	eventId?: string;
	/** Epoch milliseconds of `eventTime` parsed as UTC; NaN when unreadable. */
	time: number;
	/** `eventTime` rendered as UTC ISO (`2018-11-28T23:09:28Z`), or the raw text. */
	timeText: string;
	eventName: string;
	eventSource: string;
	region: string;
	eventType?: string;
	errorCode?: string;
	errorMessage?: string;
	outcome: Outcome;
	userAgent?: string;
	/** True for console sessions (`sessionCredentialFromConsole` or sign-in). */
	console: boolean;
	principal: Principal;
	source: SourceInfo;
	/** Red flags, most severe first; empty when none. */
	flags: Flag[];
	/**
	One top-level field of the record. Loaded events answer the fields the
	detectors read from memory and read the rest from the compact store
	(see store/stored-event.ts); read fields through `recordField`, never
	`record`, wherever every event is visited.
	*/
	readField?(key: string): unknown;
}

export type ProblemLevel = 'error' | 'warning' | 'info';

/** A message about one file (and record) that a person must be able to read. */
export interface LoadProblem {
	level: ProblemLevel;
	file: string;
	/** 0-based record or line number, when the problem concerns one. */
	record?: number;
	message: string;
}

export interface LoadSummary {
	/** Files whose content was read (including skipped digests and empties). */
	filesRead: number;
	/** Events kept after de-duplication. */
	events: number;
	/** Records dropped because their eventID was seen before. */
	duplicates: number;
	/** Digest files recognised and skipped. */
	skippedDigest: number;
	/** Empty files (zero bytes, or no records) skipped. */
	skippedEmpty: number;
	/** Files with at least one error-level problem. */
	filesWithErrors: number;
	/** Files from which only part of the records could be recovered. */
	partialFiles: number;
	/**
	Files skipped because their content is not CloudTrail: not JSON or gzip
	(a CSV, a README), or JSON of another kind (an IAM policy, ip-ranges.json).
	*/
	skippedNotLog?: number;
	problems: LoadProblem[];
}

/**
Flagged events grouped for triage, so that one attacker's burst of twenty
calls reads as one finding with twenty events. See detect/findings.ts.
*/
export interface Finding {
	/** `f1`, `f2`… in rank order (f1 the most pressing); stable for a load. */
	id: string;
	/** The flag that groups the events: each event's lead flag. */
	flagId: string;
	/** Every flag the events carry, most severe first. */
	flagIds: string[];
	/** The worst flag of any of its events. */
	severity: Severity;
	/** The lead flag's title. */
	title: string;
	/** Who made the calls, as a person names them: `role level1`, `alice`. */
	identity: string;
	/** The access key the events share, when they share one. */
	accessKeyId?: string;
	/** One line: which calls, by whom, from where, when. */
	summary: string;
	/** The events' seqs, ascending. */
	seqs: number[];
	/** Epoch milliseconds of the first and the last event (NaN if unknown). */
	first: number;
	last: number;
	/** Each flag's explanation, from the first event that carries it. */
	flags: Flag[];
}

/** Everything the views need: the events in time order and how loading went. */
export interface Dataset {
	events: TrailEvent[];
	summary: LoadSummary;
	/**
	The findings, built once after detection (see `openDataset`), so that the
	screen, `--report` and `--json` give the same ids whatever a filter keeps.
	A hand-made dataset may leave it out: `findingsOf()` builds them then.
	*/
	findings?: readonly Finding[];
}
