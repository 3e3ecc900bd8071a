import type {TrailEvent} from '../../source/core/types.js';
import {detect} from '../../source/detect/detect.js';
import type {RoleTrustPolicy} from '../../source/detect/trust.js';
import {
	makeEvents,
	serviceAssumes,
	type EventSpec,
} from '../helpers/make-event.js';

/** Agents as CloudTrail records them. */
export const agents = {
	cliMac: 'aws-cli/1.16.19 Python/2.7.10 Darwin/17.7.0 botocore/1.12.9',
	cliLinux: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.amzn.2',
	botoLinux: 'Boto3/1.34.0 Python/3.11.6 Linux/5.10.0 Botocore/1.34.0',
	kali: 'aws-cli/2.15.0 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off',
	lambda: 'awslambda-worker',
	console: 'AWS Internal',
};

export const lambdaIp = {ip: '34.234.236.212', aws: {service: 'EC2'}};
export const homeIp = '104.102.221.250';

/**
The flaws2 story in miniature: Lambda assumes `level1` (session `level1`),
the function runs from an AWS address, then its key is used from a laptop.
*/
export function lambdaTheft(laptopCalls: EventSpec[] = []): EventSpec[] {
	const key = 'ASIAEXAMPLELAMBDA01';
	return [
		serviceAssumes(
			'lambda.amazonaws.com',
			'level1',
			'level1',
			key,
			'2018-11-28T23:03:12Z',
		),
		{
			time: '2018-11-28T23:03:12Z',
			role: 'level1',
			session: 'level1',
			key,
			...lambdaIp,
			ua: agents.lambda,
			eventName: 'CreateLogStream',
			eventSource: 'logs.amazonaws.com',
		},
		...laptopCalls.map((spec) => ({
			role: 'level1',
			session: 'level1',
			key,
			ip: homeIp,
			ua: agents.cliMac,
			...spec,
		})),
	];
}

/** Builds, detects and returns the events in time order. */
export function judged(
	specs: EventSpec[],
	trustPolicies: RoleTrustPolicy[] = [],
): TrailEvent[] {
	const events = makeEvents(specs);
	detect(events, {trustPolicies});
	return events;
}

/** The flag ids of an event. */
export function ids(event: TrailEvent | undefined): string[] {
	return event?.flags.map((f) => f.id) ?? [];
}

/** The events carrying a flag id. */
export function withFlag(events: TrailEvent[], id: string): TrailEvent[] {
	return events.filter((e) => e.flags.some((f) => f.id === id));
}

/** A service-only trust policy, as parseIamFile returns it. */
export function serviceTrust(
	roleName: string,
	service: string,
): RoleTrustPolicy {
	return {
		roleName,
		accountId: '111122223333',
		principals: [{kind: 'Service', value: service}],
		serviceOnly: true,
		file: 'trust.json',
		source: 'trust policy from trust.json',
	};
}
