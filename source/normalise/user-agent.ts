/**
The user agent is written by the caller, so it proves nothing, but it says a
lot: an aws-cli on a Mac using a Lambda's credentials, or a Kali kernel, is
worth a look. The rules below are tables so that adding a client or a
system is one line; the first matching client rule wins, so specific tools
come before the SDKs they are built on.
*/

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
}

/**
How a family decides `interactive`: `person` always, `program` only on a
desktop system, `service` never; `offensive` tools are people too.
*/
type Kind = 'person' | 'program' | 'service' | 'offensive';

interface ClientRule {
	family: string;
	kind: Kind;
	/** Tested against the unwrapped agent; group 1, when present, is the version. */
	pattern: RegExp;
	/** The system named in the agent is AWS's own server, not the caller's. */
	awsHost?: true;
}

const clientRules: readonly ClientRule[] = [
	{family: 'aws-internal', kind: 'service', pattern: /^AWS Internal$/i},
	{
		family: 'console',
		kind: 'person',
		awsHost: true,
		pattern:
			/^(?:console(?:\.[a-z\d-]+)?\.amazonaws\.com|signin\.amazonaws\.com|[\w ]*Console[\w]*(?:\/([\d.]+))?(?:,|$))/i,
	},
	{
		family: 'aws-service',
		kind: 'service',
		pattern: /^[a-z\d][a-z\d.-]*\.amazonaws\.com(?:\.cn)?$/i,
	},
	{
		family: 'lambda',
		kind: 'service',
		pattern: /^awslambda-worker(?:\/([\w.]+))?/i,
	},
	{family: 'stratus-red-team', kind: 'offensive', pattern: /stratus-red-team/i},
	{family: 'pacu', kind: 'offensive', pattern: /\bpacu\b(?:\/([\w.]+))?/i},
	{
		family: 'scoutsuite',
		kind: 'offensive',
		pattern: /scout ?suite(?:\/([\w.]+))?/i,
	},
	{
		family: 'prowler',
		kind: 'offensive',
		pattern: /\bprowler\b(?:\/([\w.]+))?/i,
	},
	{
		family: 'cloudfox',
		kind: 'offensive',
		pattern: /\bcloudfox\b(?:\/([\w.]+))?/i,
	},
	{
		family: 'trufflehog',
		kind: 'offensive',
		pattern: /trufflehog(?:\/([\w.]+))?/i,
	},
	{
		family: 's3-browser',
		kind: 'offensive',
		pattern: /S3 Browser(?:\/?\s?([\d.]+))?/i,
	},
	{
		family: 'aws-internal',
		kind: 'service',
		pattern: /(?:^|[\s,])aws-internal\/([\w.]+)/i,
	},
	{
		family: 'ssm-agent',
		kind: 'program',
		pattern: /amazon-ssm-agent(?:\/([\w.]+))?/i,
	},
	{family: 'terraform', kind: 'program', pattern: /Terraform\/([\w.]+)/i},
	{family: 'aws-cli', kind: 'person', pattern: /(?:^|\s)aws-cli\/([\w.]+)/i},
	{family: 'boto3', kind: 'program', pattern: /(?:^|\s)Boto3\/([\w.]+)/i},
	{family: 'botocore', kind: 'program', pattern: /(?:^|\s)Botocore\/([\w.]+)/i},
	{
		family: 'aws-sdk-go',
		kind: 'program',
		pattern: /aws-sdk-go(?:-v2)?\/([\w.]+)/i,
	},
	{family: 'aws-sdk-java', kind: 'program', pattern: /aws-sdk-java\/([\w.]+)/i},
	{
		family: 'aws-sdk-js',
		kind: 'program',
		pattern: /aws-sdk-(?:js|nodejs)\/([\w.]+)/i,
	},
	{
		family: 'aws-sdk-dotnet',
		kind: 'program',
		pattern: /aws-sdk-dotnet[\w-]*\/([\w.]+)/i,
	},
	{
		family: 'aws-sdk-ruby',
		kind: 'program',
		pattern: /aws-sdk-ruby\d*\/([\w.]+)/i,
	},
	{family: 'aws-sdk-php', kind: 'program', pattern: /aws-sdk-php\/([\w.]+)/i},
	{family: 'aws-sdk-rust', kind: 'program', pattern: /aws-sdk-rust\/([\w.]+)/i},
	{family: 'aws-sdk-cpp', kind: 'program', pattern: /aws-sdk-cpp\/([\w.]+)/i},
	{family: 'aws-sdk', kind: 'program', pattern: /aws-sdk-[a-z]+\/([\w.]+)/i},
	{family: 'curl', kind: 'person', pattern: /^curl\/([\w.]+)/i},
	{family: 'browser', kind: 'person', pattern: /^Mozilla\/\d/},
	{
		family: 'python-requests',
		kind: 'program',
		pattern: /python-requests\/([\w.]+)/i,
	},
	{
		family: 'go-http-client',
		kind: 'program',
		pattern: /Go-http-client\/([\w.]+)/i,
	},
];

interface OsRule {
	os: string;
	desktop: boolean;
	offensive?: string;
	pattern: RegExp;
}

/** Offensive distributions first: their kernels also say Linux. */
const osRules: readonly OsRule[] = [
	{
		os: 'Kali',
		desktop: true,
		offensive: 'kali',
		pattern: /(?:^|[^a-z])kali(?:[^a-z]|$)/i,
	},
	{
		os: 'Parrot',
		desktop: true,
		offensive: 'parrot',
		pattern: /(?:^|[^a-z])parrot(?:[^a-z]|$)/i,
	},
	{
		os: 'Pentoo',
		desktop: true,
		offensive: 'pentoo',
		pattern: /(?:^|[^a-z])pentoo(?:[^a-z]|$)/i,
	},
	{os: 'iOS', desktop: false, pattern: /\b(?:iPhone|iPad)\b/},
	{os: 'Android', desktop: false, pattern: /\bAndroid\b/},
	{
		os: 'macOS',
		desktop: true,
		pattern:
			/Darwin\/([\w.]+)|os\/macos(?:#([\w.]+))?|Mac OS X|Macintosh|GOOS[#/]darwin|; darwin;/i,
	},
	{
		os: 'Windows',
		desktop: true,
		pattern:
			/Windows(?:\/| NT )([\w.]+)|os\/windows(?:#([\w.]+))?|\bWin(?:32|64)\b|; windows;/i,
	},
	{
		os: 'Linux',
		desktop: false,
		pattern:
			/Linux\/([\w.-]+)|os\/linux(?:#([\w.-]+))?|GOOS[#/]linux|; linux;|X11; Linux/i,
	},
];

function matchOs(ua: string): {rule: OsRule; version?: string} | undefined {
	for (const rule of osRules) {
		const m = rule.pattern.exec(ua);
		if (m !== null) {
			const version = m.slice(1).find((group) => group !== undefined);
			return version === undefined ? {rule} : {rule, version};
		}
	}

	return undefined;
}

function build(raw: string): UserAgentInfo {
	const trimmed = raw.trim();
	const wrapped = trimmed.startsWith('[') && trimmed.endsWith(']');
	const ua = wrapped ? trimmed.slice(1, -1).trim() : trimmed;
	if (ua === '') {
		return none(raw);
	}

	let client: ClientRule | undefined;
	let version: string | undefined;
	for (const rule of clientRules) {
		const m = rule.pattern.exec(ua);
		if (m !== null) {
			client = rule;
			version = m[1];
			break;
		}
	}

	const kind: Kind = client?.kind ?? 'program';
	const os = kind === 'service' || client?.awsHost ? undefined : matchOs(ua);
	const execEnv = /exec-env\/([\w.-]+)/i.exec(ua)?.[1];
	const desktopOs = os?.rule.desktop ?? false;
	const offensiveName =
		kind === 'offensive' ? client?.family : os?.rule.offensive;
	const insideAws = execEnv !== undefined && /^AWS_/i.test(execEnv);
	const interactive =
		!insideAws &&
		(kind === 'person' ||
			kind === 'offensive' ||
			(kind === 'program' && desktopOs));
	return {
		raw,
		family: client?.family ?? 'other',
		...(version ? {version} : {}),
		...(os ? {os: os.rule.os} : {}),
		...(os?.version ? {osVersion: os.version} : {}),
		...(execEnv ? {execEnv} : {}),
		interactive,
		desktopOs,
		...(offensiveName ? {offensive: offensiveName} : {}),
		awsService: kind === 'service',
		wrapped,
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
