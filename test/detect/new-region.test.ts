import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {detect} from '../../source/detect/detect.js';
import {makeEvents} from '../helpers/make-event.js';
import {judged, withFlag} from './scenarios.js';

const id = 'new-region';
const ec2 = {eventSource: 'ec2.amazonaws.com', eventName: 'DescribeVpcs'};

/** `n` calls by alice in us-east-1, one a minute from 10:00. */
function settled(n = 12, spec: EventSpec = {}): EventSpec[] {
	return Array.from({length: n}, (_, i) => ({
		user: 'alice',
		...ec2,
		...spec,
		time: `2024-05-01T10:${String(i * 2).padStart(2, '0')}:00Z`,
	}));
}

function inRegion(time: string, spec: EventSpec = {}): EventSpec {
	return {user: 'alice', ...ec2, region: 'ap-south-1', time, ...spec};
}

test('a settled identity working in a new region flags its calls there for an hour, with one wording', () => {
	const events = judged([
		...settled(),
		inRegion('2024-05-01T10:40:00Z'),
		inRegion('2024-05-01T10:45:00Z', {eventName: 'DescribeImages'}),
		inRegion('2024-05-01T12:00:00Z'),
		{user: 'bob', ...ec2, region: 'ap-south-1', time: '2024-05-01T09:00:00Z'},
	]);
	const flagged = withFlag(events, id);
	assert.deepEqual(
		flagged.map((e) => e.timeText),
		['2024-05-01T10:40:00Z', '2024-05-01T10:45:00Z'],
	);
	const [first, second] = flagged.map((e) => e.flags.find((f) => f.id === id));
	assert.equal(first?.severity, 'low');
	assert.equal(
		first?.evidence[0],
		'alice worked in ap-south-1 for the first time at 2024-05-01 10:40:00: 2 calls there ' +
			'until 10:45:00. Before that it had used only us-east-1 (12 calls since 10:00:00).',
	);
	assert.equal(second?.evidence[0], first?.evidence[0]);
});

test('changes in the new region, or a region nobody else used, make it medium', () => {
	const events = judged([
		...settled(),
		inRegion('2024-05-01T10:40:00Z', {eventName: 'RunInstances'}),
	]);
	const flag = events.at(-1)?.flags.find((f) => f.id === id);
	assert.equal(flag?.severity, 'medium');
	assert.deepEqual(flag?.evidence.slice(1, 3), [
		'Some of them change things there: RunInstances.',
		'No other identity used ap-south-1 in the loaded logs.',
	]);
});

test('near misses: global services and region listings say nothing about where one works', () => {
	const events = judged([
		...settled(),
		inRegion('2024-05-01T10:40:00Z', {
			eventSource: 'iam.amazonaws.com',
			eventName: 'ListUsers',
		}),
		inRegion('2024-05-01T10:41:00Z', {
			eventSource: 'sts.amazonaws.com',
			eventName: 'AssumeRole',
		}),
		inRegion('2024-05-01T10:42:00Z', {eventName: 'DescribeRegions'}),
		inRegion('2024-05-01T10:43:00Z', {
			eventSource: 's3.amazonaws.com',
			eventName: 'ListBuckets',
		}),
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: an identity not yet settled, a quick multi-region run', () => {
	const events = judged([
		...settled(5),
		inRegion('2024-05-01T10:40:00Z'),
		{
			user: 'carol',
			...ec2,
			time: '2024-05-01T10:00:00Z',
		},
		...Array.from({length: 12}, (_, i) => ({
			user: 'carol',
			...ec2,
			time: `2024-05-01T10:00:${String(i * 2 + 2).padStart(2, '0')}Z`,
		})),
		{user: 'carol', ...ec2, region: 'eu-west-1', time: '2024-05-01T10:01:00Z'},
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near misses: the console, AWS acting for the identity, AWS Internal', () => {
	const events = judged([
		...settled(),
		inRegion('2024-05-01T10:40:00Z', {console: true}),
		inRegion('2024-05-01T10:41:00Z', {
			ip: 'ec2.amazonaws.com',
			invokedBy: 'ec2.amazonaws.com',
		}),
		inRegion('2024-05-01T10:42:00Z', {ip: 'AWS Internal'}),
	]);
	assert.deepEqual(withFlag(events, id), []);
});

test('near miss: with --baseline-until, a region first used in the learning window is learned, not new', () => {
	const specs = [...settled(), inRegion('2024-05-01T10:40:00Z')];
	const learning = makeEvents(specs);
	detect(learning, {baselineUntil: Date.parse('2024-05-01T11:00:00Z')});
	assert.deepEqual(withFlag(learning, id), []);
	const judging = makeEvents(specs);
	detect(judging, {baselineUntil: Date.parse('2024-05-01T10:30:00Z')});
	assert.equal(
		withFlag(judging, id).length,
		1,
		'after the window it is judged',
	);
});
