/**
The JSON text of a value with every object's keys in code-unit order, so
two records with the same content give the same text whatever order their
writer put the keys in. Used to tell a true copy of an event from a record
that only shares its eventID.
*/
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) {
		return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
	}

	if (typeof value === 'object' && value !== null) {
		const object = value as Record<string, unknown>;
		const keys = Object.keys(object).sort();
		const members = keys
			.filter((key) => object[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
		return `{${members.join(',')}}`;
	}

	return JSON.stringify(value) ?? 'null';
}
