import type {Severity, TrailEvent} from '../../core/types.js';
import {regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {
	asList,
	field,
	requestOf,
	responseOf,
	textField,
} from './request-fields.js';

/**
An ECS task definition whose container reads the credentials endpoint: a
command, entry point, health check or environment value that names
169.254.170.2 or `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (or the EC2
metadata address), above all with curl or wget. Applications get their
credentials through an AWS SDK, which never needs the address spelled out;
a container that fetches it by hand and sends it somewhere is how a task
role's keys are stolen (the flaws2 exercise's theft, done from the inside).
*/

const why =
	"A container was set to fetch its task role's credentials itself. Every ECS task gets them from an address inside the task (169.254.170.2), and AWS's libraries read it by themselves, so a normal task never names it. A command that fetches it with curl or wget is written to take the role's keys out of the task: whoever registers it gets the role's rights from anywhere. Common false alarms: a debugging container, which has no place in production.";

const endpoint =
	/169\.254\.170\.2|AWS_CONTAINER_CREDENTIALS_(?:RELATIVE|FULL)_URI|169\.254\.169\.254|fd00:ec2::254/i;
const fetchTool =
	/\b(?:curl|wget|nc|ncat|socat|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b|urllib|requests\.get|http\.client/i;

function strings(value: unknown): string[] {
	return asList(value).filter((v): v is string => typeof v === 'string');
}

interface Finding {
	container: string;
	text: string;
	tool: boolean;
}

function findings(event: TrailEvent): Finding[] {
	const found: Finding[] = [];
	for (const container of asList(
		field(requestOf(event), 'containerDefinitions'),
	)) {
		const texts = [
			...strings(field(container, 'entryPoint')),
			...strings(field(container, 'command')),
			...strings(field(field(container, 'healthCheck'), 'command')),
			...asList(field(container, 'environment')).map(
				(e) => `${textField(e, 'name') ?? ''}=${textField(e, 'value') ?? ''}`,
			),
		];
		const joined = texts.join(' ');
		if (endpoint.test(joined)) {
			found.push({
				container: textField(container, 'name') ?? '(unnamed container)',
				text: joined.length > 240 ? `${joined.slice(0, 240)}…` : joined,
				tool: fetchTool.test(joined),
			});
		}
	}

	return found;
}

export const taskDefinitionReadsCredentials: FlagRule = {
	id: 'task-definition-reads-credentials',
	title: "Container set to fetch its task role's credentials",
	severity: 'high',
	attack: ['T1552.005', 'T1610'],
	check(event, context) {
		if (
			event.eventSource !== 'ecs.amazonaws.com' ||
			event.eventName !== 'RegisterTaskDefinition'
		) {
			return undefined;
		}

		const found = findings(event);
		if (found.length === 0) {
			return undefined;
		}

		const base: Severity = found.some((f) => f.tool) ? 'high' : 'medium';
		const judgement = judgeChange(event, context, base);
		if (!judgement) {
			return undefined;
		}

		const request = requestOf(event);
		const family = textField(request, 'family') ?? '(unnamed)';
		const role = textField(request, 'taskRoleArn');
		const arn =
			textField(
				field(responseOf(event), 'taskDefinition'),
				'taskDefinitionArn',
			) ?? family;
		const region = regionOption(event);
		return {
			id: this.id,
			severity: judgement.severity,
			title: this.title,
			why,
			evidence: [
				`${callLine(event)}: the task definition ${family}.`,
				...found.map(
					(f) =>
						`The container ${f.container} runs: ${f.text}` +
						(f.tool
							? ' (a download tool aimed at the credentials address).'
							: ' (it names the credentials address).'),
				),
				role
					? `Tasks started from it get the role ${role}: its rights are what the command would hand out.`
					: 'It names no task role, so the credentials would be those of the execution or instance role.',
				...judgement.notes,
			],
			normal: [
				'Normal task definitions run the application and let an AWS SDK fetch the credentials; none name the address.',
				...normalLines(event, context),
			],
			next: [
				`Read the definition: aws ecs describe-task-definition --task-definition ${shellWord(arn)}${region}`,
				`See whether tasks run from it, cluster by cluster: aws ecs list-clusters --query 'clusterArns[]' --output text${region} | xargs -n 1 aws ecs list-tasks --family ${shellWord(family)}${region} --cluster`,
				`If nobody meant this, retire it: aws ecs deregister-task-definition --task-definition ${shellWord(arn)}${region}`,
				'Look for calls with the task role from outside AWS after this time (the workload-credential-outside-aws flag).',
				...callerNext(event),
			],
		};
	},
};
