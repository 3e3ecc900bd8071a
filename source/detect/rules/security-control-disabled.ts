import type {TrailEvent} from '../../core/types.js';
import {regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {requestOf, textField} from './request-fields.js';
import {defenceActionOf, type DefenceAction} from './defence-table.js';
import {destinationText, logDestinations} from './log-destinations.js';

/**
A defence switched off or blinded: GuardDuty, Config, Security Hub, flow
logs, DNS query logs, Macie and the others of `defence-table.ts`, plus the
deletion of a CloudWatch log group that the loaded logs show receiving a
trail, flow logs or DNS query logs (any other log group is left alone:
applications delete theirs all the time).

Intruders turn these off before the noisy part of an attack; an
administrator does it rarely, and through reviewed code. A refused attempt
is flagged one step lower; infrastructure code is low; an AWS service
acting for itself is not flagged.
*/

const why =
	"One of the account's defences was switched off or told to look away. GuardDuty and Security Hub raise alerts about attacks; Config and flow logs keep the history an investigation needs. Switching one off, or telling it to ignore some addresses, is how an intruder works unseen, usually just before the part they want hidden. Common false alarms: a planned change by the security team, or a test account being cleaned up.";

interface Found {
	action: Pick<DefenceAction, 'service' | 'severity' | 'effect'>;
	resource?: string;
	check: string;
}

function logGroupFound(
	event: TrailEvent,
	context: RuleContext,
): Found | undefined {
	if (
		event.eventSource !== 'logs.amazonaws.com' ||
		event.eventName !== 'DeleteLogGroup'
	) {
		return undefined;
	}

	const group = textField(requestOf(event), 'logGroupName');
	const known = group
		? logDestinations(context.events).logGroups.get(group)
		: undefined;
	if (!group || !known) {
		return undefined;
	}

	return {
		action: {
			service: 'A CloudWatch log group',
			severity: 'medium',
			effect: `deletes the log group ${group}, which ${destinationText(known, event)}: the logs in it are gone`,
		},
		resource: group,
		check: `aws logs describe-log-groups --log-group-name-prefix ${shellWord(group)}`,
	};
}

function found(event: TrailEvent, context: RuleContext): Found | undefined {
	const action = defenceActionOf(event);
	if (!action) {
		return logGroupFound(event, context);
	}

	const applies = action.applies ? action.applies(event) : true;
	if (applies === false) {
		return undefined;
	}

	return {
		action: typeof applies === 'string' ? {...action, effect: applies} : action,
		resource: action.resource?.(event),
		check: action.check(event),
	};
}

export const securityControlDisabled: FlagRule = {
	id: 'security-control-disabled',
	title: 'A security control was switched off',
	severity: 'high',
	attack: ['T1562.001', 'T1562.008'],
	check(event, context) {
		const hit = found(event, context);
		if (!hit) {
			return undefined;
		}

		const judgement = judgeChange(event, context, hit.action.severity);
		if (!judgement) {
			return undefined;
		}

		const on = hit.resource ? `, on ${hit.resource}` : '';
		return {
			id: this.id,
			severity: judgement.severity,
			title: `${hit.action.service} switched off or weakened`,
			why,
			evidence: [
				`${callLine(event)}${on}.`,
				`It ${hit.action.effect}.`,
				...judgement.notes,
			],
			normal: [
				`${hit.action.service} normally stays on: changes come rarely, from whoever owns security, through reviewed code.`,
				...normalLines(event, context),
			],
			next: [
				`See the state now: ${hit.check}${regionOption(event)}`,
				'Ask whoever owns security whether this was planned; if not, turn it back on and look at what happened while it was off.',
				...callerNext(event),
			],
		};
	},
};
