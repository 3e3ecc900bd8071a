import {Box} from 'ink';
import type {AppState} from './app-state.js';
import {facetPage} from './facets-lines.js';
import {LineView, TitleRow, windowText} from './line-view.js';

/** The values picker (v): a title row over the window of its list. */
export function FacetsView({
	state,
	width,
	rows,
}: {
	state: AppState;
	width: number;
	rows: number;
}) {
	const page = facetPage(state, width, rows);
	return (
		<Box flexDirection="column" width={width} height={rows + 1}>
			<TitleRow
				focused
				title={page.title}
				width={width}
				position={windowText(state.facet?.top ?? 0, rows, page.count)}
			/>
			<LineView lines={page.lines} width={width} rows={rows} offset={0} />
		</Box>
	);
}
