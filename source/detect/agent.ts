import {parseUserAgent, type UserAgentInfo} from '../normalise/user-agent.js';

/**
The user-agent facts the flags rely on. The parsing belongs to the
normaliser; detection compares only the family and the OS, never the raw
string (aws-cli v2 puts the typed command in its agent, so every command
would otherwise look like a new client).
*/
export type AgentInfo = UserAgentInfo;

export function agentInfo(ua: string): AgentInfo {
	return parseUserAgent(ua);
}

/**
Families that say nothing about the caller's client: no agent, and AWS
calling for itself. They never enter a baseline, so they are never "new".
*/
const uninformative = new Set(['none', 'aws-internal', 'aws-service']);

/** The family as a baseline counts it, or undefined when it does not count. */
export function baselineFamily(info: {family: string}): string | undefined {
	return uninformative.has(info.family) ? undefined : info.family;
}

const familyNames: Record<string, string> = {
	lambda: 'awslambda-worker (the Lambda runtime)',
	browser: 'a web browser',
	console: 'the AWS console',
	other: 'an unrecognised client',
};

/** A family as a person reads it in a sentence. */
export function familyLabel(family: string): string {
	return familyNames[family] ?? family;
}

/**
`aws-cli 1.16.19 on macOS`, for evidence sentences; with the command an
aws-cli v2 names (`aws-cli 2.15.59 on macOS running aws s3 ls`) and the
client a tool calls through (`stratus-red-team through terraform on Linux`).
*/
export function describeAgent(info: AgentInfo): string {
	const version = info.version ? ` ${info.version}` : '';
	const via = info.via ? ` through ${familyLabel(info.via)}` : '';
	const os = info.os ? ` on ${info.os}` : '';
	const command = info.command
		? ` running aws ${info.command.replace('.', ' ')}`
		: '';
	return `${familyLabel(info.family)}${version}${via}${os}${command}`;
}
