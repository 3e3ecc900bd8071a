import type {TrailEvent} from '../../core/types.js';
import {clock} from '../describe.js';
import {field, requestOf, responseOf, textField} from './request-fields.js';
import {readPolicy} from './policy-document.js';

/**
Where the account's logs go, as far as the loaded logs tell: the buckets
that receive CloudTrail, and the CloudWatch log groups that receive a
trail, VPC flow logs or DNS query logs. A change to one of these (a short
lifecycle on the bucket, a deleted log group) destroys evidence as surely
as stopping the log itself, and is quieter.

The knowledge comes from creating or updating a trail (`s3BucketName`,
`cloudWatchLogsLogGroupArn`), from trail descriptions in responses, from a
bucket policy that lets `cloudtrail.amazonaws.com` write, and from creating
flow logs or DNS query logging.
*/

export interface Destination {
	/** `receives CloudTrail logs`. */
	what: string;
	/** `CreateTrail of prod-trail`: completed with the time of `event`. */
	detail: string;
	event: TrailEvent;
}

/** `receives CloudTrail logs (CreateTrail of prod-trail at 10:00:00)`. */
export function destinationText(
	destination: Destination,
	reference: TrailEvent,
): string {
	const at = clock(destination.event.time, reference.time);
	return `${destination.what} (${destination.detail} at ${at})`;
}

export interface LogDestinations {
	/** By bucket name. */
	trailBuckets: ReadonlyMap<string, Destination>;
	/** By log group name. */
	logGroups: ReadonlyMap<string, Destination>;
	/** By trail name. */
	trails: ReadonlyMap<string, TrailRecord>;
}

export interface TrailRecord {
	/** The buckets the trail was set to write to, in time order. */
	buckets: Array<{bucket: string; event: TrailEvent}>;
	created?: TrailEvent;
}

/** The bucket a trail wrote to just before an event, when the logs show it. */
export function bucketBefore(
	trail: TrailRecord | undefined,
	event: TrailEvent,
): string | undefined {
	return trail?.buckets.filter((b) => b.event.seq < event.seq).at(-1)?.bucket;
}

const cache = new WeakMap<readonly TrailEvent[], LogDestinations>();

/** `arn:aws:cloudtrail:…:trail/name` or a bare name → the name. */
export function trailName(value: string): string {
	const match = /:trail\/(.+)$/.exec(value);
	return match?.[1] ?? value;
}

/** `arn:aws:logs:r:a:log-group:name:*` → `name`. */
export function logGroupOfArn(arn: string): string | undefined {
	return /:log-group:([^:]+)/.exec(arn)?.[1];
}

function remember(
	map: Map<string, Destination>,
	key: string | undefined,
	what: string,
	detail: string,
	event: TrailEvent,
): void {
	if (key && !map.has(key)) {
		map.set(key, {what, detail, event});
	}
}

function readTrailChange(
	event: TrailEvent,
	found: {
		trailBuckets: Map<string, Destination>;
		logGroups: Map<string, Destination>;
		trails: Map<string, TrailRecord>;
	},
): void {
	const request = requestOf(event);
	const response = responseOf(event);
	const name = textField(request, 'name') ?? textField(response, 'name');
	const bucket =
		textField(request, 's3BucketName') ?? textField(response, 's3BucketName');
	const group =
		textField(request, 'cloudWatchLogsLogGroupArn') ??
		textField(response, 'cloudWatchLogsLogGroupArn');
	const detail = name ? `${event.eventName} of ${name}` : event.eventName;
	const what = 'receives CloudTrail logs';
	remember(found.trailBuckets, bucket, what, detail, event);
	remember(
		found.logGroups,
		group ? logGroupOfArn(group) : undefined,
		what,
		detail,
		event,
	);
	if (name) {
		const key = trailName(name);
		const trail = found.trails.get(key) ?? {buckets: []};
		if (bucket) {
			trail.buckets.push({bucket, event});
		}

		if (event.eventName === 'CreateTrail' && !trail.created) {
			trail.created = event;
		}

		found.trails.set(key, trail);
	}
}

function readTrailList(
	event: TrailEvent,
	trailBuckets: Map<string, Destination>,
): void {
	const list = field(responseOf(event), 'trailList');
	for (const trail of Array.isArray(list) ? list : []) {
		const bucket = textField(trail, 'S3BucketName');
		const name = textField(trail, 'Name') ?? 'a trail';
		remember(
			trailBuckets,
			bucket,
			'receives CloudTrail logs',
			`${name}, in a trail description`,
			event,
		);
	}
}

/** A bucket policy that lets CloudTrail write names a trail bucket. */
function readBucketPolicy(
	event: TrailEvent,
	trailBuckets: Map<string, Destination>,
): void {
	const request = requestOf(event);
	const statements = readPolicy(field(request, 'bucketPolicy')) ?? [];
	const writes = statements.some(
		(s) =>
			s.effect === 'Allow' &&
			s.principals.some(
				(p) => p.kind === 'Service' && p.value === 'cloudtrail.amazonaws.com',
			) &&
			s.actions.some((a) => /^s3:(?:PutObject|\*)$/i.test(a)),
	);
	if (writes) {
		remember(
			trailBuckets,
			textField(request, 'bucketName'),
			'receives CloudTrail logs',
			'its policy lets CloudTrail write, set',
			event,
		);
	}
}

function readFlowLogs(event: TrailEvent, logGroups: Map<string, Destination>) {
	const request = requestOf(event);
	const inner = field(request, 'CreateFlowLogsRequest') ?? request;
	const group =
		textField(inner, 'LogGroupName') ??
		logGroupOfArn(textField(inner, 'LogDestination') ?? '');
	remember(logGroups, group, 'receives VPC flow logs', 'CreateFlowLogs', event);
}

function readQueryLogs(event: TrailEvent, logGroups: Map<string, Destination>) {
	const arn = textField(requestOf(event), 'DestinationArn') ?? '';
	remember(
		logGroups,
		logGroupOfArn(arn),
		'receives DNS query logs',
		'CreateResolverQueryLogConfig',
		event,
	);
}

/** Gathers the log destinations once per event list. */
export function logDestinations(
	events: readonly TrailEvent[],
): LogDestinations {
	let found = cache.get(events);
	if (found) {
		return found;
	}

	const trailBuckets = new Map<string, Destination>();
	const logGroups = new Map<string, Destination>();
	const trails = new Map<string, TrailRecord>();
	for (const event of events) {
		if (event.outcome !== 'success') {
			continue;
		}

		switch (event.eventName) {
			case 'CreateTrail':
			case 'UpdateTrail': {
				readTrailChange(event, {trailBuckets, logGroups, trails});
				break;
			}

			case 'DescribeTrails':
			case 'GetTrail': {
				readTrailList(event, trailBuckets);
				break;
			}

			case 'PutBucketPolicy': {
				readBucketPolicy(event, trailBuckets);
				break;
			}

			case 'CreateFlowLogs': {
				readFlowLogs(event, logGroups);
				break;
			}

			case 'CreateResolverQueryLogConfig': {
				readQueryLogs(event, logGroups);
				break;
			}

			default:
		}
	}

	found = {trailBuckets, logGroups, trails};
	cache.set(events, found);
	return found;
}

/**
A bucket name that suggests CloudTrail logs, for when the logs never show
the trail: a weaker signal, said as such.
*/
export function looksLikeTrailBucket(bucket: string): boolean {
	return /cloud-?trail|(?:^|[-_.])trails?(?:[-_.]|$)|audit-?logs?/i.test(
		bucket,
	);
}
