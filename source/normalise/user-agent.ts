import {
	clientRules,
	type ClientCategory,
	type ClientRule,
	type Kind,
} from './user-agent-rules.js';
import {matchOs} from './user-agent-os.js';

/**
The user agent is written by the caller, so it proves nothing, but it says a
lot: an aws-cli on a Mac using a Lambda's credentials, or a Kali kernel, is
worth a look. The clients (user-agent-rules.ts) and the systems
(user-agent-os.ts) are tables, so adding one is one line.

Baselines compare the family and the OS, never the raw string: aws-cli v2
writes the typed command into its agent, so every command would otherwise
look like a new client. The details that vary from call to call (versions,
the command, the distribution) are kept apart from the family for the panel.
*/

export type {ClientCategory} from './user-agent-rules.js';

/** What a user agent tells about the client that made a call. */
export interface UserAgentInfo {
	/** The user agent as logged, or undefined when missing. */
	raw: string | undefined;
	/** `aws-cli`, `boto3`, `browser`, `aws-service`…; `none` when missing, `other` when unknown. */
	family: string;
	version?: string;
	/** `macOS` (Darwin), `Windows`, `Linux`, `Kali`, `Parrot`, `Pentoo`, `iOS`, `Android`. */
	os?: string;
	osVersion?: string;
	/** `exec-env/…` of AWS SDKs and the CLI, e.g. `AWS_Lambda_python3.12`, `CloudShell`. */
	execEnv?: string;
	/** A client a person drives: the CLI, a browser, curl, an SDK on a desktop system. */
	interactive: boolean;
	/** The system is one people sit at (macOS, Windows, offensive distributions). */
	desktopOs: boolean;
	/** The offensive distribution or tool named, e.g. `kali`, `pacu`, `stratus-red-team`. */
	offensive?: string;
	/** AWS itself made the call (`*.amazonaws.com`, `AWS Internal`, Lambda's worker). */
	awsService: boolean;
	/** The agent was wrapped in `[…]` (botocore `user_agent_extra`, Terraform). */
	wrapped: boolean;
	/** What sort of client the family is: `cli`, `sdk`, `attack-tool`… */
	category: ClientCategory;
	/**
	The product token that named the family, without its version, e.g.
	`aws-sdk-go-v2` (family `aws-sdk-go`), `S3Console`, `aws-sdk-dotnet-coreclr`.
	*/
	product?: string;
	/** The command the aws-cli ran, e.g. `s3.ls`, `sts.get-caller-identity`. */
	command?: string;
	/** The Linux distribution the aws-cli v2 names, e.g. `ubuntu.22`, `amzn.2`. */
	distribution?: string;
	/**
	For a tool, AWS agent or infrastructure tool: the client it calls through,
	e.g. `terraform` for Stratus Red Team's set-up, `aws-sdk-go` for Terraform.
	*/
	via?: string;
	/** For `aws-service`: the service's host name, e.g. `cloudformation.amazonaws.com`. */
	service?: string;
}

/** Categories whose agent also names what they are built on. */
const builtOn = new Set<ClientCategory>([
	'attack-tool',
	'audit-tool',
	'infrastructure',
	'agent',
]);

/** Categories a `via` can be. */
const foundations = new Set<ClientCategory>(['infrastructure', 'cli', 'sdk']);

interface ClientMatch {
	rule: ClientRule;
	version?: string;
	product: string;
	index: number;
}

function matchClient(ua: string, from = 0): ClientMatch | undefined {
	for (let index = from; index < clientRules.length; index++) {
		const rule = clientRules[index]!;
		const m = rule.pattern.exec(ua);
		if (m !== null) {
			const version = m.slice(1).find((group) => group !== undefined);
			const token = m[0].trim().replace(/^[\s,]+|[\s,]+$/g, '');
			const slash = token.indexOf('/');
			const product = slash > 0 ? token.slice(0, slash) : token;
			return {
				rule,
				...(version === undefined ? {} : {version}),
				product,
				index,
			};
		}
	}

	return undefined;
}

/** The next client of another family that the winner is built on. */
function viaOf(ua: string, client: ClientMatch): string | undefined {
	if (!builtOn.has(client.rule.category)) {
		return undefined;
	}

	for (let next = matchClient(ua, client.index + 1); next;) {
		if (
			next.rule.family !== client.rule.family &&
			foundations.has(next.rule.category)
		) {
			return next.rule.family;
		}

		next = matchClient(ua, next.index + 1);
	}

	return undefined;
}

/** aws-cli v2 writes `md/command#s3.ls` (newer) or `command/s3.ls` (older). */
const commandPattern = /(?:\bmd\/command#|(?:^|\s)command\/)([\w.-]+)/i;
/** `md/distrib#ubuntu.22` (newer) or `exe/x86_64.ubuntu.22` (older). */
const distributionPattern =
	/\bmd\/distrib#([\w.-]+)|(?:^|\s)exe\/[a-z\d_]+\.([\w.-]+)/i;
const execEnvPattern = /exec-env\/([\w.-]+)/i;

function firstGroup(m: RegExpExecArray | null): string | undefined {
	return m?.slice(1).find((group) => group !== undefined);
}

function build(raw: string): UserAgentInfo {
	const trimmed = raw.trim();
	const wrapped = trimmed.startsWith('[') && trimmed.endsWith(']');
	const ua = wrapped ? trimmed.slice(1, -1).trim() : trimmed;
	if (ua === '') {
		return none(raw);
	}

	const client = matchClient(ua);
	const rule = client?.rule;
	const kind: Kind = rule?.kind ?? 'program';
	const os = kind === 'service' || rule?.awsHost ? undefined : matchOs(ua);
	const execEnv = execEnvPattern.exec(ua)?.[1];
	const command = firstGroup(commandPattern.exec(ua));
	const distribution = firstGroup(distributionPattern.exec(ua));
	const via = client ? viaOf(ua, client) : undefined;
	const desktopOs = os?.rule.desktop ?? false;
	const offensiveName =
		kind === 'offensive' ? rule?.family : os?.rule.offensive;
	const insideAws = execEnv !== undefined && /^AWS_/i.test(execEnv);
	const interactive =
		!insideAws &&
		(kind === 'person' ||
			kind === 'offensive' ||
			(kind === 'program' && desktopOs));
	return {
		raw,
		family: rule?.family ?? 'other',
		...(client?.version ? {version: client.version} : {}),
		...(os ? {os: os.rule.os} : {}),
		...(os?.version ? {osVersion: os.version} : {}),
		...(execEnv ? {execEnv} : {}),
		interactive,
		desktopOs,
		...(offensiveName ? {offensive: offensiveName} : {}),
		awsService: kind === 'service',
		wrapped,
		category: rule?.category ?? 'unknown',
		...(client ? {product: client.product} : {}),
		...(command ? {command} : {}),
		...(distribution ? {distribution} : {}),
		...(via ? {via} : {}),
		...(rule?.family === 'aws-service' ? {service: ua.toLowerCase()} : {}),
	};
}

function none(raw: string | undefined): UserAgentInfo {
	return {
		raw,
		family: 'none',
		interactive: false,
		desktopOs: false,
		awsService: false,
		wrapped: false,
		category: 'none',
	};
}

/** Agents repeat heavily across a log; parse each distinct one once. */
const cache = new Map<string, UserAgentInfo>();
const cacheLimit = 20_000;

/**
Reads a user agent. The result is frozen and shared between events with the
same agent, so it must not be changed.
*/
export function parseUserAgent(ua: string | undefined): UserAgentInfo {
	if (ua === undefined || ua === '') {
		return none(ua);
	}

	let info = cache.get(ua);
	if (info === undefined) {
		info = Object.freeze(build(ua));
		if (cache.size >= cacheLimit) {
			cache.clear();
		}

		cache.set(ua, info);
	}

	return info;
}

/**
The key baselines compare: the family and the OS, e.g. `aws-cli|macOS`.
Versions, commands, wrappers and the AWS back end's own system never enter
it, so it stays the same from one call of a client to the next.
*/
export function agentKey(info: Pick<UserAgentInfo, 'family' | 'os'>): string {
	return info.os === undefined ? info.family : `${info.family}|${info.os}`;
}
