import type {Actor, Session} from './actors.js';
import {api} from './api-catalog.js';
import {agents, thiefAddress} from './network.js';
import type {Random} from './random.js';
import {callRecord, type TrailRecord} from './records.js';

/**
The planted credential theft, trailtui's motivating case (as in flaws2): the
ECS task role `level3`, which normally works from its NAT addresses inside
AWS with an SDK, is used with the key of a live task session from an
outside address, with an old aws-cli on a Mac: who am I, which buckets,
what is in them, take some objects.
*/

export interface PlantedTheft {
	time: number;
	address: string;
	accessKeyId: string;
	sessionName: string;
	records: Array<{time: number; record: TrailRecord}>;
}

const steps: Array<
	[seconds: number, call: string, bucket: string, denied?: true]
> = [
	[0, 'sts:GetCallerIdentity', ''],
	[41, 's3:ListBuckets', ''],
	[63, 's3:ListObjects', 'acme-level3-reports'],
	[70, 's3:ListObjects', 'acme-web-assets-prod'],
	[78, 's3:ListObjects', 'acme-backups-onprem', true],
	[95, 's3:GetObject', 'acme-level3-reports'],
	[97, 's3:GetObject', 'acme-level3-reports'],
	[104, 's3:GetObject', 'acme-web-assets-prod'],
	[131, 's3:GetObject', 'acme-level3-reports'],
];

/** The thief's calls, made with `session`'s current key from `time` on. */
export function plantTheft(
	random: Random,
	actor: Actor,
	session: Session,
	time: number,
): PlantedTheft {
	const records = steps.map(([seconds, call, bucket, denied]) => {
		const at = time + seconds * 1000;
		const record = callRecord(random, {
			actor,
			session,
			api: api(call),
			region: 'us-east-1',
			time: at,
			buckets: [bucket],
			origin: {ip: thiefAddress},
			agent: agents.thief,
			error: denied ? {code: 'AccessDenied', message: 'Access Denied'} : false,
		});
		return {time: at, record};
	});
	return {
		time,
		address: thiefAddress,
		accessKeyId: session.key,
		sessionName: session.name,
		records,
	};
}
