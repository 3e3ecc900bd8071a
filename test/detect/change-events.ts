import type {Flag, TrailEvent} from '../../source/core/types.js';
import type {EventSpec} from '../helpers/make-event.js';
import {judged} from './scenarios.js';

/**
Shared pieces for the tests of the change flags (logging, defences,
identities, sharing, resources): the clients that matter to them, and the
near-miss variants every change flag is tried against.
*/

export const clients = {
	cli: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off',
	terraform:
		'APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/5.17.0 aws-sdk-go/1.45.11 (go1.20.8; linux; amd64)',
	stratus: 'stratus-red-team_83d3a1a2-6a4b-4a3e-9b1c-0d1e2f3a4b5c',
	console: 'AWS Internal',
} as const;

/** A caller's usual spec: an IAM user with the CLI from outside AWS. */
export const person: EventSpec = {
	user: 'mallory',
	key: 'AKIAEXAMPLEMALLORY01',
	ua: clients.cli,
	ip: '198.51.100.23',
};

/** The same call, made in the ways that must not (or must less) count. */
export function variants(spec: EventSpec): Record<string, EventSpec> {
	return {
		awsService: {
			...spec,
			type: 'AWSService',
			invokedBy: 'config.amazonaws.com',
			ip: 'config.amazonaws.com',
			ua: 'config.amazonaws.com',
		},
		invokedByService: {
			...spec,
			invokedBy: 'autoscaling.amazonaws.com',
			ip: 'autoscaling.amazonaws.com',
			ua: 'autoscaling.amazonaws.com',
		},
		cloudFormation: {
			...spec,
			invokedBy: 'cloudformation.amazonaws.com',
			ip: 'cloudformation.amazonaws.com',
			ua: 'cloudformation.amazonaws.com',
		},
		terraform: {...spec, ua: clients.terraform},
		denied: {...spec, errorCode: 'AccessDenied', errorMessage: 'denied'},
		vpcEndpoint: {...spec, ip: '10.0.5.7', vpcEndpointId: 'vpce-0a1b2c3d'},
		awsInternal: {...spec, ip: 'AWS Internal', ua: clients.console},
		noAddress: {...spec, ip: null},
		console: {...spec, console: true, ua: clients.console},
	};
}

/** Judges the specs and returns the flag of one id on the last event. */
export function lastFlag(specs: EventSpec[], id: string): Flag | undefined {
	const events = judged(specs);
	return events.at(-1)?.flags.find((f) => f.id === id);
}

/** Judges one spec and returns its flag of one id. */
export function flagFor(spec: EventSpec, id: string): Flag | undefined {
	return lastFlag([spec], id);
}

/** The flags of one id on every event, in time order. */
export function flagsOf(
	events: TrailEvent[],
	id: string,
): Array<Flag | undefined> {
	return events.map((e) => e.flags.find((f) => f.id === id));
}

/** The evidence, why and next steps of a flag as one text, for matching. */
export function textOf(flag: Flag | undefined): string {
	return flag
		? [flag.why, ...flag.evidence, ...(flag.normal ?? []), ...flag.next].join(
				'\n',
			)
		: '';
}
