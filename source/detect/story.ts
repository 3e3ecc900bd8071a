import type {TrailEvent} from '../core/types.js';
import {isObject, issuerOf, text} from '../normalise/principal-fields.js';
import {assumeKey, issuedKeyOf, type StoryIndex} from './story-index.js';
import {agentInfo, describeAgent} from './agent.js';
import {addressWithPlace, clock, count} from './describe.js';
import {whoOf} from './finding-summary.js';
import {recordField} from '../core/record-field.js';

/**
The story of a credential: every call made with the access key a flagged
event used, in time order, with where the key came from (the AssumeRole,
GetSessionToken, CreateAccessKey or console sign-in that produced it) and
where it was first used. A responder reads it to answer "what else did
this key do?" before revoking it.

Which credential: the event's access key; without one, its session (an
assumed role and session name); without that, its principal. An AWS
service's call that issued a key (ECS assuming a task role) tells the story
of the key it issued, since it has no credential of its own.
*/

export {createStoryIndex, issuedKeyOf, type StoryIndex} from './story-index.js';

export type StoryKind = 'key' | 'session' | 'principal';

export interface Story {
	kind: StoryKind;
	/** `key ASIA… of role level3`, `session s1 of role app`, `alice`. */
	name: string;
	/** The call that produced the credential, when these logs hold it. */
	issued?: {seq: number; time: number; by: string; eventName: string};
	/** The credential's first call. */
	firstUse: {seq: number; time: number; address: string; agent: string};
	/**
	Every event of the story, the issuing call included, ascending by seq
	(time order; a key issued and used within one second may show its
	first use first, as CloudTrail ordered them).
	*/
	seqs: number[];
	/** How many of them are flagged. */
	flagged: number;
	/** What the story is of, in one sentence (see `storyHeader`). */
	header: string;
	/** The size, the addresses in the order first used, the first client. */
	details: string;
}

/** The latest of `seqs` at or before `seq`, if any. */
function latestBefore(
	seqs: readonly number[] | undefined,
	seq: number,
): number | undefined {
	let found: number | undefined;
	for (const candidate of seqs ?? []) {
		if (candidate <= seq) {
			found = candidate;
		}
	}

	return found;
}

/**
The call that started a credential's session when no response names its
key (redacted, or a console session): the last AssumeRole for the same role
and session name, or the last console sign-in of the same identity, before
the first use.
*/
function sessionIssuer(
	index: StoryIndex,
	first: TrailEvent,
): number | undefined {
	const identity = recordField(first, 'userIdentity');
	const issuer = isObject(identity) ? issuerOf(identity) : undefined;
	const roleArn = issuer ? text(issuer, 'arn') : undefined;
	const {sessionName, arn} = first.principal;
	if (roleArn && sessionName) {
		const found = latestBefore(
			index.issuers.get(assumeKey(roleArn, sessionName)),
			first.seq,
		);
		if (found !== undefined) {
			return found;
		}
	}

	return arn && first.console
		? latestBefore(index.issuers.get(`sign-in\n${arn}`), first.seq)
		: undefined;
}

/** Who issued a credential: the service for AWS's own calls, else the caller. */
function issuerName(event: TrailEvent): string {
	const {type, invokedBy} = event.principal;
	if (type === 'AWSService' && invokedBy) {
		return invokedBy;
	}

	return whoOf(event);
}

/** The credential an event's story follows, and its calls. */
function subjectOf(
	index: StoryIndex,
	event: TrailEvent,
): {kind: StoryKind; name: string; key?: string; seqs: number[]} | undefined {
	const {accessKeyId, arn, sessionName, baselineKey} = event.principal;
	const key =
		accessKeyId ??
		(event.principal.type === 'AWSService' ? issuedKeyOf(event) : undefined);
	if (key) {
		const seqs = index.byKey.get(key) ?? [];
		const user = seqs.length > 0 ? index.events[seqs[0]!] : undefined;
		const of = user ? ` of ${whoOf(user)}` : '';
		return {kind: 'key', name: `key ${key}${of}`, key, seqs};
	}

	if (arn && sessionName) {
		return {
			kind: 'session',
			name: `session ${sessionName} of ${whoOf(event)}`,
			seqs: index.bySession.get(arn) ?? [],
		};
	}

	if (baselineKey) {
		return {
			kind: 'principal',
			name: whoOf(event),
			seqs: index.byPrincipal.get(baselineKey) ?? [],
		};
	}

	return undefined;
}

function addressOf(event: TrailEvent): string {
	return event.source.ip ?? event.source.raw ?? 'no address';
}

function agentOf(event: TrailEvent): string {
	const ua = event.userAgent;
	return ua === undefined || ua === ''
		? 'no user agent'
		: describeAgent(agentInfo(ua));
}

/** `a, then b, then c and 2 more`: places in the order a key reached them. */
function inOrder(places: readonly string[]): string {
	const shown = places.slice(0, 3).join(', then ');
	const more = places.length - 3;
	return more > 0 ? `${shown} and ${more} more` : shown;
}

/**
`key ASIA… of role level3, issued by ecs-tasks.amazonaws.com at 22:31:59
(AssumeRole), first used 23:09:28 from 104.102.221.250`. Times are UTC, with
the date only when it differs from the day the story starts.
*/
export function storyHeader(story: Omit<Story, 'header' | 'details'>): string {
	const start = story.issued?.time ?? story.firstUse.time;
	const issued = story.issued
		? `issued by ${story.issued.by} at ${clock(story.issued.time, start)} (${story.issued.eventName})`
		: 'issued before these logs begin';
	const {time, address} = story.firstUse;
	return `${story.name}, ${issued}, first used ${clock(time, start)} from ${address}`;
}

/**
The story of the credential an event used, or undefined when the event has
none to follow (an anonymous call, AWS acting for itself).
*/
export function buildStory(
	index: StoryIndex,
	event: TrailEvent,
): Story | undefined {
	const subject = subjectOf(index, event);
	if (subject === undefined || subject.seqs.length === 0) {
		return undefined;
	}

	const {events} = index;
	const first = events[subject.seqs[0]!]!;
	const issuedSeq =
		(subject.key === undefined
			? undefined
			: index.issuedKey.get(subject.key)) ?? sessionIssuer(index, first);
	const seqs = [
		...new Set([
			...subject.seqs,
			...(issuedSeq === undefined ? [] : [issuedSeq]),
		]),
	].sort((a, b) => a - b);
	const issuer = issuedSeq === undefined ? undefined : events[issuedSeq]!;
	const partial: Omit<Story, 'header' | 'details'> = {
		kind: subject.kind,
		name: subject.name,
		firstUse: {
			seq: first.seq,
			time: first.time,
			address: addressOf(first),
			agent: agentOf(first),
		},
		seqs,
		flagged: seqs.filter((seq) => events[seq]!.flags.length > 0).length,
	};
	if (issuer) {
		partial.issued = {
			seq: issuer.seq,
			time: issuer.time,
			by: issuerName(issuer),
			eventName: issuer.eventName,
		};
	}

	const places = new Map<string, string>();
	for (const seq of subject.seqs) {
		const source = events[seq]!.source;
		const address = addressOf(events[seq]!);
		if (!places.has(address)) {
			places.set(address, addressWithPlace(source));
		}
	}

	const size = count(seqs.length, 'event');
	const details =
		`${size}, ${partial.flagged} flagged; from ${inOrder([...places.values()])}; ` +
		`first client: ${partial.firstUse.agent}.`;
	return {...partial, header: storyHeader(partial), details};
}
