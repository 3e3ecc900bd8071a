/** The non-interactive outputs: `--report`, `--json`, and the load summary. */
export {formatJsonLines, terminalSafeJson} from './json-lines.js';
export {formatReport, sourceCell} from './report-table.js';
export {formatProblems, formatSummary, skippedCounts} from './summary.js';
