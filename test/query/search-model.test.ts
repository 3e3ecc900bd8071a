import {test} from 'node:test';
import assert from 'node:assert/strict';
import Fuse from 'fuse.js';
import {visible} from '../../source/core/safe-text.js';
import type {TrailEvent} from '../../source/core/types.js';
import {fuseOptions} from '../../source/query/search-index.js';
import {
	createSearchIndex,
	fuzzyAgentCap,
	queryWords,
	searchEvents,
} from '../../source/query/search.js';
import {fieldTexts} from '../../source/query/search-text.js';
import {makeEvents, type EventSpec} from '../helpers/make-event.js';

/**
The index checked against the rules of search written the plain way: each
event's text flattened whole and searched one by one, fuse.js over the
distinct names. Random events and queries, a fixed seed.
*/

function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
		return state / 4_294_967_296;
	};
}

const next = random(20_240_501);

function pick<T>(items: readonly T[]): T {
	return items[Math.floor(next() * items.length)]!;
}

const names = [
	'ListBuckets',
	'listbuckets',
	'LISTBUCKETS',
	'GetObject',
	'PutObject',
	'AssumeRole',
	'ΣΟΦΊΑΣ',
	'İstanbul',
];
const words = [
	'alpha',
	'Beta',
	'GAMMA',
	'bucket-1',
	'i-0abc123',
	'arn:aws:iam::111122223333:role/Admin',
	'évé',
	'tab\there',
	'esc\u001b[31m',
	'',
	'deadbeef-0000',
];

function value(depth: number): unknown {
	const roll = next();
	if (depth > 3 || roll < 0.4) {
		return pick(words) + (next() < 0.3 ? `-${Math.floor(next() * 1000)}` : '');
	}

	if (roll < 0.5) {
		return Math.floor(next() * 500);
	}

	if (roll < 0.55) {
		return next() < 0.5;
	}

	if (roll < 0.6) {
		return null;
	}

	if (roll < 0.8) {
		return Array.from({length: Math.floor(next() * 3)}, () => value(depth + 1));
	}

	return Object.fromEntries(
		Array.from({length: 1 + Math.floor(next() * 3)}, (_, i) => [
			`k${i}`,
			value(depth + 1),
		]),
	);
}

function spec(i: number): EventSpec {
	const longAgent = next() < 0.1;
	return {
		time: new Date(Date.UTC(2024, 4, 1, 10, 0, i)).toISOString(),
		eventName: pick(names),
		user: pick(['alice', 'Alice', 'bob', 'carol']),
		ip: pick(['198.51.100.7', '203.0.113.10', 'AWS Internal', null]),
		ua: longAgent
			? `${'agent '.repeat(60)}Mozilla/5.0 ${pick(words)}`
			: pick(['aws-cli/2.15.0', 'Boto3/1.34', 'curl/8\u001b]0;x\u0007']),
		region: pick(['us-east-1', 'eu-west-1']),
		errorCode: next() < 0.3 ? pick(['AccessDenied', 'NoSuchKey']) : undefined,
		errorMessage: next() < 0.2 ? `denied ${pick(words)}` : undefined,
		key: next() < 0.5 ? `AKIA${Math.floor(next() * 10)}EXAMPLE` : undefined,
		requestParameters: next() < 0.8 ? {p: value(0), q: value(0)} : null,
		responseElements: next() < 0.3 ? {r: value(0)} : null,
	};
}

const fuzzyFields = [
	'eventName',
	'principal',
	'source',
	'userAgent',
	'region',
	'errorCode',
] as const;

function nameTexts(event: TrailEvent): string[] {
	const fields = fieldTexts(event);
	return fuzzyFields
		.map((field) =>
			field === 'userAgent'
				? fields[field].slice(0, fuzzyAgentCap)
				: fields[field],
		)
		.filter((text) => text !== '');
}

/** All values joined by spaces, as search always flattened them. */
function flat(event: TrailEvent): string {
	const out: string[] = [];
	const stack: unknown[] = [
		'errorMessage',
		'requestParameters',
		'responseElements',
		'additionalEventData',
		'resources',
		'serviceEventDetails',
		'tlsDetails',
	]
		.map((part) => event.record[part])
		.reverse();
	while (stack.length > 0) {
		const item = stack.pop();
		if (typeof item === 'string') {
			out.push(item);
		} else if (typeof item === 'number' || typeof item === 'boolean') {
			out.push(String(item));
		} else if (Array.isArray(item)) {
			stack.push(...[...(item as unknown[])].reverse());
		} else if (item !== null && typeof item === 'object') {
			stack.push(...Object.values(item).reverse());
		}
	}

	return visible(out.join(' '));
}

function modelSearch(events: readonly TrailEvent[], query: string): number[] {
	const distinct = [...new Set(events.flatMap((event) => nameTexts(event)))];
	const fuse = new Fuse(
		distinct.map((text) => ({text})),
		fuseOptions,
	);
	const haystacks = events.map((event) =>
		[...Object.values(fieldTexts(event)), flat(event)].join('\n').toLowerCase(),
	);
	const list = queryWords(query);
	if (list.length === 0) {
		return [];
	}

	const fuzzy = list.map(
		(word) =>
			new Set(word.length < 3 ? [] : fuse.search(word).map((r) => r.item.text)),
	);
	const found = events.filter((event, i) =>
		list.every(
			(word, w) =>
				haystacks[i]!.includes(word.toLowerCase()) ||
				nameTexts(event).some((text) => fuzzy[w]!.has(text)),
		),
	);
	return found.map((event) => event.seq).sort((a, b) => a - b);
}

/** A query word drawn from the events: a piece, a typo, or noise. */
function queryWord(events: readonly TrailEvent[]): string {
	const event = pick(events);
	const texts = [...nameTexts(event), ...flat(event).split(' ')].filter(
		(text) => text.length > 0,
	);
	const text = pick(texts);
	const roll = next();
	if (roll < 0.4) {
		const start = Math.floor(next() * text.length);
		const length = 1 + Math.floor(next() * 12);
		return text.slice(start, start + length);
	}

	if (roll < 0.7 && text.length > 4) {
		const at = 1 + Math.floor(next() * (text.length - 2));
		return text.slice(0, at) + text.slice(at + 1);
	}

	if (roll < 0.85) {
		return text.toUpperCase();
	}

	return pick(['zzz', 'e', 'a1', 'mozila', 'agent', 'x1b', '\\x1b', 'σοφίας']);
}

test('the index answers as the plain rules do, whole or added in batches', () => {
	const events = makeEvents(Array.from({length: 250}, (_, i) => spec(i)));
	const whole = createSearchIndex(events);
	const batched = createSearchIndex();
	const shuffled = [...events].sort(() => next() - 0.5);
	while (shuffled.length > 0) {
		batched.add(shuffled.splice(0, 1 + Math.floor(next() * 40)));
	}

	let hits = 0;
	for (let i = 0; i < 150; i++) {
		const query = Array.from({length: 1 + Math.floor(next() * 2)}, () =>
			queryWord(events).replaceAll(/\s/g, ''),
		).join(' ');
		const expected = modelSearch(events, query);
		hits += expected.length;
		assert.deepEqual(searchEvents(whole, query), expected, query);
		assert.deepEqual(searchEvents(batched, query), expected, query);
	}

	// The queries found something, so the comparison meant something.
	assert.ok(hits > 1000, `${hits} hits`);
});
