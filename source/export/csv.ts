import {visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';
import {eventValues} from '../query/field-values.js';
import {topSeverity} from '../query/filter-fields.js';

/**
CSV export (RFC 4180: comma-separated, CRLF line ends, fields quoted when
they hold a quote, a comma or a line end). Every cell is log text, so it is
made safe twice: controls and escape sequences become visible escapes
(`\x1b`, `\n`), and a cell a spreadsheet would run as a formula (starting
with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
*/

export const defaultColumns: readonly string[] = [
	'time',
	'eventName',
	'principal',
	'ip',
	'ua',
	'region',
	'error',
	'flags',
];

/** What a cell may need besides the event. */
export interface CsvContext {
	/** The id of the event's finding (`f3`). */
	findingOf?: (seq: number) => string | undefined;
	/** The event's note, when it is marked. */
	markOf?: (seq: number) => {note?: string} | undefined;
}

type Cell = (event: TrailEvent, context: CsvContext) => string | undefined;

/** The error cell, as in the table: the code, else a failed outcome. */
function errorOf(event: TrailEvent): string {
	if (event.errorCode) {
		return event.errorCode;
	}

	return event.outcome === 'success' ? '' : event.outcome;
}

const named: Array<[string[], Cell]> = [
	[['time', 'eventTime'], (e) => e.timeText],
	[['id', 'eventID'], (e) => e.eventId],
	[['eventName', 'event', 'name'], (e) => e.eventName],
	[['service', 'eventSource'], (e) => e.eventSource],
	[['region', 'awsRegion'], (e) => e.region],
	[['principal', 'who'], (e) => e.principal.label],
	[['type'], (e) => e.principal.type],
	[['account', 'accountId'], (e) => e.principal.accountId],
	[['user', 'userName'], (e) => e.principal.userName],
	[['role'], (e) => e.principal.roleName],
	[['session'], (e) => e.principal.sessionName],
	[['key', 'accessKeyId'], (e) => e.principal.accessKeyId],
	[['ip', 'source', 'sourceIPAddress', 'address'], (e) => e.source.raw],
	[['sourceKind'], (e) => e.source.kind],
	[['ua', 'userAgent', 'agent'], (e) => e.userAgent],
	[['error'], (e) => errorOf(e)],
	[['errorCode'], (e) => e.errorCode],
	[['message', 'errorMessage'], (e) => e.errorMessage],
	[['outcome'], (e) => e.outcome],
	[['console'], (e) => String(e.console)],
	[['severity'], (e) => topSeverity(e)],
	[['flags', 'flag'], (e) => e.flags.map((flag) => flag.id).join(' ')],
	[['finding'], (e, c) => c.findingOf?.(e.seq)],
	[['marked'], (e, c) => (c.markOf?.(e.seq) ? 'yes' : '')],
	[['note'], (e, c) => c.markOf?.(e.seq)?.note],
	[['file'], (e) => e.file],
	[['record', 'recordIndex'], (e) => String(e.recordIndex)],
];

const cells = new Map<string, Cell>();
for (const [names, cell] of named) {
	for (const name of names) {
		cells.set(name.toLowerCase(), cell);
	}
}

/** The column names the export knows by heart (the first of each spelling). */
export const knownColumns: readonly string[] = named.map(
	([names]) => names[0]!,
);

/** A path into the record, as filters take them: `requestParameters.bucketName`. */
const recordPath = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[\d+\])*$/;

/**
The columns of a `a,b,c` list: known names (any case) or paths into the
record; an error names the first column that is neither.
*/
export function parseColumns(
	text: string,
): {ok: true; columns: string[]} | {ok: false; error: string} {
	const columns = text
		.split(',')
		.map((column) => column.trim())
		.filter((column) => column !== '');
	if (columns.length === 0) {
		return {ok: false, error: 'no columns: give names such as time,eventName'};
	}

	for (const column of columns) {
		if (!cells.has(column.toLowerCase()) && !recordPath.test(column)) {
			return {
				ok: false,
				error: `unknown column ${JSON.stringify(visible(column))}: use ${knownColumns.join(', ')}, or a path into the record such as requestParameters.bucketName`,
			};
		}
	}

	return {ok: true, columns};
}

/** One cell: visible escapes, the formula guard, then RFC 4180 quoting. */
export function csvCell(raw: string): string {
	let text = visible(raw);
	if (/^[=+\-@\t\r]/.test(raw) || /^[=+\-@]/.test(text)) {
		text = `'${text}`;
	}

	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellOf(column: string): Cell {
	return (
		cells.get(column.toLowerCase()) ??
		((event) => eventValues(event, column).join(' '))
	);
}

/** The CSV text: a header row of the column names, then a row per event. */
export function* csvRows(
	events: Iterable<TrailEvent>,
	columns: readonly string[],
	context: CsvContext = {},
): Generator<string> {
	const getters = columns.map((column) => cellOf(column));
	yield columns.map((column) => csvCell(column)).join(',') + '\r\n';
	for (const event of events) {
		yield (
			getters.map((get) => csvCell(get(event, context) ?? '')).join(',') +
			'\r\n'
		);
	}
}
