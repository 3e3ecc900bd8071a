import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import {fallbackSize} from './layout.js';

/** A terminal size in cells. */
export interface TerminalSize {
	columns: number;
	rows: number;
}

function measure(stream: NodeJS.WriteStream): TerminalSize {
	return {
		columns: stream.columns || fallbackSize.columns,
		rows: stream.rows || fallbackSize.rows,
	};
}

/**
The size of Ink's output stream, following `resize`. Streams that do not
know their size (pipes, ink-testing-library, which has no `rows`) count as
80×24. A fixed size given by the caller wins, so tests choose the screen.
*/
export function useTerminalSize(fixed?: Partial<TerminalSize>): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => measure(stdout));

	useEffect(() => {
		const update = (): void => {
			setSize((previous) => {
				const next = measure(stdout);
				return next.columns === previous.columns && next.rows === previous.rows
					? previous
					: next;
			});
		};

		stdout.on('resize', update);
		// The size may have changed between the first render and this effect.
		update();
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);

	return {
		columns: fixed?.columns ?? size.columns,
		rows: fixed?.rows ?? size.rows,
	};
}
