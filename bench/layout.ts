import {createHash} from 'node:crypto';
import type {Random} from './random.js';
import {isoSeconds} from './records.js';

/**
Object names and digest files exactly as CloudTrail writes them to S3:

AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
  <account>_CloudTrail_<region>_<yyyymmddThhmmZ>_<16 chars>.json.gz
AWSLogs/<account>/CloudTrail-Digest/<region>/<yyyy>/<mm>/<dd>/
  <account>_CloudTrail-Digest_<region>_<trail>_<region>_<yyyymmddThhmmssZ>.json.gz
*/

export const trailName = 'management-events';
export const bucketName = 'aws-cloudtrail-logs-111122223333-5f0c2a1e';

/** A delivered log file, for the digests. */
export interface LogFile {
	key: string;
	region: string;
	delivered: number;
	oldest: number;
	newest: number;
	sha256: string;
}

function compact(ms: number, seconds: boolean): string {
	const iso = new Date(ms).toISOString();
	const day = iso.slice(0, 10).replaceAll('-', '');
	const clock = iso.slice(11, seconds ? 19 : 16).replaceAll(':', '');
	return `${day}T${clock}Z`;
}

function dayFolder(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
}

export function logKey(
	random: Random,
	account: string,
	region: string,
	delivered: number,
): string {
	return `AWSLogs/${account}/CloudTrail/${region}/${dayFolder(delivered)}/${account}_CloudTrail_${region}_${compact(delivered, false)}_${random.alnum(16)}.json.gz`;
}

export function digestKey(
	account: string,
	region: string,
	time: number,
): string {
	return `AWSLogs/${account}/CloudTrail-Digest/${region}/${dayFolder(time)}/${account}_CloudTrail-Digest_${region}_${trailName}_${region}_${compact(time, true)}.json.gz`;
}

/** CloudTrail delivers a file within about five minutes of its last event. */
export function deliveryTime(newest: number): number {
	const five = 5 * 60_000;
	return Math.ceil((newest + 1) / five) * five;
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export interface DigestChain {
	key: string;
	sha256: string;
	signature: string;
}

/** One hour's digest of a region: the files delivered in it, chained. */
export function digestDocument(
	random: Random,
	account: string,
	region: string,
	start: number,
	end: number,
	files: readonly LogFile[],
	previous: DigestChain | undefined,
): {key: string; document: Record<string, unknown>; signature: string} {
	const key = digestKey(account, region, end);
	const signature = random.hex(512);
	const times = files.flatMap((f) => [f.oldest, f.newest]);
	const document: Record<string, unknown> = {
		awsAccountId: account,
		digestStartTime: isoSeconds(start),
		digestEndTime: isoSeconds(end),
		digestS3Bucket: bucketName,
		digestS3Object: key,
		digestPublicKeyFingerprint: random.hex(32),
		digestSignatureAlgorithm: 'SHA256withRSA',
		...(times.length > 0
			? {
					newestEventTime: isoSeconds(Math.max(...times)),
					oldestEventTime: isoSeconds(Math.min(...times)),
				}
			: {}),
		previousDigestS3Bucket: previous ? bucketName : null,
		previousDigestS3Object: previous?.key ?? null,
		previousDigestHashValue: previous?.sha256 ?? null,
		previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
		previousDigestSignature: previous?.signature ?? null,
		logFiles: files.map((f) => ({
			s3Bucket: bucketName,
			s3Object: f.key,
			hashValue: f.sha256,
			hashAlgorithm: 'SHA-256',
			newestEventTime: isoSeconds(f.newest),
			oldestEventTime: isoSeconds(f.oldest),
		})),
	};
	return {key, document, signature};
}
