import type {SourceInfo, TrailEvent} from '../core/types.js';

/**
Small wording helpers shared by the flags, so that every flag names times,
addresses and identities the same way. Log-derived strings go in raw: the
display layer makes them safe, and the JSON output escapes them.
*/

/**
A time as a person reads it next to another: `23:03:12` on the same UTC day
as `reference`, `2018-11-27 23:03:12` on another day. All times are UTC,
like the event table.
*/
export function clock(time: number, reference?: number): string {
	if (!Number.isFinite(time)) {
		return 'an unknown time';
	}

	const iso = new Date(time).toISOString();
	const day = iso.slice(0, 10);
	const hms = iso.slice(11, 19);
	if (
		reference !== undefined &&
		Number.isFinite(reference) &&
		new Date(reference).toISOString().slice(0, 10) === day
	) {
		return hms;
	}

	return `${day} ${hms}`;
}

/** The event's own time, in full, for the first line of evidence. */
export function eventClock(event: TrailEvent): string {
	if (Number.isFinite(event.time)) {
		return clock(event.time);
	}

	return event.timeText.trim() === '' ? 'an unknown time' : event.timeText;
}

/**
Where an address sits: `(AWS EC2 us-east-1)`, `(private, VPC endpoint
vpce-…)`, `(outside AWS)`. Empty for values that are not addresses.
*/
export function placeOf(source: SourceInfo): string {
	if (source.kind === 'private') {
		return source.vpcEndpointId
			? `(private, via VPC endpoint ${source.vpcEndpointId})`
			: '(private address)';
	}

	if (source.kind !== 'public') {
		return '';
	}

	if (source.aws) {
		const region =
			source.aws.region === 'GLOBAL' ? 'global' : source.aws.region;
		return `(AWS ${source.aws.service} ${region})`;
	}

	return '(outside AWS)';
}

/** An address and its place: `34.234.236.212 (AWS EC2 us-east-1)`. */
export function addressWithPlace(source: SourceInfo): string {
	const address = source.ip ?? source.raw ?? '(no address)';
	const place = placeOf(source);
	return place ? `${address} ${place}` : address;
}

/** True for a public address that is not in AWS's published ranges. */
export function isOutsideAws(source: SourceInfo): boolean {
	return source.kind === 'public' && source.aws === undefined;
}

/** True for addresses inside AWS: its published ranges or a private VPC. */
export function isInsideAws(source: SourceInfo): boolean {
	return (
		(source.kind === 'public' && source.aws !== undefined) ||
		source.kind === 'private'
	);
}

/**
Quotes a value for a POSIX shell when it holds anything beyond the characters
IAM names and keys use. Names in suggested commands come from the logs, and a
forged log must not turn a copied command into another command.
*/
export function shellWord(value: string): string {
	if (/^[\w+=,.@:/-]+$/.test(value)) {
		return value;
	}

	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `--region us-east-1`, or nothing when the event has no usable region. */
export function regionOption(event: TrailEvent): string {
	return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(event.region)
		? ` --region ${event.region}`
		: '';
}

/** The exact command that lists every call made with one access key. */
export function lookupByKeyCommand(
	accessKeyId: string,
	event: TrailEvent,
): string {
	return (
		'aws cloudtrail lookup-events --lookup-attributes ' +
		shellWord(`AttributeKey=AccessKeyId,AttributeValue=${accessKeyId}`) +
		regionOption(event)
	);
}

/** Plural helper: `1 call`, `4 calls`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
	return `${n} ${n === 1 ? noun : plural}`;
}
