import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {loadRecords} from '../../source/load/load-records.js';
import {sharedData} from '../helpers/paths.js';
import {ofLevel, show} from './problems.js';

const flaws2 =
	'flaws2/AWSLogs/653711331788/CloudTrail/us-east-1/2018/11/28/653711331788_CloudTrail_us-east-1_';
const invictus =
	'invictus/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T';

/**
Records kept per file when the whole shared tree is loaded at once, as
observed. Later copies of an event already read (same eventID, identical
content) are not counted here: panther's JSON Lines holds 464 records, 25
of them such copies. The documentation examples reuse eventIDs for
different events: both records are kept, each pair with a warning.
*/
const expectedPerFile: Array<[string, number]> = [
	['aws-cli-examples/lookup-events-insight.output.json', 2],
	['aws-cli-examples/lookup-events.output.json', 1],
	['awsdocs-cloudtrail/doc_example_events.jsonl', 23],
	['awsdocs-iam/doc_example_events.jsonl', 8],
	['awsdocs-iam/doc_example_events.repaired.jsonl', 3],
	[
		'cloudtrail2sightings/aws.credential-access.secretsmanager-retrieve-secrets.json',
		10,
	],
	['cloudtrail2sightings/aws.defense-evasion.cloudtrail-delete.json', 1],
	['cloudtrail2sightings/aws.execution.ec2-user-data.json', 3],
	['cloudtrail2sightings/aws.exfiltration.ec2-share-ebs-snapshot.json', 1],
	[`${flaws2}20181128T2235Z_cR9ra7OH1rytWyXY.json.gz`, 2],
	[`${flaws2}20181128T2305Z_83VTWZ8Z0kiEC7Lq.json.gz`, 1],
	[`${flaws2}20181128T2305Z_zKlMhON7EpHala9u.json.gz`, 4],
	[`${flaws2}20181128T2310Z_7J9NEIxrjJsrlXSd.json.gz`, 6],
	[`${flaws2}20181128T2310Z_A1lhv3sWzzRIBFVk.json.gz`, 2],
	[`${flaws2}20181128T2310Z_jJW5HfNtz7kOnvcP.json.gz`, 19],
	[`${flaws2}20181128T2310Z_jQajCuiobojD8I4y.json.gz`, 1],
	[`${flaws2}20181128T2310Z_rp9i9zxR2Vcpqfnz.json.gz`, 2],
	[`${invictus}1145Z_7xgocspSowgK0Gto.json`, 29],
	[`${invictus}1145Z_s7dpHbl38neqZbm2.json`, 51],
	[`${invictus}1150Z_1vnLavRRp0ek1mP4.json`, 2],
	[`${invictus}1200Z_iLj9fb7yyUG9X4Bf.json`, 394],
	[`${invictus}1200Z_x9kHmzMa7cx6l9wM.json`, 132],
	[`${invictus}1205Z_1dM7GQM67kudSyGD.json`, 13],
	[`${invictus}1205Z_86g9Vok9HiUCgSI7.json`, 19],
	[`${invictus}1205Z_SjF3IkuNXJkoHyar.json`, 26],
	[`${invictus}1205Z_UljXNp9xLp8nsAGc.json`, 55],
	[`${invictus}1205Z_dOIWyEekdNWhkpqY.json`, 26],
	[`${invictus}1205Z_lKy08gyrqqRJyzsn.json`, 1],
	[`${invictus}1205Z_nx9Yx1FyJdBaTqKj.json`, 10],
	[`${invictus}1205Z_zs3JGxETHr59VpkX.json`, 196],
	[`${invictus}1210Z_2ru8PrDKZmsO3yWC.json`, 3],
	[`${invictus}1210Z_6CICdbJQM3beT7n3.json`, 246],
	[`${invictus}1210Z_QY5iPRtGUt0EpVaH.json`, 69],
	[`${invictus}1210Z_RBxlxVrF890sGHGg.json`, 20],
	[`${invictus}1210Z_ZgEBhdXGdLTXGoIe.json`, 1],
	[`${invictus}1210Z_bXGZYqBeCCsqWq1U.json`, 6],
	[`${invictus}1210Z_vj0QE0Tf5ZmzMsCo.json`, 149],
	[`${invictus}1215Z_5f9a6SYejzdNeREZ.json`, 31],
	[`${invictus}1215Z_MifI13MOmOjRfXzJ.json`, 59],
	[`${invictus}1215Z_P0WZuP2zvLW2RcUo.json`, 33],
	[`${invictus}1215Z_YMDRJwtmC82bUwAo.json`, 156],
	[`${invictus}1215Z_YxpR6PTmNBivhnJJ.json`, 26],
	[`${invictus}1215Z_Z8x5aqgtcXn5NEG9.json`, 117],
	[`${invictus}1215Z_dTTFsx4I2m3om5Oy.json`, 1],
	[`${invictus}1215Z_nBsuPO1qSTEVerMD.json`, 222],
	[`${invictus}1220Z_8sBQhbu5YO94UV8p.json`, 6],
	[`${invictus}1220Z_AkYyuTYmKtOUB1Lx.json`, 12],
	[`${invictus}1220Z_WMiHxZgr5Hdd6UDc.json`, 13],
	[`${invictus}1220Z_ovtmbuX3ENJ119uH.json`, 56],
	[`${invictus}1220Z_r7NFD65BgeDMqD23.json`, 71],
	[`${invictus}1220Z_sM25jC0Ku0QcGkDa.json`, 10],
	[`${invictus}1225Z_4iD2boYSOwmb6sWd.json`, 12],
	[`${invictus}1225Z_QqgbBkK0L13H8Wbv.json`, 3],
	[`${invictus}1225Z_RL8g7SsRoNFvvVBW.json`, 5],
	[`${invictus}1225Z_qWyTCPHzELqDMshA.json`, 4],
	[`${invictus}1225Z_vMAR90Iiaqr6M5sR.json`, 16],
	[`${invictus}1230Z_04rtp9DpvIpSZzMr.json`, 17],
	[`${invictus}1230Z_9JM8uKEITHqwJKXr.json`, 22],
	[`${invictus}1230Z_9SJSsrxJ0ChF5VFb.json`, 84],
	[`${invictus}1230Z_9dKPuRzdLzqZRjqm.json`, 2],
	[`${invictus}1230Z_AvIajGd5rkz6vTy4.json`, 63],
	[`${invictus}1230Z_GyyPwrInk2rgv8V0.json`, 2],
	[`${invictus}1230Z_KV9LZlfXqBel7nqf.json`, 47],
	[`${invictus}1230Z_OU6Ha25B4GGhUIMr.json`, 5],
	[`${invictus}1230Z_ZtUNbBkwAu98FPZb.json`, 68],
	[`${invictus}1230Z_lHgkh3VeI3XnjZSL.json`, 92],
	[`${invictus}1230Z_s2m4APJ8BhmXSIE6.json`, 2],
	[`${invictus}1230Z_soULWstxp7lqsODg.json`, 3],
	[`${invictus}1235Z_Vp7r3boWJKtPb3wM.json`, 1],
	[`${invictus}1235Z_YbVFCP9AYzJDhHV9.json`, 185],
	[`${invictus}1235Z_kboLbHJlz2H6cLyo.json`, 4],
	[`${invictus}1240Z_C1qUFaqvZS64BcIN.json`, 2],
	['panther/compromised-root-creds_attacker_cloudtrail.json', 12],
	['panther/compromised-root-creds_victim_cloudtrail.json', 4],
	['panther/enrichment-example_attacker_cloudtrail.json', 7],
	['panther/enrichment-example_victim_cloudtrail.json', 4],
	['panther/panther_cloudtrail_test_events.jsonl', 439],
];

test('the whole shared data tree loads with the counts observed per file', async (t) => {
	if (!existsSync(sharedData)) {
		t.skip(`no shared data at ${sharedData}`);
		return;
	}

	const {records, summary} = await loadRecords([sharedData]);
	const perFile = new Map<string, number>();
	for (const {file} of records) {
		const name = path.relative(sharedData, file).split(path.sep).join('/');
		perFile.set(name, (perFile.get(name) ?? 0) + 1);
	}

	assert.deepEqual([...perFile], expectedPerFile);
	const total = (prefix: string) =>
		expectedPerFile
			.filter(([name]) => name.startsWith(prefix))
			.reduce((sum, [, count]) => sum + count, 0);
	// The totals the data's README gives.
	assert.equal(total('flaws2/'), 37);
	assert.equal(total('invictus/'), 2900);
	assert.equal(summary.events, 3455);
	// Every file found is read, the 4 text files skipped by their first bytes too.
	assert.equal(summary.filesRead, 85);
	assert.equal(summary.duplicates, 25);
	// The malformed file only lacks commas: every record is recovered.
	assert.equal(summary.partialFiles, 0);
	assert.equal(summary.filesWithErrors, 1);
	// 4 text files (README, 3 CSV indexes) and 4 JSON files of other kinds.
	assert.equal(summary.skippedNotLog, 8);
});

test('the one malformed file gives one error per missing comma, naming its line, not fatal', async (t) => {
	if (!existsSync(sharedData)) {
		t.skip(`no shared data at ${sharedData}`);
		return;
	}

	const {summary} = await loadRecords([sharedData]);
	const errors = ofLevel(summary.problems, 'error');
	assert.deepEqual(
		errors.map((error) => [
			path.relative(sharedData, error.file).split(path.sep).join('/'),
			error.record,
		]),
		[
			['cloudtrail2sightings/aws.execution.ec2-user-data.json', 1],
			['cloudtrail2sightings/aws.execution.ec2-user-data.json', 2],
		],
		show(summary.problems),
	);
	assert.match(errors[0]!.message, /missing ',' .* line 112, column 1/);
	assert.match(errors[1]!.message, /missing ',' .* line 201, column 1/);
	const skippedText = ofLevel(summary.problems, 'info').filter((problem) =>
		/\.(csv|md)$/.test(problem.file),
	);
	assert.equal(skippedText.length, 4);
	assert.ok(
		skippedText.every((problem) =>
			/not a CloudTrail log/.test(problem.message),
		),
	);
});
