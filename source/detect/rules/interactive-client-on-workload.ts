import {describeAgent, familyLabel} from '../agent.js';
import {
	eventClock,
	isOutsideAws,
	lookupByKeyCommand,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {offensiveName} from './attack-tools.js';

/**
Flag 2: a person's tools on a workload identity. Software on AWS calls with
an SDK from a Linux server; an aws-cli on macOS or Windows, or an offensive
distribution such as Kali, means a person is at the keyboard with the
workload's credentials.

aws-cli alone (no desktop OS) from inside AWS is left alone: scripts on
instances and containers use it every day. From outside AWS it counts.
*/

const why =
	"A role that belongs to software was used with a person's tools: a command-line client, a desktop system such as macOS or Windows, or a system made for attacking. Software calls AWS through AWS's libraries (the SDKs) from a server. A person's tools mean someone took the credentials to their own machine. Common false alarms: an engineer debugging with the role on purpose. The user agent is written by the caller, so its absence proves nothing.";

export const interactiveClientOnWorkload: FlagRule = {
	id: 'interactive-client-on-workload',
	title: "A person's tools on a workload identity",
	severity: 'medium',
	attack: ['T1078.004', 'T1059.009'],
	check(event, context) {
		if (event.console || event.principal.invokedBy) {
			return undefined;
		}

		const agent = context.agent(event);
		if (!agent || agent.awsService) {
			return undefined;
		}

		const signs: string[] = [];
		if (agent.offensive) {
			signs.push(`it names ${offensiveName(agent.offensive)}`);
		}

		if (agent.desktopOs) {
			signs.push(
				`it runs on ${agent.os ?? 'a desktop system'}, a desktop system`,
			);
		}

		const outside = isOutsideAws(event.source);
		if (agent.interactive && outside) {
			signs.push(`${familyLabel(agent.family)} is a client a person drives`);
		}

		if (signs.length === 0) {
			return undefined;
		}

		const workload = context.workload(event);
		if (!workload) {
			return undefined;
		}

		const severity = agent.offensive || outside ? 'high' : this.severity;
		const {roleName, accessKeyId} = event.principal;
		const next = [
			`Read the full user agent in the detail view (Enter); it may name the command that was typed.`,
		];
		if (accessKeyId) {
			next.push(
				`List everything this key did: ${lookupByKeyCommand(accessKeyId, event)}`,
			);
		}

		next.push(
			`Read who may assume the role: aws iam get-role --role-name ${shellWord(workload.roleName)}`,
		);

		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence: [
				`The user agent of this call (${event.eventName} at ${eventClock(event)}) ` +
					`is ${describeAgent(agent)}: ${signs.join('; ')}.`,
				`${roleName} is a workload identity:`,
				...workload.reasons.map((r) => r.text),
			],
			normal: [
				`The credentials of ${roleName} normally belong to ${workload.runsOn}, which calls through an SDK or AWS's own agents.`,
				...normalLines(event, context),
			],
			next,
		};
	},
};
