import type {TrailEvent} from '../../core/types.js';
import {shellWord} from '../describe.js';
import {
	asList,
	field,
	flagValue,
	requestOf,
	textField,
} from './request-fields.js';
import {
	command,
	param,
	type DefenceAction,
	type DefenceRow,
} from './defence-rows.js';

/**
The defence table's rows for the two services that collect the account's
threat findings, GuardDuty and Security Hub: turning them off, leaving the
administrator account that reads their findings, or hiding findings
(a trusted IP list, a suppression rule, suppressed findings).
*/

function disabledFeatures(event: TrailEvent): string | false {
	const names = asList(field(requestOf(event), 'features'))
		.filter((f) => textField(f, 'status') === 'DISABLED')
		.map((f) => textField(f, 'name') ?? 'a protection');
	return names.length > 0
		? `turns off the GuardDuty protections ${names.join(', ')}`
		: false;
}

/** The request's detector, or the command that finds the region's one. */
function detector(event: TrailEvent): string {
	const id = textField(requestOf(event), 'detectorId');
	return id
		? shellWord(id)
		: '"$(aws guardduty list-detectors --query \'DetectorIds[0]\' --output text)"';
}

const guardDuty = command('aws guardduty list-detectors');
const securityHub = command('aws securityhub describe-hub');

export const detectorRows: DefenceRow[] = [
	[
		'guardduty:DeleteDetector',
		{
			service: 'GuardDuty',
			severity: 'high',
			effect:
				'deletes the GuardDuty detector: threat detection stops in this region',
			resource: param('detectorId'),
			check: guardDuty,
		},
	],
	[
		'guardduty:UpdateDetector',
		{
			service: 'GuardDuty',
			severity: 'high',
			effect: 'suspends GuardDuty: threat detection stops in this region',
			applies: (event) =>
				flagValue(field(requestOf(event), 'enable')) === false ||
				disabledFeatures(event),
			resource: param('detectorId'),
			check: guardDuty,
		},
	],
	...[
		'DisassociateFromMasterAccount',
		'DisassociateFromAdministratorAccount',
	].map((name): [string, DefenceAction] => [
		`guardduty:${name}`,
		{
			service: 'GuardDuty',
			severity: 'high',
			effect:
				"leaves the GuardDuty administrator account: this account's findings no longer reach the security team",
			resource: param('detectorId'),
			check: guardDuty,
		},
	]),
	...['DeleteMembers', 'DisassociateMembers', 'StopMonitoringMembers'].map(
		(name): [string, DefenceAction] => [
			`guardduty:${name}`,
			{
				service: 'GuardDuty',
				severity: 'medium',
				effect: 'removes member accounts from GuardDuty monitoring',
				resource: param('detectorId'),
				check: (event) =>
					`aws guardduty list-members --detector-id ${detector(event)}`,
			},
		],
	),
	...['CreateIPSet', 'UpdateIPSet'].map((name): [string, DefenceAction] => [
		`guardduty:${name}`,
		{
			service: 'GuardDuty',
			severity: 'high',
			effect:
				'changes a trusted IP list: GuardDuty raises no findings for calls from the addresses in it',
			resource: param('location', 'name', 'ipSetId'),
			check: (event) =>
				`aws guardduty list-ip-sets --detector-id ${detector(event)}`,
		},
	]),
	[
		'guardduty:CreateFilter',
		{
			service: 'GuardDuty',
			severity: 'medium',
			effect:
				'adds a suppression rule: matching findings are archived as they arrive, unseen',
			applies: (event) => textField(requestOf(event), 'action') === 'ARCHIVE',
			resource: param('name'),
			check: (event) =>
				`aws guardduty list-filters --detector-id ${detector(event)}`,
		},
	],
	[
		'securityhub:DisableSecurityHub',
		{
			service: 'Security Hub',
			severity: 'high',
			effect: 'turns Security Hub off: its checks and collected findings stop',
			check: securityHub,
		},
	],
	[
		'securityhub:BatchDisableStandards',
		{
			service: 'Security Hub',
			severity: 'medium',
			effect: 'turns off Security Hub standards: their checks stop',
			check: command('aws securityhub get-enabled-standards'),
		},
	],
	...[
		'DisassociateFromMasterAccount',
		'DisassociateFromAdministratorAccount',
	].map((name): [string, DefenceAction] => [
		`securityhub:${name}`,
		{
			service: 'Security Hub',
			severity: 'medium',
			effect:
				"leaves the Security Hub administrator account: this account's findings no longer reach the security team",
			check: securityHub,
		},
	]),
	[
		'securityhub:BatchUpdateFindings',
		{
			service: 'Security Hub',
			severity: 'medium',
			effect:
				'marks findings as suppressed, which hides them from the usual views',
			applies: (event) =>
				textField(field(requestOf(event), 'Workflow'), 'Status') ===
				'SUPPRESSED',
			check: command(
				'aws securityhub get-findings --filters \'{"WorkflowStatus":[{"Value":"SUPPRESSED","Comparison":"EQUALS"}]}\'',
			),
		},
	],
];
