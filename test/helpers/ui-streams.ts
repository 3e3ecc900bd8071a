import {EventEmitter} from 'node:events';

/**
Stand-ins for a terminal's streams, for running `runApp` without one: the
output keeps everything written, the input is a TTY that takes keys.
*/

export class FakeOutput extends EventEmitter {
	isTTY = true;
	columns: number;
	rows: number;
	written = '';

	constructor(columns = 100, rows = 30) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (chunk: string, callback?: () => void): boolean => {
		this.written += chunk;
		callback?.();
		return true;
	};
}

export class FakeInput extends EventEmitter {
	isTTY = true;
	private pending: string | null = null;

	/** Types a key, the way a terminal delivers it. */
	type(data: string): void {
		this.pending = data;
		this.emit('readable');
	}

	read = (): string | null => {
		const data = this.pending;
		this.pending = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/** The fakes typed as what `runApp` takes. */
export function fakeTerminal(columns = 100, rows = 30) {
	const stdout = new FakeOutput(columns, rows);
	const stderr = new FakeOutput(columns, rows);
	const stdin = new FakeInput();
	return {
		stdout,
		stderr,
		stdin,
		streams: {
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
		},
	};
}
