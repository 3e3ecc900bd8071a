/**
What the investigation figures run: queries of each kind the query
language offers, the fields the values picker counts most, and the width of
the screen the timeline is counted for.
*/

export interface LabelledQuery {
	/** What kind of query it is, for the table. */
	label: string;
	text: string;
}

export const investigationQueries: readonly LabelledQuery[] = [
	{
		label: '`or` with parentheses',
		text: '(eventName=ListBuckets or eventName=GetCallerIdentity) and !(service=kms or ip:10.0.0.0/8)',
	},
	{
		label: '`in (…)` list',
		text: 'eventName in (ListBuckets, GetObject, ListObjects, GetCallerIdentity)',
	},
	{label: 'CIDR', text: 'ip=203.0.113.0/24'},
	{label: '`/regex/i`', text: 'ua~/aws-cli\\/1\\.1[0-6]/i'},
	{label: '`last 2h`', text: 'last 2h'},
];

/** The fields counted by `v` (countValues). */
export const valueFields: readonly string[] = [
	'eventName',
	'ip',
	'principal',
	'ua',
];

/** The screen's width, as in the screen figures (a 120×40 terminal). */
export const screenColumns = 120;
