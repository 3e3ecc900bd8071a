import {recordField} from '../core/record-field.js';
import type {TrailEvent} from '../core/types.js';
import {isShortField, topKey} from './filter-fields.js';
import type {QueryNode} from './query-ast.js';

/**
A field that is no short name is a path into the record, and a path is
legitimate whatever its name, so `foo=bar` is not an error; but a path
whose first key no loaded event has is most likely a typo, and the screen
and the command line say so beside the result.
*/

/** The top-level keys of the record paths a query names, once each. */
export function pathKeysOf(query: QueryNode): string[] {
	const keys = new Set<string>();
	const visit = (node: QueryNode): void => {
		switch (node.kind) {
			case 'and':
			case 'or':
				for (const item of node.items) {
					visit(item);
				}

				break;
			case 'not':
				visit(node.item);
				break;
			case 'compare':
			case 'in': {
				const key = isShortField(node.field) ? undefined : topKey(node.field);
				if (key !== undefined) {
					keys.add(key);
				}

				break;
			}

			default:
				break;
		}
	};

	visit(query);
	return [...keys];
}

/** The keys of the query's record paths that no event's record has. */
export function missingPathKeys(
	query: QueryNode,
	events: readonly TrailEvent[],
): string[] {
	return pathKeysOf(query).filter(
		(key) => !events.some((event) => recordField(event, key) !== undefined),
	);
}

/** The warning for keys no event has, or undefined when there are none. */
export function missingPathWarning(
	keys: readonly string[],
): string | undefined {
	if (keys.length === 0) {
		return undefined;
	}

	const names = keys.map((key) => `"${key}"`).join(' or ');
	return `no event has a field named ${names}`;
}
