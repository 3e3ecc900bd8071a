import {EventEmitter} from 'node:events';

/**
A terminal for the screen to draw on without one: the output notes when
each write arrives (a frame, for Ink) and the input takes keys the way a
terminal delivers them. Only what Ink uses is there.
*/

export class FakeScreen extends EventEmitter {
	readonly isTTY = true;
	/** performance.now() of every write. */
	readonly writes: number[] = [];
	/** The text of every write, to tell frames from control sequences. */
	readonly texts: string[] = [];
	private waiters: Array<{after: number; resolve: (at: number) => void}> = [];

	constructor(
		readonly columns = 120,
		readonly rows = 40,
	) {
		super();
	}

	write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		const at = performance.now();
		this.writes.push(at);
		this.texts.push(
			typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(),
		);
		this.waiters = this.waiters.filter((waiter) => {
			if (at > waiter.after) {
				waiter.resolve(at);
				return false;
			}

			return true;
		});
		const callback = rest.find((r) => typeof r === 'function') as
			(() => void) | undefined;
		callback?.();
		return true;
	};

	/** The time of the first write after `after`; rejects after `timeoutMs`. */
	nextWrite(after: number, timeoutMs: number): Promise<number> {
		const already = this.writes.find((at) => at > after);
		if (already !== undefined) {
			return Promise.resolve(already);
		}

		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`no frame within ${timeoutMs} ms`));
			}, timeoutMs);
			this.waiters.push({
				after,
				resolve(at) {
					clearTimeout(timer);
					resolve(at);
				},
			});
		});
	}

	/** Resolves once nothing was written for `quietMs`. */
	async settle(quietMs: number): Promise<void> {
		for (;;) {
			const last = this.writes.at(-1) ?? 0;
			const wait = last + quietMs - performance.now();
			if (wait <= 0) {
				return;
			}

			await new Promise((resolve) => {
				setTimeout(resolve, wait);
			});
		}
	}
}

export class FakeKeyboard extends EventEmitter {
	readonly isTTY = true;
	private readonly queue: string[] = [];

	type(keys: string): void {
		this.queue.push(keys);
		this.emit('readable');
	}

	read = (): string | null => this.queue.shift() ?? null;
	setEncoding(): void {}
	setRawMode(): void {}
	ref(): void {}
	unref(): void {}
	resume(): void {}
	pause(): void {}
}
