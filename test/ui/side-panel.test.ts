import {afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import type {Dataset} from '../../source/core/types.js';
import {lineText} from '../../source/ui/lines.js';
import {sidePanelLines} from '../../source/ui/side-panel-lines.js';
import {keys} from '../helpers/ui-keys.js';
import {press, renderApp, rowsOf, selectedRow} from '../helpers/ui-render.js';
import {onlyEvent, openFlaws2} from '../helpers/ui-samples.js';

let flaws2: Dataset;

before(async () => {
	flaws2 = await openFlaws2();
});

afterEach(() => {
	cleanup();
});

function panelText(eventName: string, width: number): string[] {
	return sidePanelLines(onlyEvent(flaws2, eventName), width).map((line) =>
		lineText(line).trimEnd(),
	);
}

test('the ListBuckets panel lists each flag, its evidence and the commands to run', () => {
	const event = onlyEvent(flaws2, 'ListBuckets');
	const text = panelText('ListBuckets', 60);
	const joined = text.join('\n');
	assert.ok(event.flags.length >= 3);
	// Rows joined, so that a heading wrapped over two rows reads as one.
	const flowing = joined.replace(/\s+/g, ' ');
	for (const [index, flag] of event.flags.entries()) {
		// Once in the summary at the top, once over its details.
		const rows = text.filter((row) => row.includes(flag.title));
		assert.ok(rows[0]!.includes(flag.severity.toUpperCase()), flag.title);
		const heading = `Flag ${index + 1}/${event.flags.length} ${flag.severity.toUpperCase()} ${flag.title}`;
		assert.ok(flowing.includes(heading), heading);
	}

	assert.ok(joined.includes('104.102.221.250'));
	// A command sits on a row of its own, whole.
	assert.ok(
		text.some((row) => row.trim() === 'aws iam get-role --role-name level3'),
	);
	for (const heading of ['Why', 'Evidence', 'Normal', 'Next']) {
		assert.ok(
			text.some((row) => row.trim() === heading),
			heading,
		);
	}
});

test('the key facts are always there: principal, source, user agent, key, outcome', () => {
	const text = panelText('ListBuckets', 90);
	const fact = (label: string): string =>
		text.find((row) => row.startsWith(label)) ?? '';
	assert.match(fact('Principal'), /role level3 \(session d190d14a/);
	assert.match(fact('Source'), /104\.102\.221\.250/);
	assert.match(fact('User agent'), /aws-cli\/1\.16\.19/);
	assert.match(fact('Key'), /ASIA/);
	assert.match(fact('Outcome'), /success/);
	const calm = sidePanelLines(flaws2.events[0], 60).map((line) =>
		lineText(line),
	);
	assert.ok(calm.some((row) => row.includes('No red flags')));
	assert.ok(calm.some((row) => row.startsWith('Principal')));
});

test('the evidence of the stolen level1 key names both addresses', () => {
	const joined = panelText('ListObjects', 70).join(' ');
	assert.match(joined, /34\.234\.236\.212/);
	assert.match(joined, /104\.102\.221\.250/);
});

test('on screen, the side panel shows the flags of ListBuckets once it is selected', async () => {
	const event = onlyEvent(flaws2, 'ListBuckets');
	const app = await renderApp(flaws2, {columns: 160, rows: 120});
	const frame = await press(
		app,
		['/', 'ListBuckets', keys.enter],
		(plain) => selectedRow(plain)?.includes('ListBuckets') ?? false,
		'with ListBuckets selected',
	);
	for (const flag of event.flags) {
		assert.ok(frame.includes(flag.title), flag.title);
	}

	assert.ok(
		rowsOf(frame).some((row) =>
			row.includes('aws iam get-role --role-name level3'),
		),
	);
});

test('a short panel scrolls to the commands once it has the focus', async () => {
	const app = await renderApp(flaws2, {columns: 100, rows: 30});
	await press(
		app,
		['f', 'eventName=ListBuckets', keys.enter],
		(plain) => selectedRow(plain)?.includes('ListBuckets') ?? false,
		'with ListBuckets selected',
	);
	await press(app, keys.tab, (plain) => plain.includes('j/k scroll'));
	const end = await press(
		app,
		'G',
		(plain) => !plain.includes('1–12/'),
		'scrolled to the end of the panel',
	);
	assert.ok(end.includes('--role-name level3'));
});
