import type {Severity} from '../../core/types.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {requestOf, textField} from './request-fields.js';
import {accountOf} from './region-usage.js';

/**
Leaving the organisation: LeaveOrganization from a member account, or
RemoveAccountFromOrganization by the management account. An account that
leaves sheds the organisation's guardrails at once: its service control
policies, the organisation's CloudTrail, GuardDuty and Security Hub
administration. Intruders try it to lift the limits on what they stole
(Stratus Red Team's "attempt to leave the AWS organization"). A refused
attempt is still flagged, one step lower: someone tried.
*/

const why =
	'This account asked to leave its AWS organisation, or was removed from it. An organisation puts guardrails on its accounts: policies that forbid certain actions, central logging, central threat detection. An account that leaves is free of all of them at once, which is what someone who stole it wants. Common false alarms: a planned move of the account, which is rare and announced.';

export const leaveOrganization: FlagRule = {
	id: 'leave-organization',
	title: 'Account leaving the organisation',
	severity: 'high',
	attack: ['T1562.001', 'T1666'],
	check(event, context) {
		if (
			event.eventSource !== 'organizations.amazonaws.com' ||
			!/^(?:LeaveOrganization|RemoveAccountFromOrganization)$/.test(
				event.eventName,
			)
		) {
			return undefined;
		}

		const leaving = event.eventName === 'LeaveOrganization';
		const base: Severity = leaving ? 'high' : 'medium';
		const judgement = judgeChange(event, context, base);
		if (!judgement) {
			return undefined;
		}

		const account = leaving
			? accountOf(event)
			: textField(requestOf(event), 'accountId');
		const what = leaving
			? `it asks for ${account ?? 'this account'} to leave its organisation`
			: `the management account removes ${account ?? 'an account'} from the organisation`;
		return {
			id: this.id,
			severity: judgement.severity,
			title: leaving ? this.title : 'Account removed from the organisation',
			why,
			evidence: [`${callLine(event)}: ${what}.`, ...judgement.notes],
			normal: [
				'Normal is no such call at all, outside a planned move of the account.',
				...normalLines(event, context),
			],
			next: [
				'See whether the account still belongs to the organisation: aws organizations describe-organization',
				"Ask the organisation's administrators whether a move was planned; if not, treat the account's credentials as stolen.",
				...callerNext(event),
			],
		};
	},
};
