import {EventEmitter} from 'node:events';

/**
Ink's output stream in front of the terminal. Ink can still write after the
app has begun to exit (a frame throttled by a resize, its final frame on
unmount); a write that lands after the alternate screen was left draws rows
of the table on the person's shell. Once `close` is called every write is
dropped, so the caller's leave sequence is the last thing the terminal gets.
Size and `resize` are forwarded from the real stream, which Ink reads for
its layout.
*/
export class ScreenStream extends EventEmitter {
	private closed = false;
	private readonly forwardResize = (): void => {
		this.emit('resize');
	};

	constructor(private readonly target: NodeJS.WriteStream) {
		super();
		target.on('resize', this.forwardResize);
	}

	get columns(): number {
		return this.target.columns;
	}

	get rows(): number {
		return this.target.rows;
	}

	get isTTY(): boolean {
		return this.target.isTTY;
	}

	/** Whether writes still reach the terminal. */
	get writable(): boolean {
		return !this.closed;
	}

	write(
		chunk: string | Uint8Array,
		encoding?: BufferEncoding | ((error?: Error | null) => void),
		callback?: (error?: Error | null) => void,
	): boolean {
		const done = typeof encoding === 'function' ? encoding : callback;
		if (this.closed) {
			if (done) {
				setImmediate(done);
			}

			return true;
		}

		if (typeof encoding === 'string') {
			return this.target.write(chunk, encoding, done);
		}

		return this.target.write(chunk, done);
	}

	/** Drops every later write and stops forwarding `resize`. */
	close(): void {
		this.closed = true;
		this.target.off('resize', this.forwardResize);
	}
}
