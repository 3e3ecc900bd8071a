import {
	useCallback,
	useEffect,
	useMemo,
	useReducer,
	useRef,
	useState,
} from 'react';
import {Box, useApp, useInput, type Key} from 'ink';
import {memoryHistoryStore, type HistoryStore} from '../core/history-store.js';
import type {Dataset} from '../core/types.js';
import {createAppContext, type AppContext} from './app-context.js';
import {createAppReducer} from './app-reducer.js';
import {
	initialState,
	layoutOf,
	selectedEvent,
	selectedFinding,
	type AppState,
} from './app-state.js';
import {EventTable} from './event-table.js';
import {FacetsView} from './facets-view.js';
import {FindingsTable} from './findings-table.js';
import {keypressesOf} from './key-names.js';
import type {Layout} from './layout.js';
import {LineText, LineView} from './line-view.js';
import type {Line} from './lines.js';
import {DetailView, HelpOverlay, ProblemsView} from './page-views.js';
import {pivotMenuLines} from './pivot-menu.js';
import {scopeHeadLines} from './scope-head.js';
import {SidePanel} from './side-panel.js';
import {bottomLines, StatusLine} from './status-line.js';
import {SummaryView} from './summary-view.js';
import {useTerminalSize} from './use-terminal-size.js';
import type {LoadingStatus} from './live-source.js';
import {memorySessions} from '../investigate/session-store.js';
import {ExportView} from './export-view.js';
import {timelineLines} from './timeline-lines.js';
import {useWorkflow, type WorkflowEnv} from './use-workflow.js';
import {inExport} from './workflow-keymap.js';

export interface AppProps {
	dataset: Dataset;
	/** Terminal columns; by default the output stream's, following resizes. */
	columns?: number;
	/** Terminal rows; by default the output stream's (24 when unknown). */
	rows?: number;
	/** A filter applied before the first frame, e.g. from `--filter`. */
	initialFilter?: string | undefined;
	/** Set while more events are still being read (see LiveApp). */
	loading?: LoadingStatus | undefined;
	/**
	The screen of a real session (LiveApp): once the load is complete, the
	search index is built in the background.
	*/
	live?: boolean;
	/**
	Where the prompts' histories are kept between runs: the config folder's
	file for a real session (runApp); in memory by default, so that tests
	touch no file.
	*/
	history?: HistoryStore;
	/**
	Where marks are kept and exports go. By default marks live in memory
	only (tests); the real screen passes the config folder's sessions.
	*/
	workflow?: Partial<WorkflowEnv> | undefined;
}

/** The rule between the panes when they sit side by side. */
const separator: Line = [{text: '│', tone: 'muted'}];

function Body({
	context,
	state,
	layout,
}: {
	context: AppContext;
	state: AppState;
	layout: Layout;
}) {
	const event = selectedEvent(context, state);
	switch (state.mode) {
		case 'detail':
			if (event) {
				return (
					<DetailView
						event={event}
						width={layout.width}
						rows={layout.pageRows}
						offset={state.scroll.detail}
					/>
				);
			}

			break;
		case 'help':
			return (
				<HelpOverlay
					mode={state.helpFor}
					width={layout.width}
					rows={layout.pageRows}
					offset={state.scroll.help}
				/>
			);
		case 'problems':
			return (
				<ProblemsView
					summary={context.summary}
					width={layout.width}
					rows={layout.pageRows}
					offset={state.scroll.problems}
				/>
			);
		case 'facets':
			return (
				<FacetsView state={state} width={layout.width} rows={layout.pageRows} />
			);
		case 'summary':
			return (
				<SummaryView
					context={context}
					state={state}
					width={layout.width}
					height={layout.bodyHeight}
				/>
			);
		default:
			if (inExport(state.mode)) {
				return (
					<ExportView
						state={state}
						width={layout.width}
						rows={layout.pageRows}
					/>
				);
			}

			break;
	}

	const paned =
		state.mode === 'pivot' ||
		state.mode === 'list' ||
		state.mode === 'findings' ||
		state.mode === 'finding' ||
		state.mode === 'story';
	const inList = !paned || state.pane === 'table';
	const triage = state.mode === 'findings';
	return (
		<Box
			flexDirection={layout.stacked ? 'column' : 'row'}
			height={layout.bodyHeight}
		>
			{triage ? (
				<FindingsTable
					context={context}
					state={state}
					width={layout.tableWidth}
					rows={layout.tableRows}
					focused={inList}
				/>
			) : (
				<EventTable
					context={context}
					state={state}
					width={layout.tableWidth}
					rows={layout.tableRows}
					focused={inList}
				/>
			)}
			{layout.stacked ? null : (
				<LineView
					lines={Array.from({length: layout.bodyHeight}, () => separator)}
					width={1}
					rows={layout.bodyHeight}
					offset={0}
				/>
			)}
			<SidePanel
				event={event}
				explains={triage ? 'finding' : 'event'}
				finding={selectedFinding(context, state)}
				width={layout.sideWidth}
				rows={layout.sideRows}
				offset={state.scroll.side}
				focused={!inList}
				mark={event && state.marks.get(event.seq)}
			/>
		</Box>
	);
}

/**
The interactive screen. All state lives in one reducer; the input handler
only names the key and dispatches, so it never goes stale and Ink 6 never
has to re-subscribe it.
*/
export function App({
	dataset,
	columns,
	rows,
	initialFilter,
	loading,
	live = false,
	history,
	workflow,
}: AppProps) {
	const size = useTerminalSize({columns, rows});
	const [store] = useState(() => history ?? memoryHistoryStore());
	const [stored] = useState(() => store.load());
	const stillLoading = loading !== undefined;
	const context = useMemo(
		() =>
			createAppContext(dataset, {
				indexInBackground: live && !stillLoading,
				loading: stillLoading,
			}),
		[dataset, live, stillLoading],
	);
	useEffect(
		() => () => {
			context.dispose();
		},
		[context],
	);
	const reducer = useMemo(
		() => createAppReducer(context, stillLoading),
		[context, stillLoading],
	);
	const [state, dispatch] = useReducer(reducer, undefined, () => {
		const start = {
			...initialState(context, size.columns, size.rows, stored.history),
			message: stored.problem
				? {tone: 'warning' as const, text: stored.problem}
				: undefined,
		};
		return initialFilter && !stillLoading
			? reducer(start, {type: 'apply-filter', text: initialFilter})
			: start;
	});
	const {exit} = useApp();

	// A new list of events (more of a load, or the judged whole): carry the
	// selection over during render, so no frame shows the old rows.
	const [shown, setShown] = useState(context);
	if (shown !== context) {
		const previous = shown.events;
		setShown(context);
		dispatch({
			type: 'rebase',
			previous,
			...(initialFilter ? {initialFilter} : {}),
		});
	}

	// Follow the terminal during render, so no frame uses the old size.
	if (state.columns !== size.columns || state.rows !== size.rows) {
		dispatch({type: 'resize', columns: size.columns, rows: size.rows});
	}

	const onInput = useCallback((input: string, key: Key) => {
		for (const press of keypressesOf(input, key)) {
			dispatch({type: 'key-press', ...press});
		}
	}, []);
	useInput(onInput);

	useEffect(() => {
		if (state.quit) {
			exit();
		}
	}, [state.quit, exit]);

	// Keep the histories between runs; a problem with the file is told once
	// a session (a file that could not be read is seldom writable), then the
	// session goes on without it.
	const saved = useRef(stored.history);
	const warned = useRef(stored.problem !== undefined);
	useEffect(() => {
		if (state.history === saved.current) {
			return;
		}

		saved.current = state.history;
		const problem = store.save(state.history);
		if (problem && !warned.current) {
			warned.current = true;
			dispatch({type: 'notice', text: problem});
		}
	}, [state.history, store]);
	const [memory] = useState(memorySessions);
	const env = useMemo<WorkflowEnv>(
		() => ({
			sessions: workflow?.sessions ?? memory,
			cwd: workflow?.cwd ?? (() => process.cwd()),
			now: workflow?.now ?? Date.now,
		}),
		[workflow?.sessions, workflow?.cwd, workflow?.now, memory],
	);
	useWorkflow(context, state, dispatch, env);

	const layout = layoutOf(state);
	const title = `trailtui  ${context.dateText}`;
	return (
		<Box
			flexDirection="column"
			width={layout.width}
			height={layout.height}
			overflow="hidden"
		>
			<LineText width={layout.width} line={[{text: title, tone: 'title'}]} />
			{scopeHeadLines(state, layout.width).map((line, index) => (
				<LineText key={`head-${index}`} line={line} width={layout.width} />
			))}
			{timelineLines(context, state, layout.width).map((line, index) => (
				<LineText key={`time-${index}`} line={line} width={layout.width} />
			))}
			<Body context={context} state={state} layout={layout} />
			{state.mode === 'help' ? null : (
				<StatusLine
					context={context}
					state={state}
					width={layout.width}
					loading={loading}
				/>
			)}
			{state.mode === 'help'
				? null
				: (state.mode === 'pivot'
						? pivotMenuLines(selectedEvent(context, state), layout.width)
						: bottomLines(state, layout.width)
					).map((line, index) => (
						<LineText key={index} line={line} width={layout.width} />
					))}
		</Box>
	);
}
