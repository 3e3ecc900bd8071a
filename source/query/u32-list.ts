/**
A growing list of unsigned 32-bit numbers: a typed array doubled when full,
so that millions of entries cost 4 bytes each and no garbage per entry.
`data` may be read directly in hot loops; only its first `length` entries
are in use.
*/
export class U32List {
	data: Uint32Array;
	length = 0;

	constructor(capacity = 16) {
		this.data = new Uint32Array(capacity);
	}

	push(value: number): void {
		if (this.length === this.data.length) {
			const grown = new Uint32Array(this.data.length * 2);
			grown.set(this.data);
			this.data = grown;
		}

		this.data[this.length++] = value;
	}

	/** The bytes held, spare capacity included. */
	get bytes(): number {
		return this.data.byteLength;
	}
}
