import type {Severity, TrailEvent} from '../../core/types.js';
import {familyLabel} from '../agent.js';
import {
	clock,
	count,
	eventClock,
	lookupByKeyCommand,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {attackToolOf, tools, type Tool} from './attack-tools.js';
import {burstIdentity, infrastructureTool, memo} from './event-groups.js';

/**
A user agent that names an attack tool or an offensive Linux distribution,
on any identity (the workload case is also `interactive-client-on-workload`).
The parser (`normalise/user-agent.ts`) decides what is offensive; the
table in `attack-tools.ts` says what each tool is for and how much it weighs:
- exploitation, key checking and permission brute-forcing (Pacu,
  TruffleHog, WeirdAAL, enumerate-iam, aws-enumerator): high;
- attack emulation (Stratus Red Team), audit and mapping tools (ScoutSuite,
  Prowler, CloudFox, Cloudsplaining) and offensive distributions (Kali,
  Parrot, Pentoo): medium, high on a workload's or root's credentials;
- S3 Browser, a desktop file manager for S3 that intruders use to copy data
  out, as do some administrators: low, medium on a workload or root.

Not flagged: calls a service made for the principal (`invokedBy`), AWS's
own agents, and Terraform runs whose agent carries a tool's mark. Stratus
Red Team prepares each attack's targets with Terraform and stamps that
agent with its run id; that is setup, and the flag on the attack's own calls
counts it instead.
*/

const raise: Record<Severity, Severity> = {
	info: 'low',
	low: 'medium',
	medium: 'high',
	high: 'high',
	critical: 'critical',
};

const why =
	'The user agent names a tool or system built for attacking or auditing cloud accounts. Intruders run these tools with stolen credentials. The user agent is written by the caller, so a careful intruder hides it; when it shows, find out who ran the tool. Common false alarms: a planned penetration test, audit or attack simulation by your security team.';

/** The Stratus Red Team run id in an agent: `stratus-red-team_<uuid>`. */
function stratusRun(ua: string | undefined): string | undefined {
	return ua === undefined
		? undefined
		: /stratus-red-team_([0-9a-f-]{36})/i.exec(ua)?.[1];
}

interface ToolUse {
	first: TrailEvent;
	last: TrailEvent;
	calls: number;
}

interface ToolHistory {
	/** By identity and offensive name. */
	uses: Map<string, ToolUse>;
	/** Terraform calls by Stratus run id. */
	setup: Map<string, TrailEvent[]>;
}

function history(context: RuleContext): ToolHistory {
	const {events} = context;
	return memo('attack-tool-user-agent', events, () => {
		const found: ToolHistory = {uses: new Map(), setup: new Map()};
		for (const event of events) {
			const run = stratusRun(event.userAgent);
			if (run && infrastructureTool(event.userAgent)) {
				const list = found.setup.get(run) ?? [];
				list.push(event);
				found.setup.set(run, list);
				continue;
			}

			const offensive = attackToolOf(event, context);
			if (offensive === undefined || event.principal.invokedBy) {
				continue;
			}

			const key = `${burstIdentity(event) ?? event.principal.label}\u0000${offensive}`;
			const use = found.uses.get(key);
			if (use) {
				use.last = event;
				use.calls++;
			} else {
				found.uses.set(key, {first: event, last: event, calls: 1});
			}
		}

		return found;
	});
}

function historyLines(
	event: TrailEvent,
	offensive: string,
	tool: Tool,
	context: RuleContext,
): string[] {
	const found = history(context);
	const lines: string[] = [];
	const name = identityName(event);
	const use = found.uses.get(
		`${burstIdentity(event) ?? event.principal.label}\u0000${offensive}`,
	);
	if (use && use.calls > 1) {
		lines.push(
			`${name} made ${count(use.calls, 'call')} with ${tool.label} in the loaded logs, ` +
				`from ${clock(use.first.time, event.time)} to ${clock(use.last.time, event.time)}.`,
		);
	}

	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	const own = context.agent(event)?.family;
	const before = baseline
		? [...baseline.agents.entries()]
				.filter(
					([family, seen]) =>
						family !== own && seen.firstSeq < (use?.first.seq ?? event.seq),
				)
				.map(([family]) => familyLabel(family))
		: [];
	if (before.length > 0) {
		lines.push(
			`Before that, ${name} called with ${before.slice(0, 3).join(', ')}.`,
		);
	}

	const run = stratusRun(event.userAgent);
	const setup = run ? found.setup.get(run) : undefined;
	if (run && setup && setup.length > 0) {
		lines.push(
			`Stratus Red Team marks each run with an id (${run}). The same run made ` +
				`${count(setup.length, 'call')} through Terraform from ` +
				`${clock(setup[0]!.time, event.time)} to ${clock(setup.at(-1)!.time, event.time)}, ` +
				'to set up what it attacks; those calls are not flagged.',
		);
	}

	return lines;
}

function nextSteps(event: TrailEvent, offensive: string): string[] {
	const {accessKeyId, userName, roleName} = event.principal;
	const next = [
		'Ask whether a penetration test, audit or attack simulation was planned for this time, and by whom. If none was, treat the credentials as stolen.',
	];
	if (accessKeyId) {
		next.push(
			`List every call of this key: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	if (offensive === 'trufflehog' && accessKeyId) {
		next.push(
			`Search your repositories, build logs and shared files for the key id ${accessKeyId}: TruffleHog found it in one of them.`,
		);
	}

	if (accessKeyId?.startsWith('AKIA') === true && userName) {
		next.push(
			`If the run was not planned, switch the key off: aws iam update-access-key --user-name ${shellWord(userName)} --access-key-id ${shellWord(accessKeyId)} --status Inactive`,
		);
	} else if (roleName) {
		next.push(
			`Read who may assume the role: aws iam get-role --role-name ${shellWord(roleName)}`,
		);
	}

	return next;
}

export const attackToolUserAgent: FlagRule = {
	id: 'attack-tool-user-agent',
	title: 'Attack or audit tool in the user agent',
	severity: 'medium',
	attack: ['T1078.004', 'T1588.002'],
	check(event, context) {
		if (event.principal.invokedBy !== undefined) {
			return undefined;
		}

		const offensive = attackToolOf(event, context);
		if (offensive === undefined) {
			return undefined;
		}

		const tool: Tool = tools[offensive] ?? {
			label: offensive,
			what: 'a tool or system made for attacking',
			severity: 'medium',
		};
		const workload = context.workload(event);
		const root = event.principal.type === 'Root';
		const severity = workload || root ? raise[tool.severity] : tool.severity;
		const name = identityName(event);
		const evidence = [
			`The user agent of this call (${event.eventName} at ${eventClock(event)}) ` +
				`names ${tool.label}: ${tool.what}.`,
			...historyLines(event, offensive, tool, context),
		];
		if (workload) {
			evidence.push(
				`${name} is a workload identity, normally used by ${workload.runsOn}.`,
			);
		}

		if (event.outcome === 'denied') {
			evidence.push(
				`AWS refused it (${event.errorCode ?? 'denied'}): the tool is trying what the credentials may do.`,
			);
		}

		return {
			id: this.id,
			severity,
			title: `${tool.label} in the user agent`,
			why,
			evidence,
			normal: normalLines(event, context),
			next: nextSteps(event, offensive),
		};
	},
};
