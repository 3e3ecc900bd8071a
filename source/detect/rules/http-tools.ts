/**
Raw HTTP tools and script libraries, as their user agents start. AWS's own
clients (the SDKs, the CLI, the console) sign requests for the caller and
name themselves; a request whose agent is curl or python-requests was signed
by hand or by a small script, which is how exploit code, credential
checkers and copied one-liners talk to AWS.

Patterns are tested against the agent without the `[…]` some wrappers add,
and anchored at its start: a tool's name later in an SDK's agent (an
`md/…` or extra suffix) does not make the SDK a raw tool. Group 1, when
present, is the version.
*/
export interface HttpTool {
	/** Short name, e.g. `curl`. */
	name: string;
	/** What it is, completing "…: curl, …". */
	what: string;
	pattern: RegExp;
}

const tool = (name: string, what: string, pattern: RegExp): HttpTool => ({
	name,
	what,
	pattern,
});

export const httpTools: readonly HttpTool[] = [
	tool('curl', 'a command-line HTTP tool', /^curl\/([\w.-]+)/i),
	tool('Wget', 'a command-line download tool', /^Wget\/([\w.-]+)/i),
	tool('HTTPie', 'a command-line HTTP tool', /^HTTPie\/([\w.-]+)/i),
	tool(
		'PowerShell',
		"PowerShell's Invoke-WebRequest or Invoke-RestMethod",
		/^Mozilla\/5\.0 \([^)]*\) (?:Windows)?PowerShell\/([\w.-]+)/i,
	),
	tool('Postman', 'an API testing tool', /^PostmanRuntime\/([\w.-]+)/i),
	tool('Insomnia', 'an API testing tool', /^insomnia\/([\w.-]+)/i),
	tool(
		'python-requests',
		'a Python HTTP library used by scripts',
		/^python-requests\/([\w.-]+)/i,
	),
	tool(
		'Python-urllib',
		"Python's built-in HTTP library",
		/^Python-urllib\/([\w.-]+)/i,
	),
	tool('httplib2', 'a Python HTTP library', /^Python-httplib2\/([\w.-]+)/i),
	tool('httpx', 'a Python HTTP library', /^python-httpx\/([\w.-]+)/i),
	tool(
		'aiohttp',
		'a Python HTTP library',
		/^Python\/[\d.]+ aiohttp\/([\w.-]+)/i,
	),
	tool(
		'Go-http-client',
		"Go's built-in HTTP client",
		/^Go-http-client\/([\w.-]+)/,
	),
	tool('axios', 'a JavaScript HTTP library', /^axios\/([\w.-]+)/i),
	tool(
		'node-fetch',
		'a JavaScript HTTP library',
		/^node-fetch(?:\/([\w.-]+))?/i,
	),
	tool('node', "Node.js's built-in fetch", /^node$/),
	tool('okhttp', 'a Java and Android HTTP library', /^okhttp\/([\w.-]+)/i),
	tool(
		'Apache-HttpClient',
		'a Java HTTP library',
		/^Apache-HttpClient\/([\w.-]+)/i,
	),
	tool('Java', "Java's built-in HTTP client", /^Java\/([\w.-]+)$/),
	tool('libwww-perl', 'a Perl HTTP library', /^libwww-perl\/([\w.-]+)/i),
	tool('Ruby', "Ruby's built-in HTTP library", /^Ruby$/),
	tool('Guzzle', 'a PHP HTTP library', /^GuzzleHttp\/([\w.-]+)/i),
];

export interface HttpToolMatch {
	tool: HttpTool;
	/** The tool's product token, e.g. `curl/8.5.0`, as logged. */
	token: string;
}

/** The raw HTTP tool a user agent names, or undefined for anything else. */
export function matchHttpTool(ua: string): HttpToolMatch | undefined {
	const trimmed = ua.trim();
	const bare =
		trimmed.startsWith('[') && trimmed.endsWith(']')
			? trimmed.slice(1, -1).trim()
			: trimmed;
	for (const candidate of httpTools) {
		const m = candidate.pattern.exec(bare);
		if (m !== null) {
			// The tool's own token only: what follows may be anything a
			// caller wrote, control characters included.
			return {tool: candidate, token: m[0].slice(m[0].lastIndexOf(' ') + 1)};
		}
	}

	return undefined;
}
