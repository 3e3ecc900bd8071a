import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset, TrailEvent} from '../../source/core/types.js';
import {compareBySeverity} from '../../source/detect/rank.js';
import {openDataset} from '../../source/pipeline.js';
import {formatReport} from '../../source/report/index.js';
import {sample} from '../helpers/paths.js';

/**
The acceptance of issue 2 on the real flaws2 logs, with the trust policy of
level3 given as an IAM file and without it (trust inferred from the logs).
*/

const attacker = '104.102.221.250';
const lambdaAddress = '34.234.236.212';

const modes: Array<[string, string[]]> = [
	['with level3.json', [sample('flaws2', 'level3.json')]],
	['with trust inferred', []],
];

const datasets = new Map<string, Promise<Dataset>>();
function load(iamFiles: string[]): Promise<Dataset> {
	const key = iamFiles.join();
	let dataset = datasets.get(key);
	if (!dataset) {
		dataset = openDataset([sample('flaws2')], {iamFiles});
		datasets.set(key, dataset);
	}

	return dataset;
}

function ids(event: TrailEvent | undefined): string[] {
	return (event?.flags.map((f) => f.id) ?? []).sort();
}

for (const [mode, iamFiles] of modes) {
	test(`flaws2 ${mode}: the level3 ListBuckets is the most severe, with flags 1, 2 and 3`, async () => {
		const {events} = await load(iamFiles);
		const [top, second] = events
			.filter((e) => e.flags.length > 0)
			.sort(compareBySeverity);
		assert.equal(top?.eventName, 'ListBuckets');
		assert.equal(top?.timeText, '2018-11-28T23:09:28Z');
		assert.equal(top?.principal.roleName, 'level3');
		assert.equal(top?.source.raw, attacker);
		assert.deepEqual(ids(top), [
			'interactive-client-on-workload',
			'reconnaissance-call',
			'workload-credential-outside-aws',
		]);
		assert.ok(
			compareBySeverity(top!, second!) < 0,
			'strictly above the next event',
		);
	});

	test(`flaws2 ${mode}: the four level1 calls from outside have flags 1, 2 and 4`, async () => {
		const {events} = await load(iamFiles);
		const stolen = events.filter(
			(e) => e.principal.roleName === 'level1' && e.source.raw === attacker,
		);
		assert.deepEqual(
			stolen.map((e) => e.eventName),
			['ListObjects', 'ListImages', 'BatchGetImage', 'GetDownloadUrlForLayer'],
		);
		for (const event of stolen) {
			assert.deepEqual(ids(event), [
				'interactive-client-on-workload',
				'new-source-address',
				'workload-credential-outside-aws',
			]);
		}

		const outside = stolen[0]?.flags.find(
			(f) => f.id === 'workload-credential-outside-aws',
		);
		assert.ok(
			outside?.evidence.includes(
				'level1 was seen from 34.234.236.212 (AWS EC2 us-east-1) at 23:03:12; ' +
					'this call comes from 104.102.221.250, outside AWS.',
			),
		);
	});

	test(`flaws2 ${mode}: anonymous, AWS service and the Lambda's own calls stay clean`, async () => {
		const {events} = await load(iamFiles);
		const anonymous = events.filter((e) => e.eventName === 'GetObject');
		const services = events.filter((e) => e.source.kind === 'aws-service');
		const lambda = events.filter((e) => e.source.raw === lambdaAddress);
		assert.ok(anonymous.length > 20);
		assert.ok(
			services.some((e) => e.principal.invokedBy === 'ecs-tasks.amazonaws.com'),
		);
		assert.equal(lambda.length, 5);
		for (const event of [...anonymous, ...services, ...lambda]) {
			assert.deepEqual(
				ids(event),
				[],
				`${event.eventName} at ${event.timeText}`,
			);
		}

		assert.equal(events.filter((e) => e.flags.length > 0).length, 5);
	});
}

test('flaws2: the panel says where the trust knowledge came from', async () => {
	const given = await load([sample('flaws2', 'level3.json')]);
	const inferred = await load([]);
	const evidence = (dataset: Dataset) =>
		dataset.events
			.find((e) => e.eventName === 'ListBuckets')
			?.flags.find((f) => f.id === 'workload-credential-outside-aws')
			?.evidence.join('\n') ?? '';
	assert.match(
		evidence(given),
		/Only ecs-tasks\.amazonaws\.com may assume level3 \(trust policy from level3\.json\)\./,
	);
	assert.doesNotMatch(evidence(inferred), /level3\.json/);
	assert.match(
		evidence(inferred),
		/inferred: ecs-tasks\.amazonaws\.com issued this session at 22:31:59/,
	);
});

test('flaws2: the report puts ListBuckets at the top', async () => {
	const report = formatReport(await load([]), {flaggedOnly: true});
	const [header, finding, ...rest] = report.split('\n');
	assert.match(
		header ?? '',
		/^ +TIME \(UTC\)\s+SEVERITY\s+EVENT\s+PRINCIPAL\s+SOURCE\s+FLAGS$/,
	);
	// The first finding, and under it the first event row.
	assert.match(finding ?? '', /^f1 {2}HIGH /);
	const rows = rest.filter((line) => /^ +2018-/.test(line));
	assert.match(
		rows[0] ?? '',
		/^ +2018-11-28T23:09:28Z\s+high\s+ListBuckets\s+role level3/,
	);
	assert.equal(rows.length, 5);
});

for (const [mode, iamFiles] of modes) {
	test(`flaws2 ${mode}: every flag on the level1 laptop calls shows the Lambda's own baseline`, async () => {
		const {events} = await load(iamFiles);
		const stolen = events.filter(
			(e) => e.principal.roleName === 'level1' && e.source.raw === attacker,
		);
		assert.equal(stolen.length, 4);
		for (const event of stolen) {
			assert.ok(event.flags.length > 0);
			for (const flag of event.flags) {
				const normal = flag.normal ?? [];
				const where = `${event.eventName} ${flag.id}`;
				assert.ok(
					normal.some((line) =>
						line.includes(`${lambdaAddress} (AWS EC2 us-east-1)`),
					),
					`${where}: ${normal.join(' / ')}`,
				);
				assert.ok(
					normal.some((line) => line.includes('awslambda-worker')),
					`${where}: ${normal.join(' / ')}`,
				);
			}
		}
	});
}
