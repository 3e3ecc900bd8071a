/**
The names the keymap table (keymap.ts) and the reducer share: the screen's
modes and the commands a key can trigger. Kept apart from the table so that
the table stays one readable list.
*/

/** What the screen is showing, and so which keys apply. */
export type Mode =
	| 'list'
	| 'detail'
	| 'help'
	| 'search-input'
	| 'filter-input'
	| 'problems'
	/** The triage view: one row per finding, most severe first. */
	| 'findings'
	/** The events of one finding, opened from the triage view. */
	| 'finding'
	/** Every event of one credential, in time order. */
	| 'story'
	/** The values of a field in the view, with counts: pick one to filter. */
	| 'facets'
	/** The pivot menu: follow one of the selected event's values. */
	| 'pivot'
	/** The view's events grouped by a value, one row per group. */
	| 'summary'
	/** The one-line note prompt of a marked event (`c`). */
	| 'note-input'
	/** The export dialog (`w`): what, which format, and its prompts. */
	| 'export'
	| 'export-file'
	| 'export-columns'
	/** The file exists: overwrite it? */
	| 'export-confirm';

export const modes: readonly Mode[] = [
	'list',
	'detail',
	'help',
	'search-input',
	'filter-input',
	'problems',
	'findings',
	'finding',
	'story',
	'facets',
	'pivot',
	'summary',
	'note-input',
	'export',
	'export-file',
	'export-columns',
	'export-confirm',
];

/** Every action a key can trigger; also the reducer's action types. */
export type CommandId =
	| 'line-down'
	| 'line-up'
	| 'page-down'
	| 'page-up'
	| 'go-top'
	| 'go-bottom'
	| 'open-detail'
	| 'next-pane'
	| 'previous-pane'
	| 'start-search'
	| 'next-hit'
	| 'previous-hit'
	| 'start-filter'
	| 'next-flagged'
	| 'previous-flagged'
	| 'toggle-findings'
	| 'open-finding'
	| 'open-story'
	| 'show-problems'
	| 'toggle-help'
	| 'back'
	| 'close'
	| 'quit'
	| 'submit-input'
	| 'cancel-input'
	| 'delete-char'
	| 'clear-input'
	| 'caret-left'
	| 'caret-right'
	| 'caret-start'
	| 'caret-end'
	| 'delete-word'
	| 'delete-to-end'
	| 'complete'
	| 'history-previous'
	| 'history-next'
	| InvestigateCommand
	| WorkflowCommand;

/** The commands of facets, pivots and summaries (investigate-keymap.ts). */
export type InvestigateCommand =
	| 'open-facets'
	| 'facet-pick'
	| 'facet-exclude'
	| 'open-pivots'
	| 'pivot'
	| 'open-summary'
	| 'next-grouping'
	| 'previous-grouping'
	| 'choose-grouping'
	| 'cycle-sort'
	| 'reverse-sort'
	| 'drill-down';

/** The timeline, marks and export commands (see workflow-keymap.ts). */
export type WorkflowCommand =
	| 'toggle-timeline'
	| 'zoom-in'
	| 'zoom-out'
	| 'toggle-mark'
	| 'edit-note'
	| 'next-marked'
	| 'previous-marked'
	| 'open-export'
	| 'export-view'
	| 'export-marked'
	| 'export-jsonl'
	| 'export-csv'
	| 'export-markdown'
	| 'edit-columns'
	| 'choose-file'
	| 'close-export'
	| 'submit-prompt'
	| 'cancel-prompt'
	| 'confirm-overwrite'
	| 'decline-overwrite';
