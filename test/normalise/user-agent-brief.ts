import type {UserAgentInfo} from '../../source/normalise/user-agent.js';

/**
The columns of the client tables (one line per client: the agent as a
client writes it, and what the parser must read from it). `brief` names the
family, the version and the system,
then marks a person's client (`+person`) or AWS itself (`+aws`), then the
details a panel shows: the aws-cli command, the distribution, the execution
environment, the client a tool calls through and the offensive name.
*/
export function brief(info: UserAgentInfo): string {
	const parts = [info.family, info.version ?? '-', info.os ?? '-'];
	if (info.interactive) {
		parts.push('+person');
	}

	if (info.awsService) {
		parts.push('+aws');
	}

	for (const key of [
		'command',
		'distribution',
		'execEnv',
		'via',
		'offensive',
	] as const) {
		if (info[key] !== undefined) {
			parts.push(`${key}=${info[key]}`);
		}
	}

	return parts.join(' ');
}

/** Terraform's agent up to the SDK it calls through. */
export const terraformAgent =
	'APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) ' +
	'terraform-provider-aws/5.31.0 (+https://registry.terraform.io/providers/hashicorp/aws)';
