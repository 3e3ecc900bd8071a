import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {TrailEvent} from '../../source/core/types.js';
import {openDataset} from '../../source/pipeline.js';
import {sidePanelLines} from '../../source/ui/side-panel-lines.js';
import {caseFile} from '../helpers/paths.js';
import {plain, renderApp, waitForText} from '../helpers/ui-render.js';

/** What the cases say the screen must label (BR-01, BR-09, BR-17). */

function panelText(event: TrailEvent | undefined): string {
	return sidePanelLines(event, 80)
		.map((line) => line.map((segment) => segment.text).join(''))
		.join('\n');
}

test('BR-09: console actions are labelled as a console session', async () => {
	const {events} = await openDataset([caseFile('BR-09.json')]);
	const label = (name: string) =>
		panelText(events.find((e) => e.eventName === name));
	assert.match(label('RunInstances'), /Session\s+console session/);
	assert.match(label('DescribeInstances'), /Session\s+console session/);
	assert.doesNotMatch(label('PutImage'), /console session/);
});

test('BR-17: a failed console sign-in reads as a failure', async () => {
	const {events} = await openDataset([caseFile('BR-17.json')]);
	const logins = events.map((event) => panelText(event));
	const failures = logins.filter((text) => /Outcome\s+failure/.test(text));
	assert.equal(failures.length, 2);
	assert.equal(logins.filter((t) => /Outcome\s+success/.test(t)).length, 2);
});

test('BR-01: the status line says how many digest files were skipped', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailtui-br01-'));
	const digest = fs.readFileSync(caseFile('BR-01.digest.json'));
	fs.writeFileSync(
		path.join(dir, 'log.json.gz'),
		zlib.gzipSync(fs.readFileSync(caseFile('BR-01.log.json'))),
	);
	fs.writeFileSync(path.join(dir, 'digest.json.gz'), zlib.gzipSync(digest));
	fs.writeFileSync(path.join(dir, 'renamed.json.gz'), zlib.gzipSync(digest));
	const dataset = await openDataset([dir]);
	const app = await renderApp(dataset, {columns: 100, rows: 24});
	try {
		const frame = await waitForText(app, 'skipped 2 digest files');
		assert.match(plain(frame), /2 events/);
	} finally {
		app.unmount();
		fs.rmSync(dir, {recursive: true, force: true});
	}
});
