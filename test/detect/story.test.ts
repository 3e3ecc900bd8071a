import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {
	buildStory,
	createStoryIndex,
	type Story,
} from '../../source/detect/story.js';
import {openDataset} from '../../source/pipeline.js';
import {
	makeEvents,
	serviceAssumes,
	type EventSpec,
} from '../helpers/make-event.js';
import {sample} from '../helpers/paths.js';

let flaws2: Dataset;

before(async () => {
	flaws2 = await openDataset([sample('flaws2')], {
		iamFiles: [sample('flaws2', 'level3.json')],
	});
});

function storyOf(events: readonly TrailEvent[], event: TrailEvent): Story {
	const story = buildStory(createStoryIndex(events), event);
	assert.ok(story, `a story for ${event.eventName}`);
	return story;
}

function named(events: readonly TrailEvent[], name: string): TrailEvent {
	const event = events.find((candidate) => candidate.eventName === name);
	assert.ok(event, name);
	return event;
}

test('the level3 ListBuckets tells of the key ECS issued to the task and its one use from outside', () => {
	const listBuckets = named(flaws2.events, 'ListBuckets');
	const story = storyOf(flaws2.events, listBuckets);
	assert.equal(
		story.header,
		'key ASIAZQNB3KHGNXWXBSJS of role level3, issued by ' +
			'ecs-tasks.amazonaws.com at 22:31:59 (AssumeRole), ' +
			'first used 23:09:28 from 104.102.221.250',
	);
	const names = story.seqs.map((seq) => flaws2.events[seq]!.eventName);
	assert.deepEqual(names, ['AssumeRole', 'ListBuckets']);
	assert.equal(story.issued?.seq, story.seqs[0]);
	assert.equal(story.flagged, 1);
	assert.match(story.details, /aws-cli 1\.16\.19 on macOS/);
});

test("a level1 call tells of the Lambda's own calls from AWS first, then the laptop's", () => {
	const story = storyOf(flaws2.events, named(flaws2.events, 'ListImages'));
	assert.match(
		story.header,
		/^key ASIAZQNB3KHGIGYQXVVG of role level1, issued by lambda\.amazonaws\.com at 23:03:12 \(AssumeRole\), first used 23:03:12 from 34\.234\.236\.212$/,
	);
	const events = story.seqs.map((seq) => flaws2.events[seq]!);
	const own = events.filter((e) => e.eventName !== 'AssumeRole');
	const addresses = own.map((e) => e.source.ip);
	const firstLaptop = addresses.indexOf('104.102.221.250');
	assert.ok(firstLaptop > 0);
	assert.ok(
		addresses.slice(0, firstLaptop).every((a) => a === '34.234.236.212'),
	);
	assert.ok(addresses.slice(firstLaptop).every((a) => a === '104.102.221.250'));
	assert.deepEqual(
		own.slice(firstLaptop).map((e) => e.eventName),
		['ListObjects', 'ListImages', 'BatchGetImage', 'GetDownloadUrlForLayer'],
	);
	assert.equal(story.flagged, 4);
	assert.equal(story.firstUse.agent, 'awslambda-worker (the Lambda runtime)');
	assert.match(
		story.details,
		/from 34\.234\.236\.212 \(AWS EC2 us-east-1\), then 104\.102\.221\.250 \(outside AWS\);/,
	);
	// Every event of the key is there, in time order.
	const withKey = flaws2.events.filter(
		(e) => e.principal.accessKeyId === 'ASIAZQNB3KHGIGYQXVVG',
	);
	assert.equal(own.length, withKey.length);
	assert.deepEqual(
		story.seqs,
		[...story.seqs].sort((a, b) => a - b),
	);
});

test("the service's AssumeRole tells the story of the key it issued", () => {
	const issuing = flaws2.events.find(
		(e) =>
			e.eventName === 'AssumeRole' &&
			JSON.stringify(e.record).includes('ASIAZQNB3KHGNXWXBSJS'),
	);
	assert.ok(issuing);
	const story = storyOf(flaws2.events, issuing);
	assert.match(story.header, /^key ASIAZQNB3KHGNXWXBSJS of role level3,/);
});

test('an anonymous call has no credential to follow', () => {
	const anonymous = named(flaws2.events, 'GetObject');
	assert.equal(
		buildStory(createStoryIndex(flaws2.events), anonymous),
		undefined,
	);
});

const user: EventSpec = {user: 'alice', ip: '198.51.100.7'};

test('a long-term key made by CreateAccessKey names its maker', () => {
	const events = makeEvents([
		{
			...user,
			user: 'admin',
			time: '2024-05-01T09:00:00Z',
			eventName: 'CreateAccessKey',
			eventSource: 'iam.amazonaws.com',
			key: 'AKIAADMIN00000000001',
			responseElements: {
				accessKey: {userName: 'alice', accessKeyId: 'AKIAALICE00000000001'},
			},
		},
		{...user, time: '2024-05-01T09:05:00Z', key: 'AKIAALICE00000000001'},
		{
			...user,
			time: '2024-05-01T09:06:00Z',
			key: 'AKIAALICE00000000001',
			ip: '203.0.113.9',
			eventName: 'ListUsers',
		},
	]);
	const story = storyOf(events, events[2]!);
	assert.equal(
		story.header,
		'key AKIAALICE00000000001 of alice, issued by admin at 09:00:00 ' +
			'(CreateAccessKey), first used 09:05:00 from 198.51.100.7',
	);
	assert.deepEqual(story.seqs, [0, 1, 2]);
});

test("a key whose response was not logged is matched to its session's AssumeRole", () => {
	const assume = serviceAssumes(
		'ec2.amazonaws.com',
		'web',
		'i-0123456789abcdef0',
		'ASIAOTHER0000000001',
		'2024-05-01T08:00:00Z',
	);
	const events = makeEvents([
		{...assume, responseElements: null},
		{
			time: '2024-05-01T08:10:00Z',
			role: 'web',
			session: 'i-0123456789abcdef0',
			key: 'ASIAWEB000000000001',
			ip: '198.51.100.7',
		},
	]);
	const story = storyOf(events, events[1]!);
	assert.match(
		story.header,
		/issued by ec2\.amazonaws\.com at 08:00:00 \(AssumeRole\), first used 08:10:00 from 198\.51\.100\.7$/,
	);
});

test('without a key the story follows the session, then the principal', () => {
	const events = makeEvents([
		{time: '2024-05-01T08:00:00Z', role: 'app', session: 's1'},
		{time: '2024-05-01T08:01:00Z', role: 'app', session: 's2'},
		{time: '2024-05-01T08:02:00Z', role: 'app', session: 's1'},
		{time: '2024-05-01T08:03:00Z', user: 'bob'},
		{time: '2024-05-01T08:04:00Z', user: 'bob', ip: '203.0.113.5'},
	]);
	const session = storyOf(events, events[2]!);
	assert.equal(session.kind, 'session');
	assert.deepEqual(session.seqs, [0, 2]);
	assert.match(session.header, /^session s1 of role app, issued before/);
	const person = storyOf(events, events[3]!);
	assert.equal(person.kind, 'principal');
	assert.deepEqual(person.seqs, [3, 4]);
	assert.match(person.details, /^2 events, 0 flagged;/);
});

test("a console session's story starts at the sign-in that opened it", () => {
	const events = makeEvents([
		{
			...user,
			time: '2024-05-01T07:59:00Z',
			eventName: 'ConsoleLogin',
			eventSource: 'signin.amazonaws.com',
			console: true,
		},
		{
			...user,
			time: '2024-05-01T08:00:00Z',
			key: 'ASIACONSOLE00000001',
			console: true,
		},
	]);
	const story = storyOf(events, events[1]!);
	assert.match(story.header, /issued by alice at 07:59:00 \(ConsoleLogin\)/);
	assert.deepEqual(story.seqs, [0, 1]);
});
