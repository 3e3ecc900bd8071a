import type {Severity, TrailEvent} from '../../core/types.js';
import {severityRank} from '../../core/types.js';
import {clock, regionOption, shellWord} from '../describe.js';
import type {FlagRule} from '../flag-rule.js';
import {normalLines} from '../normal.js';
import type {RuleContext} from '../rule-context.js';
import {outsideAccounts} from './accounts.js';
import {callLine, callerNext, judgeChange} from './change-common.js';
import {
	asList,
	eventIndex,
	field,
	items,
	requestOf,
	textField,
} from './request-fields.js';
import {recordField} from '../../core/record-field.js';

/**
Disk snapshots, machine images (AMIs) and database snapshots shared with
another account or made public. A shared snapshot is a full copy of a disk
or a database that the other account can restore on its side, outside every
control of yours: the quietest way to take everything at once (Stratus Red
Team's "exfiltrate an EBS snapshot / RDS snapshot / AMI by sharing it").

Only additions count (`add`, `valuesToAdd`): removing a share is the undo.
Public (`all`) is critical for disk and database snapshots, high for an AMI
(some companies publish images on purpose). An account that appears nowhere
else in the logs is high; one that already calls in is medium; the logged
accounts and organisation-wide shares are not flagged.
*/

const why =
	"A disk snapshot, machine image (AMI) or database snapshot was shared with another account or made public. It holds a whole disk or database. The other account can copy it and read everything on it from their side, and nothing more is logged in yours. Common false alarms: sharing with the company's own accounts for backups or deployments.";

interface Share {
	kind: string;
	id: string;
	/** Account ids added, and whether `all` (public) was added. */
	accounts: string[];
	everyone: boolean;
	describe: string;
	/** The command that removes the share. */
	undo: string;
}

function ec2Share(
	event: TrailEvent,
	attribute: string,
	kind: string,
	idField: string,
	commands: (
		id: string,
		accounts: string[],
		everyone: boolean,
	) => [string, string],
): Share | undefined {
	const request = requestOf(event);
	const id = textField(request, idField);
	const added = items(field(field(request, attribute), 'add'));
	if (!id || added.length === 0) {
		return undefined;
	}

	const accounts = added
		.map((item) => textField(item, 'userId'))
		.filter((a): a is string => a !== undefined && /^\d{12}$/.test(a));
	const everyone = added.some((item) => textField(item, 'group') === 'all');
	const [describe, undo] = commands(id, accounts, everyone);
	return {kind, id, accounts, everyone, describe, undo};
}

function snapshotCommands(
	id: string,
	accounts: string[],
	everyone: boolean,
): [string, string] {
	const snapshot = shellWord(id);
	const who = everyone
		? '--group-names all'
		: `--user-ids ${accounts.map(shellWord).join(' ')}`;
	return [
		`aws ec2 describe-snapshot-attribute --snapshot-id ${snapshot} --attribute createVolumePermission`,
		`aws ec2 modify-snapshot-attribute --snapshot-id ${snapshot} --attribute createVolumePermission --operation-type remove ${who}`,
	];
}

function imageCommands(
	id: string,
	accounts: string[],
	everyone: boolean,
): [string, string] {
	const image = shellWord(id);
	const who = everyone
		? 'Group=all'
		: accounts.map((a) => `{UserId=${a}}`).join(',');
	return [
		`aws ec2 describe-image-attribute --image-id ${image} --attribute launchPermission`,
		`aws ec2 modify-image-attribute --image-id ${image} --launch-permission ${shellWord(everyone ? `Remove=[{${who}}]` : `Remove=[${who}]`)}`,
	];
}

function rdsShare(event: TrailEvent, cluster: boolean): Share | undefined {
	const request = requestOf(event);
	const id = textField(
		request,
		cluster ? 'dBClusterSnapshotIdentifier' : 'dBSnapshotIdentifier',
	);
	const values = asList(field(request, 'valuesToAdd')).filter(
		(v): v is string => typeof v === 'string',
	);
	if (
		!id ||
		textField(request, 'attributeName') !== 'restore' ||
		values.length === 0
	) {
		return undefined;
	}

	const what = cluster ? 'db-cluster-snapshot' : 'db-snapshot';
	const target = `--${what}-identifier ${shellWord(id)}`;
	return {
		kind: cluster ? 'database cluster snapshot' : 'database snapshot',
		id,
		accounts: values.filter((v) => /^\d{12}$/.test(v)),
		everyone: values.includes('all'),
		describe: `aws rds describe-${what}-attributes ${target}`,
		undo: `aws rds modify-${what}-attribute ${target} --attribute-name restore --values-to-remove ${values.map(shellWord).join(' ')}`,
	};
}

function shareOf(event: TrailEvent): Share | undefined {
	switch (`${event.eventSource}:${event.eventName}`) {
		case 'ec2.amazonaws.com:ModifySnapshotAttribute': {
			return ec2Share(
				event,
				'createVolumePermission',
				'disk snapshot',
				'snapshotId',
				snapshotCommands,
			);
		}

		case 'ec2.amazonaws.com:ModifyImageAttribute': {
			return ec2Share(
				event,
				'launchPermission',
				'machine image (AMI)',
				'imageId',
				imageCommands,
			);
		}

		case 'rds.amazonaws.com:ModifyDBSnapshotAttribute': {
			return rdsShare(event, false);
		}

		case 'rds.amazonaws.com:ModifyDBClusterSnapshotAttribute': {
			return rdsShare(event, true);
		}

		default: {
			return undefined;
		}
	}
}

const madeBy =
	/^(?:Create|Copy|Register)(?:Snapshot|Image|DBSnapshot|DBClusterSnapshot)$/;

/** The ids a creation names: the new snapshot's or image's. */
function madeIds(event: TrailEvent): string[] {
	if (event.outcome !== 'success' || !madeBy.test(event.eventName)) {
		return [];
	}

	const request = requestOf(event);
	const response = recordField(event, 'responseElements');
	return [
		textField(response, 'snapshotId'),
		textField(response, 'imageId'),
		textField(response, 'dBSnapshotIdentifier'),
		textField(request, 'dBSnapshotIdentifier'),
		textField(request, 'dBClusterSnapshotIdentifier'),
		textField(request, 'targetDBSnapshotIdentifier'),
		textField(request, 'targetDBClusterSnapshotIdentifier'),
	].filter((id): id is string => id !== undefined);
}

/** Where the shared thing was made, when the logs show it. */
function createdLine(
	event: TrailEvent,
	context: RuleContext,
	share: Share,
): string | undefined {
	const made = eventIndex(context.events, 'snapshot-made', madeIds)
		.get(share.id)
		?.find((e) => e.seq < event.seq);
	return made
		? `The ${share.kind} ${share.id} was made at ${clock(made.time, event.time)} by ${made.principal.label} (${made.eventName}).`
		: undefined;
}

export const snapshotOrImageShared: FlagRule = {
	id: 'snapshot-or-image-shared',
	title: 'Snapshot or machine image shared outside the account',
	severity: 'high',
	attack: ['T1537'],
	check(event, context) {
		const share = shareOf(event);
		if (!share) {
			return undefined;
		}

		const outside = outsideAccounts(share.accounts, event, context.events);
		let base: Severity | undefined;
		const lines: string[] = [];
		if (share.everyone) {
			base = share.kind.includes('AMI') ? 'high' : 'critical';
			lines.push(
				`It makes the ${share.kind} public: every AWS account can copy it.`,
			);
		}

		if (outside.length > 0) {
			const worst: Severity = outside.some((v) => v.standing === 'unknown')
				? 'high'
				: 'medium';
			base = base && severityRank(base) > severityRank(worst) ? base : worst;
			lines.push(
				`It shares the ${share.kind} with ${outside.map((v) => v.account).join(', ')}.`,
				...outside.map((v) => v.text),
			);
		}

		const judgement = base ? judgeChange(event, context, base) : undefined;
		if (!judgement) {
			return undefined;
		}

		const made = createdLine(event, context, share);
		return {
			id: this.id,
			severity: judgement.severity,
			title: share.everyone
				? `A ${share.kind} was made public`
				: `A ${share.kind} was shared with another account`,
			why,
			evidence: [
				`${callLine(event)}, on the ${share.kind} ${share.id}.`,
				...lines,
				...(made ? [made] : []),
				...judgement.notes,
			],
			normal: [
				"Normal is snapshots kept private, or shared with the company's own accounts for backups and deployments.",
				...normalLines(event, context),
			],
			next: [
				`See who may use it now: ${share.describe}${regionOption(event)}`,
				`If nobody meant this, remove the share at once: ${share.undo}${regionOption(event)}`,
				'Then find out whether the other account already copied it: the copy happens on their side and is not in your logs.',
				...callerNext(event),
			],
		};
	},
};
