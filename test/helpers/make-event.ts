import ipaddr from 'ipaddr.js';
import type {
	AwsRange,
	Outcome,
	Principal,
	RawRecord,
	SourceInfo,
	TrailEvent,
} from '../../source/core/types.js';

/**
Hand-made TrailEvents for unit tests of detection, the filter, search and
the report, independent of the loader and the normaliser. A spec names only
what a test cares about; everything else gets the cases' default (an
AssumedRole calling s3 ListBuckets in us-east-1).
*/
export interface EventSpec {
	/** ISO time; default 2024-05-01T10:00:00Z. */
	time?: string;
	eventName?: string;
	eventSource?: string;
	region?: string;
	/** `sourceIPAddress` as logged; `null` leaves it out. */
	ip?: string | null;
	/** Marks a public address as AWS's, e.g. {service:'EC2', region:'us-east-1'}. */
	aws?: Partial<AwsRange>;
	vpcEndpointId?: string;
	ua?: string;
	/** `userIdentity.type`; default AssumedRole when `role` is set, else IAMUser. */
	type?: string;
	role?: string;
	session?: string;
	user?: string;
	key?: string;
	account?: string;
	invokedBy?: string;
	errorCode?: string;
	errorMessage?: string;
	outcome?: Outcome;
	console?: boolean;
	eventId?: string;
	requestParameters?: Record<string, unknown> | null;
	responseElements?: Record<string, unknown> | null;
	/** Extra top-level record fields. */
	extra?: RawRecord;
}

function sourceOf(spec: EventSpec): SourceInfo {
	const raw = spec.ip === null ? undefined : (spec.ip ?? '203.0.113.10');
	if (raw === undefined || raw === '') {
		return {kind: 'missing', raw: undefined};
	}

	if (raw === 'AWS Internal') {
		return {kind: 'aws-internal', raw};
	}

	if (/\.amazonaws\.com$/.test(raw)) {
		return {kind: 'aws-service', raw, service: raw};
	}

	if (!ipaddr.isValid(raw)) {
		return {kind: 'other', raw};
	}

	const parsed = ipaddr.parse(raw);
	const ip =
		parsed instanceof ipaddr.IPv6
			? parsed.toRFC5952String()
			: parsed.toString();
	// Documentation ranges (203.0.113.0/24…) stand for public addresses.
	const isPublic = ![
		'private',
		'loopback',
		'linkLocal',
		'uniqueLocal',
		'carrierGradeNat',
		'unspecified',
	].includes(parsed.range());
	const info: SourceInfo = {
		kind: isPublic ? 'public' : 'private',
		raw,
		ipVersion: parsed.kind() === 'ipv4' ? 4 : 6,
		ip,
	};
	if (spec.vpcEndpointId) {
		info.vpcEndpointId = spec.vpcEndpointId;
	}

	if (isPublic && spec.aws) {
		info.aws = {
			prefix: spec.aws.prefix ?? `${raw}/32`,
			service: spec.aws.service ?? 'EC2',
			region: spec.aws.region ?? 'us-east-1',
		};
	}

	return info;
}

function principalOf(spec: EventSpec): {
	principal: Principal;
	identity: Record<string, unknown>;
} {
	const account = spec.account ?? '111122223333';
	const type = spec.type ?? (spec.role ? 'AssumedRole' : 'IAMUser');
	if (type === 'AWSService') {
		const service = spec.invokedBy ?? 'ec2.amazonaws.com';
		return {
			principal: {type, label: `${service} (AWS service)`, invokedBy: service},
			identity: {type, invokedBy: service},
		};
	}

	if (spec.role) {
		const session = spec.session ?? 'session-1';
		const arn = `arn:aws:sts::${account}:assumed-role/${spec.role}/${session}`;
		return {
			principal: {
				type,
				label: `role ${spec.role} (session ${session})`,
				baselineKey: `role:${account}:${spec.role}`,
				accountId: account,
				arn,
				roleName: spec.role,
				sessionName: session,
				accessKeyId: spec.key,
				invokedBy: spec.invokedBy,
			},
			identity: {
				type,
				arn,
				accountId: account,
				accessKeyId: spec.key,
				invokedBy: spec.invokedBy,
				sessionContext: {
					sessionIssuer: {
						type: 'Role',
						arn: `arn:aws:iam::${account}:role/${spec.role}`,
						accountId: account,
						userName: spec.role,
					},
				},
			},
		};
	}

	const user = spec.user ?? 'alice';
	const arn = `arn:aws:iam::${account}:user/${user}`;
	return {
		principal: {
			type,
			label: user,
			baselineKey: `user:${account}:${user}`,
			accountId: account,
			arn,
			userName: user,
			accessKeyId: spec.key,
			invokedBy: spec.invokedBy,
		},
		identity: {
			type,
			arn,
			accountId: account,
			userName: user,
			accessKeyId: spec.key,
			invokedBy: spec.invokedBy,
		},
	};
}

let counter = 0;

/** One event; `seq` is 0 until `makeEvents` numbers them. */
export function makeEvent(spec: EventSpec = {}): TrailEvent {
	const timeText = spec.time ?? '2024-05-01T10:00:00Z';
	const eventName = spec.eventName ?? 'ListBuckets';
	const eventSource = spec.eventSource ?? 's3.amazonaws.com';
	const region = spec.region ?? 'us-east-1';
	const ua =
		spec.ua ?? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 botocore/2.4.5';
	const {principal, identity} = principalOf(spec);
	const source = sourceOf(spec);
	const eventId =
		spec.eventId ??
		`00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
	const record: RawRecord = {
		eventVersion: '1.08',
		userIdentity: identity,
		eventTime: timeText,
		eventSource,
		eventName,
		awsRegion: region,
		...(source.raw === undefined ? {} : {sourceIPAddress: source.raw}),
		userAgent: ua,
		...(spec.errorCode ? {errorCode: spec.errorCode} : {}),
		...(spec.errorMessage ? {errorMessage: spec.errorMessage} : {}),
		requestParameters: spec.requestParameters ?? null,
		responseElements: spec.responseElements ?? null,
		eventID: eventId,
		eventType: 'AwsApiCall',
		recipientAccountId: spec.account ?? '111122223333',
		...(spec.vpcEndpointId ? {vpcEndpointId: spec.vpcEndpointId} : {}),
		...spec.extra,
	};
	const outcome: Outcome =
		spec.outcome ??
		(spec.errorCode === undefined
			? 'success'
			: /AccessDenied|Unauthorized|Forbidden/.test(spec.errorCode)
				? 'denied'
				: 'error');
	return {
		seq: 0,
		record,
		file: 'test.json',
		recordIndex: 0,
		eventId,
		time: Date.parse(timeText),
		timeText,
		eventName,
		eventSource,
		region,
		eventType: 'AwsApiCall',
		errorCode: spec.errorCode,
		errorMessage: spec.errorMessage,
		outcome,
		userAgent: ua === '' ? undefined : ua,
		console: spec.console ?? false,
		principal,
		source,
		flags: [],
	};
}

/** Events in time order, numbered by `seq` as the pipeline numbers them. */
export function makeEvents(specs: EventSpec[]): TrailEvent[] {
	const events = specs.map((spec) => makeEvent(spec));
	events.sort((a, b) => a.time - b.time);
	for (const [index, event] of events.entries()) {
		event.seq = index;
		event.recordIndex = index;
	}

	return events;
}

/** An AWS service assuming a role for a workload, as CloudTrail logs it. */
export function serviceAssumes(
	service: string,
	role: string,
	session: string,
	issuedKey: string,
	time: string,
	account = '111122223333',
): EventSpec {
	return {
		time,
		type: 'AWSService',
		invokedBy: service,
		ip: service,
		ua: service,
		eventName: 'AssumeRole',
		eventSource: 'sts.amazonaws.com',
		requestParameters: {
			roleArn: `arn:aws:iam::${account}:role/${role}`,
			roleSessionName: session,
		},
		responseElements: {credentials: {accessKeyId: issuedKey}},
	};
}
