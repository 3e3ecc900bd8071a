import {useEffect, useSyncExternalStore} from 'react';
import {useApp} from 'ink';
import type {HistoryStore} from '../core/history-store.js';
import {App} from './app.js';
import type {LiveSource} from './live-source.js';
import type {WorkflowEnv} from './use-workflow.js';

/** The screen over a load in progress: redrawn as the source changes. */
export function LiveApp({
	source,
	initialFilter,
	columns,
	rows,
	history,
	workflow,
}: {
	source: LiveSource;
	initialFilter?: string | undefined;
	/** Where the prompts' histories are kept (see App). */
	history?: HistoryStore | undefined;
	/** A fixed size, for tests; the terminal's by default. */
	columns?: number;
	rows?: number;
	/** Where marks are kept and exports go (see App). */
	workflow?: Partial<WorkflowEnv> | undefined;
}) {
	const {dataset, loading, closed} = useSyncExternalStore(
		source.subscribe,
		source.get,
	);
	const {exit} = useApp();
	useEffect(() => {
		if (closed) {
			exit();
		}
	}, [closed, exit]);
	return (
		<App
			live
			dataset={dataset}
			loading={loading}
			initialFilter={initialFilter}
			columns={columns}
			rows={rows}
			{...(history ? {history} : {})}
			workflow={workflow}
		/>
	);
}
