import type {Severity, SourceInfo, TrailEvent} from '../../core/types.js';
import {baselineFamily} from '../agent.js';
import {countedAddress, inOrder, networkOf} from '../baselines.js';
import {
	addressWithPlace,
	clock,
	count,
	eventClock,
	lookupByKeyCommand,
	shellWord,
} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {attackToolOf, offensiveName} from './attack-tools.js';
import {
	infrastructureTool,
	listSome,
	madeByAwsOrConsole,
	memo,
} from './event-groups.js';
import {matchHttpTool} from './http-tools.js';

/**
GetCallerIdentity, the "whoami" of AWS: it tells the caller which account
and identity a key belongs to, needs no permission and cannot be denied.
Whoever finds a key runs it first (TruffleHog does it for every key it
finds). Scripts and tools run it too, at every start, so one call is no
sign; these are:
- the first call of a key in the logs, from a place new for the principal
  (high) or with an attack tool or raw HTTP client (high);
- a call from a network the principal had not used before (medium), or
  with an attack tool or raw HTTP client (medium; TruffleHog high);
- the first call of a key (low), unless the principal already called with
  the same client from the same network (a new session of a known routine).
Infrastructure-as-code tools (Terraform checks its credentials this way at
every run, from wherever the run happens) and events inside the learning
window (`--baseline-until`) count only with an attack tool's mark.
Not for console sessions, AWS services, calls made for the principal, or
the instance identity role (`instance-identity-role-misuse` covers it).
*/

const why =
	'GetCallerIdentity, the "whoami" of AWS, tells the caller which account and identity a key belongs to. It needs no permission and is never refused. So it is the first thing anyone runs with keys they found, and secret scanners such as TruffleHog run it on every key they find. Common false alarms: scripts and tools that run it at every start; what matters is whether this key and this place are known.';

/** `principal|family|network` of every call, first sighting kept. */
function routines(
	events: readonly TrailEvent[],
	context: RuleContext,
): Map<string, number> {
	return memo('caller-identity-probe:routines', events, () => {
		const found = new Map<string, number>();
		for (const event of events) {
			const key = event.principal.baselineKey;
			const agent = context.agent(event);
			const family = agent ? baselineFamily(agent) : undefined;
			if (!key || !family || countedAddress(event.source) === undefined) {
				continue;
			}

			const routine = `${key}|${family}|${networkOf(event.source)}`;
			if (!found.has(routine)) {
				found.set(routine, event.seq);
			}
		}

		return found;
	});
}

function toolLine(event: TrailEvent, context: RuleContext): string | undefined {
	const offensive = attackToolOf(event, context);
	if (offensive) {
		return `Its user agent names ${offensiveName(offensive)}.`;
	}

	const http = event.userAgent ? matchHttpTool(event.userAgent) : undefined;
	return http
		? `Its user agent is ${http.token}: ${http.tool.what}, not an AWS SDK or the CLI.`
		: undefined;
}

/**
The ways a machine inside AWS reaches AWS: its AWS address or a VPC
endpoint. A machine that used one and now uses the other has not moved.
A private address with no endpoint is no such way, and stays its own place.
*/
function awsPath(source: SourceInfo): boolean {
	return (
		(source.kind === 'public' && source.aws !== undefined) ||
		(source.kind === 'private' && source.vpcEndpointId !== undefined)
	);
}

function newPlaceLine(
	event: TrailEvent,
	context: RuleContext,
): string | undefined {
	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	if (!baseline || countedAddress(event.source) === undefined) {
		return undefined;
	}

	const earlier = inOrder(baseline.addresses).filter(
		(a) => a.firstSeq < event.seq,
	);
	const here = networkOf(event.source);
	if (
		earlier.length === 0 ||
		earlier.some((a) => a.network === here) ||
		(awsPath(event.source) && earlier.some((a) => awsPath(a.source)))
	) {
		return undefined;
	}

	const places = earlier
		.slice(0, 3)
		.map(
			(a) =>
				`${addressWithPlace(a.source)}, since ${clock(a.firstTime, event.time)}`,
		);
	const more = earlier.length > 3 ? `; and ${earlier.length - 3} more` : '';
	return (
		`${identityName(event)} was seen before only from ${places.join('; ')}${more}. ` +
		`This call comes from ${addressWithPlace(event.source)}, a new network.`
	);
}

function firstCallLine(
	event: TrailEvent,
	context: RuleContext,
): string | undefined {
	const key = event.principal.accessKeyId;
	const baseline = key ? context.baselines.accessKeys.get(key) : undefined;
	if (!key || !baseline || baseline.firstSeq !== event.seq) {
		return undefined;
	}

	const others = [...baseline.apis.keys()].filter(
		(api) => api !== 'sts:GetCallerIdentity',
	);
	if (baseline.events <= 1) {
		return `It is the first and only call of the key ${key} in the loaded logs: the key was checked, then left alone.`;
	}

	const apis = others.length > 0 ? ` (${listSome(others, 3)})` : '';
	return (
		`It is the first call of the key ${key} in the loaded logs; ` +
		`${count(baseline.events - 1, 'more call')} followed${apis}.`
	);
}

function isRoutine(event: TrailEvent, context: RuleContext): boolean {
	const key = event.principal.baselineKey;
	const agent = context.agent(event);
	const family = agent ? baselineFamily(agent) : undefined;
	if (!key || !family || countedAddress(event.source) === undefined) {
		return false;
	}

	const first = routines(context.events, context).get(
		`${key}|${family}|${networkOf(event.source)}`,
	);
	return first !== undefined && first < event.seq;
}

function nextSteps(event: TrailEvent): string[] {
	const {accessKeyId, userName, roleName} = event.principal;
	const next: string[] = [];
	if (accessKeyId) {
		next.push(
			`See what the key did after checking itself: ${lookupByKeyCommand(accessKeyId, event)}`,
		);
	}

	if (accessKeyId?.startsWith('AKIA') === true && userName) {
		const user = shellWord(userName);
		const key = shellWord(accessKeyId);
		next.push(
			`See when and where the key was last used: aws iam get-access-key-last-used --access-key-id ${key}`,
			`If its owner did not run this, switch the key off: aws iam update-access-key --user-name ${user} --access-key-id ${key} --status Inactive`,
		);
	} else if (roleName) {
		next.push(
			`Read who may assume the role: aws iam get-role --role-name ${shellWord(roleName)}`,
		);
	}

	return next;
}

export const callerIdentityProbe: FlagRule = {
	id: 'caller-identity-probe',
	title: 'GetCallerIdentity: someone checking whose keys these are',
	severity: 'medium',
	attack: ['T1087.004', 'T1078.004'],
	check(event, context) {
		if (
			event.eventName !== 'GetCallerIdentity' ||
			event.eventSource !== 'sts.amazonaws.com' ||
			event.principal.roleName?.startsWith('aws:') === true ||
			madeByAwsOrConsole(event, context)
		) {
			return undefined;
		}

		// Infrastructure tools check their credentials at every run, from
		// wherever the run happens: only an attack tool's mark counts then.
		// With --baseline-until, a learning event's key and place are what is
		// being learned: only an attack tool's mark counts for it.
		const quiet =
			infrastructureTool(event.userAgent) !== undefined ||
			context.learning(event);
		const tool = toolLine(event, context);
		const place = quiet ? undefined : newPlaceLine(event, context);
		const first = quiet ? undefined : firstCallLine(event, context);
		if (!tool && !place && (!first || isRoutine(event, context))) {
			return undefined;
		}

		const severity: Severity =
			attackToolOf(event, context) === 'trufflehog' ||
			(first && (place || tool))
				? 'high'
				: place || tool
					? 'medium'
					: 'low';
		const evidence = [
			`GetCallerIdentity at ${eventClock(event)} from ${addressWithPlace(event.source)}.`,
			...[first, place, tool].filter((line) => line !== undefined),
		];
		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence,
			normal: normalLines(event, context),
			next: nextSteps(event),
		};
	},
};
