import type {Severity, TrailEvent} from '../../core/types.js';
import {familyLabel} from '../agent.js';
import type {IdentityBaseline} from '../baselines.js';
import {clock, eventClock, lookupByKeyCommand, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {identityName, normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {matchHttpTool, type HttpToolMatch} from './http-tools.js';

/**
A call made with a raw HTTP tool or a script library (curl, python-requests,
Go's HTTP client…) instead of an AWS SDK, the CLI or the console. See
`http-tools.ts` for the list and why such agents matter.

AWS's own back ends use the same libraries: the Identity Center back end
calls as `Go-http-client/2.0`, services call as themselves. So the flag is
never raised for AWS services, calls a service made for a principal
(`invokedBy`), service or `AWS Internal` sources, agents the parser knows as
AWS's, console sessions, or Go's client on Identity Center's own APIs.

Severity: low for a steady script (an identity that only ever calls this
way); medium when the tool is a change for the identity or its key, is on a
workload's or root's credentials, or turns keys into a console session.
That is what separates "someone's cron job" from "someone else's hands".
*/

const why =
	"This call was made with a raw HTTP tool such as curl, or a small script library, not with AWS's own tools (the SDKs, the CLI, the console). Exploit code, key checkers and copied one-liners talk to AWS this way. What matters is whether this identity normally calls like this. Common false alarms: an honest script. A careful intruder copies an SDK's user agent, so this flag finds only the careless.";

/** Identity Center's APIs, which its back end calls with Go's client. */
const identityCenterSources =
	/^(?:sso|sso-directory|identitystore|sso-oauth|identitystore-auth)\.amazonaws\.com$/;

/** Calls that turn keys into a console session or more credentials. */
const credentialCalls = new Set([
	'GetSigninToken',
	'GetFederationToken',
	'GetSessionToken',
]);

// Control characters: no real client sends them in its user agent.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

function awsOwn(event: TrailEvent, context: RuleContext): boolean {
	const {type, invokedBy} = event.principal;
	const kind = event.source.kind;
	return (
		type === 'AWSService' ||
		invokedBy !== undefined ||
		kind === 'aws-service' ||
		kind === 'aws-internal' ||
		event.console ||
		context.agent(event)?.awsService === true
	);
}

/** Other client families of one baseline, in the order first seen. */
function otherFamilies(
	baseline: IdentityBaseline | undefined,
	family: string | undefined,
): Array<[string, number]> {
	if (!baseline) {
		return [];
	}

	return [...baseline.agents.entries()]
		.filter(([name]) => name !== family)
		.sort((a, b) => a[1].firstSeq - b[1].firstSeq)
		.map(([name, seen]) => [name, seen.firstTime]);
}

function contrastLine(
	subject: string,
	others: Array<[string, number]>,
	event: TrailEvent,
	match: HttpToolMatch,
): string {
	const shown = others
		.slice(0, 3)
		.map(
			([name, time]) =>
				`${familyLabel(name)} (from ${clock(time, event.time)})`,
		)
		.join(', ');
	return `${subject} otherwise called with ${shown}; this call with ${match.tool.name}.`;
}

export const unusualClient: FlagRule = {
	id: 'unusual-client',
	title: 'Raw HTTP tool or script instead of an AWS client',
	severity: 'low',
	attack: ['T1078.004', 'T1059.009'],
	check(event, context) {
		const ua = event.userAgent;
		const match = ua === undefined ? undefined : matchHttpTool(ua);
		if (!match || awsOwn(event, context)) {
			return undefined;
		}

		if (
			match.tool.name === 'Go-http-client' &&
			identityCenterSources.test(event.eventSource)
		) {
			return undefined;
		}

		const name = identityName(event);
		const family = context.agent(event)?.family;
		const {accessKeyId, baselineKey, roleName, userName} = event.principal;
		const evidence = [
			`The user agent of this call (${event.eventName} at ${eventClock(event)}) ` +
				`is ${match.token}: ${match.tool.name}, ${match.tool.what}, not an ` +
				'AWS SDK, the CLI or the console.',
		];
		if (ua !== undefined && controlChars.test(ua)) {
			evidence.push(
				'The user agent also holds control characters (escape sequences or ' +
					'line breaks), which no real client sends: someone wrote it by ' +
					'hand, perhaps to disturb whoever reads the logs.',
			);
		}

		const keyBaseline = accessKeyId
			? context.baselines.accessKeys.get(accessKeyId)
			: undefined;
		const keyOthers = otherFamilies(keyBaseline, family);
		const principalOthers = otherFamilies(
			baselineKey ? context.baselines.principals.get(baselineKey) : undefined,
			family,
		);
		if (keyOthers.length > 0) {
			evidence.push(
				contrastLine(`The same key, ${accessKeyId},`, keyOthers, event, match),
			);
		} else if (principalOthers.length > 0) {
			evidence.push(contrastLine(name, principalOthers, event, match));
		}

		const workload = context.workload(event);
		if (workload) {
			evidence.push(
				`${name} is a workload identity, normally used by ${workload.runsOn}:`,
				...workload.reasons.map((r) => r.text),
			);
		}

		const credentialCall = credentialCalls.has(event.eventName);
		if (credentialCall) {
			evidence.push(
				`${event.eventName} turns the caller's keys into a console session or new ` +
					'credentials: a known step after keys are stolen.',
			);
		}

		const changed = keyOthers.length > 0 || principalOthers.length > 0;
		const severity: Severity =
			changed ||
			workload !== undefined ||
			credentialCall ||
			event.principal.type === 'Root'
				? 'medium'
				: this.severity;
		const next = [
			'Read the full user agent in the detail view (Enter): scripts often name themselves after the library.',
		];
		if (accessKeyId) {
			next.push(
				`List every call of this key: ${lookupByKeyCommand(accessKeyId, event)}`,
			);
		}

		if (accessKeyId?.startsWith('AKIA') === true && userName) {
			const user = shellWord(userName);
			const key = shellWord(accessKeyId);
			next.push(
				`See when and where the key was last used: aws iam get-access-key-last-used --access-key-id ${key}`,
				`If its owner does not call AWS this way, switch the key off: aws iam update-access-key --user-name ${user} --access-key-id ${key} --status Inactive`,
			);
		} else if (roleName) {
			next.push(
				`Read who may assume the role: aws iam get-role --role-name ${shellWord(roleName)}`,
			);
		}

		return {
			id: this.id,
			severity,
			title: this.title,
			why,
			evidence,
			normal: normalLines(event, context),
			next,
		};
	},
};
