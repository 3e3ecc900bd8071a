import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	compileQuery,
	latestTime,
	parseQuery,
} from '../../source/query/filter.js';
import {formatQuery} from '../../source/query/format-query.js';
import type {QueryNode, QueryValue} from '../../source/query/query-ast.js';
import {makeEvents} from '../helpers/make-event.js';

/**
formatQuery prints a tree as canonical text that reads back as the same
tree and keeps the same events, for every operator and every kind of value.
*/

const events = makeEvents([
	{
		time: '2024-05-01T08:00:00Z',
		eventName: 'ListBuckets',
		ip: '203.0.113.10',
		user: 'alice',
		ua: 'say "hi" (x, y)',
	},
	{
		time: '2024-05-01T09:30:00Z',
		eventName: 'GetObject',
		ip: '2001:db8::7',
		role: 'level3',
		errorCode: 'AccessDenied',
		outcome: 'denied',
		requestParameters: {bucketName: 'a b'},
	},
	{
		time: '2024-05-01T10:00:00Z',
		eventName: 'Decrypt',
		eventSource: 'kms.amazonaws.com',
		ip: 'AWS Internal',
		user: 'bob',
		console: true,
		ua: 'C:\\path\\to',
	},
]);
events[1]!.flags = [
	{
		id: 'new-source-address',
		severity: 'medium',
		title: '',
		why: '',
		evidence: [],
		next: [],
	},
];
const context = {latest: latestTime(events)};

function read(text: string): QueryNode {
	const parsed = parseQuery(text);
	assert.ok(parsed.ok, parsed.ok ? '' : `${text}: ${parsed.error}`);
	return parsed.query;
}

function matches(node: QueryNode): number[] {
	const test = compileQuery(node, context);
	return events.filter((event) => test(event)).map((event) => event.seq);
}

/** parse(format(parse(x))) is parse(x), and keeps the same events. */
function assertRoundTrip(text: string): string {
	const first = read(text);
	const printed = formatQuery(first);
	const again = read(printed);
	assert.deepEqual(again, first, `${text} → ${printed}`);
	assert.deepEqual(matches(again), matches(first), `${text} → ${printed}`);
	assert.equal(formatQuery(again), printed, 'the canonical text is stable');
	return printed;
}

const everyOperator = [
	'eventName=ListBuckets',
	'eventName!=ListBuckets',
	'principal~level3',
	'principal!~level3',
	'region:us-east-1',
	'ip:203.0.113.0/24',
	'ip=2001:db8::/32',
	'ip!=203.0.113.0/24',
	'ip:::ffff:203.0.113.0/120',
	'ip="AWS Internal"',
	'time>2024-05-01T09:00Z',
	'time<2024-05-01T09:00',
	'time>=2024-05-01',
	'time<=newest-30m',
	'time:2024-05-01T08..2024-05-01T09',
	'time:"2024-05-01 09:30"',
	'severity>=medium',
	'severity<high',
	'flag=new-source-address',
	'outcome=denied',
	'console=true',
	'requestParameters.bucketName="a b"',
	'ua="say \\"hi\\" (x, y)"',
	'ua="C:\\\\path\\\\to"',
	'eventName=""',
	'eventName=/^(List|Get)/',
	'eventName~/^list/i',
	'eventName!=/a\\/b c/',
	'ua!~/\\(x, y\\)/',
	'eventName in (ListBuckets, GetObject)',
	'ip in (203.0.113.0/24, "AWS Internal", 2001:db8::/32)',
	'eventName in (/^List/i, "a,b", "x)")',
	'eventName not in (Decrypt)',
	'last 2h',
	'last 90s',
	'flagged',
	'console',
	'denied',
	'error',
];

test('every operator and kind of value reads back as the same tree', () => {
	for (const text of everyOperator) {
		assertRoundTrip(text);
	}
});

test('groups, negation and precedence read back as the same tree', () => {
	for (const text of [
		'flagged or denied and console',
		'(flagged or denied) and console',
		'!(service=kms or eventName~Describe)',
		'not (a=1 b=2)',
		'!flagged or !(denied)',
		'((flagged))',
		'a=1 and (b=2 and (c=3 or d=4)) or e=5',
		'!eventName in (a, b) last 1d',
		'and=1 or=2 not=3 last=4 in=5',
		'',
	]) {
		assertRoundTrip(text);
	}
});

test('the canonical text writes and and or, and parentheses only where needed', () => {
	assert.equal(
		assertRoundTrip('flagged  denied OR (console)'),
		'flagged and denied or console',
	);
	assert.equal(
		assertRoundTrip('(flagged or denied) console'),
		'(flagged or denied) and console',
	);
	assert.equal(
		assertRoundTrip('not (flagged console)'),
		'!(flagged and console)',
	);
	assert.equal(assertRoundTrip('!!flagged'), 'flagged');
	assert.equal(assertRoundTrip('a = "b"'), 'a=b');
	assert.equal(assertRoundTrip('x not in ( "p q" ,r )'), '!x in ("p q", r)');
	assert.equal(assertRoundTrip('LAST 2H'), 'last 2h');
});

/** A small deterministic generator of awkward trees. */
function generator(seed: number) {
	let state = seed;
	const next = (n: number): number => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state % n;
	};

	// Hidden and control characters too (issue 5, item 3).
	const alphabet = [
		'a',
		'Z',
		' ',
		'"',
		'\\',
		'(',
		')',
		',',
		'/',
		'=',
		'!',
		'\u001B',
		'\u202E',
		'\t',
		'x1b',
	];
	const text = (): string =>
		Array.from({length: next(5)}, () => alphabet[next(alphabet.length)]).join(
			'',
		);
	const value = (): QueryValue =>
		next(4) === 0
			? {
					kind: 'regex',
					source: ['a/b', 'x y', '\\)', '(a|b),c', ''][next(5)]!,
					ignoreCase: next(2) === 0,
				}
			: {kind: 'text', text: text()};
	const field = (): string => ['ua', 'eventName', 'a.b[0].c', 'or'][next(4)]!;
	const node = (depth: number): QueryNode => {
		const pick = next(depth > 3 ? 3 : 6);
		switch (pick) {
			case 0:
				return {
					kind: 'compare',
					field: field(),
					op: (['=', '!=', '~', '!~'] as const)[next(4)]!,
					value: value(),
				};
			case 1:
				return {kind: 'in', field: field(), values: [value(), value()]};
			case 2:
				return {kind: 'word', word: 'flagged'};
			case 3:
				return {kind: 'not', item: node(depth + 1)};
			default:
				return {
					kind: next(2) === 0 ? 'and' : 'or',
					items: [node(depth + 1), node(depth + 1)],
				};
		}
	};

	return node;
}

test('hidden characters print as escapes that read back as themselves', () => {
	const value = {kind: 'text', text: 'a\u001Bb\u202Ec'} as const;
	const tree: QueryNode = {kind: 'compare', field: 'ua', op: '=', value};
	assert.equal(formatQuery(tree), String.raw`ua="a\x1bb\u202ec"`);
	assert.deepEqual(read(formatQuery(tree)), tree);
	// A regular expression writes them as its own escapes, which mean them.
	const regex: QueryNode = {
		kind: 'compare',
		field: 'ua',
		op: '~',
		value: {kind: 'regex', source: 'a\u001B|\\\u202E', ignoreCase: false},
	};
	const printed = formatQuery(regex);
	assert.equal(printed, String.raw`ua~/a\x1b|\u202e/`);
	const ua = 'x\u202Ey';
	const again = compileQuery(read(printed));
	assert.ok(again({...events[0]!, userAgent: ua}));
	assert.ok(!again({...events[0]!, userAgent: String.raw`\u202e`}));
});

test('generated trees with awkward values print as text that reads back', () => {
	for (let seed = 1; seed <= 300; seed++) {
		const tree = generator(seed)(0);
		// The generator's trees may nest groups of one kind: read once, the
		// tree is flattened, and from then on printing is exact.
		const printed = formatQuery(tree);
		const parsed = parseQuery(printed);
		assert.ok(parsed.ok, `${printed}: ${parsed.ok ? '' : parsed.error}`);
		assertRoundTrip(printed);
		assert.deepEqual(
			matches(parsed.query),
			matches(tree),
			`${seed}: ${printed}`,
		);
	}
});
