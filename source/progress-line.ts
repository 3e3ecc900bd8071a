/**
A one-line loading progress indicator on stderr, shown only when stderr is a
terminal, so that scripts and pipes get clean output.
*/

export interface LoadProgress {
	filesDone: number;
	filesTotal: number;
	bytesRead: number;
}

export interface ProgressLine {
	update: (progress: LoadProgress) => void;
	clear: () => void;
}

const minIntervalMs = 100;

export function createProgressLine(stream: NodeJS.WriteStream): ProgressLine {
	const enabled = Boolean(stream.isTTY);
	const started = Date.now();
	let last = 0;
	let shown = false;

	return {
		update(progress) {
			const now = Date.now();
			if (!enabled || now - last < minIntervalMs) {
				return;
			}

			last = now;
			shown = true;
			const mb = progress.bytesRead / 1024 / 1024;
			const seconds = Math.max((now - started) / 1000, 0.001);
			stream.write(
				`\r\u001B[2Kloading ${progress.filesDone}/${progress.filesTotal} files,` +
					` ${mb.toFixed(1)} MB (${(mb / seconds).toFixed(1)} MB/s)`,
			);
		},
		clear() {
			if (shown) {
				stream.write('\r\u001B[2K');
				shown = false;
			}
		},
	};
}
