import {narrow, type Narrowed} from './facets-filter.js';

/**
The fields the values picker offers. Any other name typed at the first step
is read as a path into the record, as the filter reads it. The clause a
picked value adds is worked out in investigate/value-target.ts.
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
