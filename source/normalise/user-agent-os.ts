/**
The operating system a user agent names. Every SDK writes it its own way
(`Darwin/17.7.0`, `os/macos#22.6.0`, `(go1.19.3; linux; amd64)`,
`Mac_OS_X/10.15.7`, `OS/Microsoft_Windows_10.0.19044`, `x86_64-linux`…), so
the forms are a table, one line per spelling, and each names the same few
systems: baselines compare `macOS` with `macOS`, whatever the spelling and
the version.

The first matching line wins. Offensive distributions come first, because
their kernels also say Linux; phones before desktops, because an iPad's
browser also says Mac OS X and Android's also says Linux.
*/

export interface OsRule {
	os: string;
	/** A system people sit at: macOS, Windows, offensive distributions. */
	desktop: boolean;
	/** The offensive distribution, e.g. `kali`. */
	offensive?: string;
	/** The first group that matched, if any, is the version. */
	pattern: RegExp;
}

/** A distribution name as a whole word: `6.5.0-kali3-amd64`, `kali.2023`. */
const distro = (name: string): RegExp =>
	new RegExp(`(?:^|[^a-z])${name}(?:[^a-z]|$)`, 'i');

export const osRules: readonly OsRule[] = [
	{os: 'Kali', desktop: true, offensive: 'kali', pattern: distro('kali')},
	{os: 'Parrot', desktop: true, offensive: 'parrot', pattern: distro('parrot')},
	{os: 'Pentoo', desktop: true, offensive: 'pentoo', pattern: distro('pentoo')},
	{
		os: 'iOS',
		desktop: false,
		pattern: /\b(?:iPhone|iPad)\b|\bos\/ios(?:#([\w.]+))?/i,
	},
	{
		os: 'Android',
		desktop: false,
		pattern: /\bAndroid(?: ([\d.]+))?|\bos\/android(?:#([\w.]+))?/i,
	},
	{
		os: 'macOS',
		desktop: true,
		pattern: new RegExp(
			[
				// botocore, aws-cli v1, PHP (`OS/Darwin/22.1.0`)
				String.raw`\bDarwin\/(\d[\w.]*)`,
				// SDK user agent 2.0: aws-cli v2, Go v2, JS v3, Rust, Java v2
				String.raw`\bos\/(?:macos|darwin|Mac_OS_X)(?:#([\w.]+))?`,
				// Java v1: `Mac_OS_X/10.15.7`
				String.raw`\bMac_OS_X\/([\d.]+)`,
				// browsers
				String.raw`Mac OS X(?: ([\d_.]+))?`,
				String.raw`\bMacintosh\b`,
				// Go v1 `(go1.19; darwin; arm64)`, Go v2 `md/GOOS/darwin`
				String.raw`GOOS[#/]darwin|; darwin;`,
				// JS v2 on Node.js (`darwin/v18.12.0`: the version is Node's)
				String.raw`\bdarwin\/v\d`,
				// Ruby: `x86_64-darwin21`, `arm64-darwin22`
				String.raw`-darwin(\d+)\b`,
			].join('|'),
			'i',
		),
	},
	{
		os: 'Windows',
		desktop: true,
		pattern: new RegExp(
			[
				// aws-cli v1, botocore: `Windows/10`; browsers: `Windows NT 10.0`
				String.raw`\bWindows(?:\/| NT )(\d[\w.]*)`,
				// SDK user agent 2.0: `os/windows#10.0`, JS v3 `os/win32#10.0`
				String.raw`\bos\/win(?:dows|32)(?:#([\w.]+))?`,
				// Java v1: `Windows_10/10.0`; .NET: `OS/Microsoft_Windows_10.0.19044`
				String.raw`\bWindows_\w*?\/([\d.]+)|Microsoft_Windows(?:_NT)?_([\d.]+)`,
				// PHP: `OS/WINNT/10.0`
				String.raw`\bWINNT\/([\d.]+)`,
				// Go v1 and v2, Node.js, old browsers and tools
				String.raw`GOOS[#/]windows|; windows;|\bwin32\/v\d|\bWin(?:32|64)\b`,
				// Ruby: `x64-mingw32`, `x64-mswin64`
				String.raw`-(?:mingw|mswin)\d*\b`,
			].join('|'),
			'i',
		),
	},
	{
		os: 'Linux',
		desktop: false,
		pattern: new RegExp(
			[
				// botocore, aws-cli, Java v1, PHP (`OS/Linux/5.15.0`)
				String.raw`\bLinux\/(\d[\w.+-]*)`,
				String.raw`\bos\/linux(?:#([\w.+-]+))?`,
				String.raw`GOOS[#/]linux|; linux;|X11; (?:Ubuntu; )?Linux`,
				// JS v2 on Node.js (`linux/v18.12.0`: the version is Node's)
				String.raw`\blinux\/v\d`,
				// Ruby `x86_64-linux`; rusoto's trailing ` linux`
				String.raw`-linux\b| linux$`,
			].join('|'),
			'i',
		),
	},
];

export interface OsMatch {
	rule: OsRule;
	version?: string;
}

/** The system the agent names, with its version when the agent gives one. */
export function matchOs(ua: string): OsMatch | undefined {
	for (const rule of osRules) {
		const m = rule.pattern.exec(ua);
		if (m !== null) {
			const version = m.slice(1).find((group) => group !== undefined);
			if (version === undefined) {
				return {rule};
			}

			// Browsers write macOS versions with underscores: `10_15_7`.
			return {
				rule,
				version: /^\d+(?:_\d+)+$/.test(version)
					? version.replaceAll('_', '.')
					: version,
			};
		}
	}

	return undefined;
}
