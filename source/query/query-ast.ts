/**
The query language's syntax tree: what `parseQuery` reads from filter text,
what `compileQuery` turns into a test on events, and what `formatQuery`
prints back as canonical text. Plain data without positions, so two texts
that mean the same query give equal trees.
*/

/** The comparison operators of a clause `name op value`. */
export type CompareOp = '=' | '!=' | '~' | '!~' | ':' | '>' | '<' | '>=' | '<=';

export const compareOps: readonly CompareOp[] = [
	'!=',
	'!~',
	'>=',
	'<=',
	'=',
	'~',
	':',
	'>',
	'<',
];

/** A value as written: text (quotes removed) or a regular expression. */
export type QueryValue =
	| {kind: 'text'; text: string}
	| {kind: 'regex'; source: string; ignoreCase: boolean};

/** Units of `last 2h` and of `newest-2h`, in milliseconds. */
export const durationUnits = {
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
} as const;

export type DurationUnit = keyof typeof durationUnits;

export type QueryNode =
	/** Every item holds; no items: every event. */
	| {kind: 'and'; items: QueryNode[]}
	/** At least one item holds. */
	| {kind: 'or'; items: QueryNode[]}
	| {kind: 'not'; item: QueryNode}
	/** A bare word: flagged, console, denied, error. */
	| {kind: 'word'; word: string}
	| {kind: 'compare'; field: string; op: CompareOp; value: QueryValue}
	/** `field in (a, b)`: the field equals one of the values. */
	| {kind: 'in'; field: string; values: QueryValue[]}
	/** `last 2h`: the span that ends at the newest event loaded. */
	| {kind: 'last'; amount: number; unit: DurationUnit};

export type GroupNode = Extract<QueryNode, {kind: 'and' | 'or'}>;

/** Every event: the query of an empty filter. */
export const everything: QueryNode = {kind: 'and', items: []};

/**
A group of one kind, with groups of the same kind inside it merged in
(`a and (b and c)` is `a and b and c`) and a group of one item replaced by
that item, so that printing and reading again gives the same tree.
*/
export function group(kind: GroupNode['kind'], items: QueryNode[]): QueryNode {
	const flat = items.flatMap((item) =>
		item.kind === kind ? item.items : [item],
	);
	return flat.length === 1 ? flat[0]! : {kind, items: flat};
}

/** The negation of a node; `!!x` is `x`. */
export function negate(node: QueryNode): QueryNode {
	return node.kind === 'not' ? node.item : {kind: 'not', item: node};
}

export function textValue(text: string): QueryValue {
	return {kind: 'text', text};
}
