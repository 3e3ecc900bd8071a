import {parseFilter} from '../query/filter.js';
import {quoteValue} from '../query/quote-value.js';
import {narrow, type Narrowed} from './facets-filter.js';

/**
The fields the values picker offers, and the clause a picked value adds to
the filter. Any other name typed at the first step is read as a path into
the record, as the filter reads it.
*/

export interface FacetField {
	/** The filter's name for it. */
	name: string;
	/** What its values are, in a few words. */
	about: string;
	/** A path typed by the user rather than a named field. */
	path?: true;
}

export const facetFields: readonly FacetField[] = [
	{name: 'eventName', about: 'the API call'},
	{name: 'principal', about: 'who called, as the table names them'},
	{name: 'role', about: 'the role behind a session'},
	{name: 'user', about: 'the IAM user'},
	{name: 'ip', about: 'the source address as logged'},
	{name: 'ua', about: 'the whole user agent'},
	{name: 'region', about: 'the AWS region'},
	{name: 'service', about: 'eventSource: s3.amazonaws.com, …'},
	{name: 'error', about: 'the error code'},
	{name: 'key', about: 'the access key id'},
	{name: 'account', about: "the caller's and the receiving account"},
	{name: 'type', about: 'the identity type: AssumedRole, IAMUser, Root, …'},
	{name: 'flag', about: 'red flag ids'},
	{name: 'severity', about: "the event's worst flag"},
];

/** What a record path may look like: the filter's field name characters. */
const pathPattern = /^[A-Za-z_$@][\w.[\]$@-]*$/;

/** The fields matching what was typed, then the typed text as a path. */
export function matchFields(query: string): Narrowed<FacetField> {
	const typed = query.trim();
	const found = narrow(facetFields, (field) => field.name, typed);
	const named = facetFields.some(
		(field) => field.name.toLowerCase() === typed.toLowerCase(),
	);
	if (typed === '' || named || !pathPattern.test(typed)) {
		return found;
	}

	return {
		rows: [
			...found.rows,
			{name: typed, about: 'a path into the record', path: true},
		],
		more: found.more,
	};
}

/**
The clause for a picked value: `field=value`, or `!field=value` to leave it
out. A value the `=` form refuses (text in the address field that is not an
address) is matched whole with `~` instead.
*/
export function facetClause(
	field: string,
	value: string,
	exclude: boolean,
): string {
	const not = exclude ? '!' : '';
	const equal = `${not}${field}=${quoteValue(value)}`;
	return parseFilter(equal).ok ? equal : `${not}${field}~${quoteValue(value)}`;
}
