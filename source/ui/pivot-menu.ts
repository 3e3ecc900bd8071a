import {fit, visible} from '../core/safe-text.js';
import type {TrailEvent} from '../core/types.js';
import {pivotChoices, pivotKeys} from '../investigate/pivot.js';
import {headFor, type Line} from './lines.js';

/**
The pivot menu (o), drawn in the bottom rows under the table: one row per
kind of pivot with its key and the filter it starts from, and the kinds
the selected event cannot offer dimmed, saying why.
*/

/** The menu's rows: a heading and one per kind. */
export const pivotMenuRows = 1 + pivotKeys.length;

const nameWidth = 18;

export function pivotMenuLines(
	event: TrailEvent | undefined,
	width: number,
): Line[] {
	const lines: Line[] = [
		[
			{text: 'Pivot', tone: 'heading'},
			{
				text: ': the filter becomes one of these (Esc closes)',
				tone: 'muted',
			},
		],
	];
	if (event === undefined) {
		return lines;
	}

	const room = Math.max(width - 4 - nameWidth, 1);
	for (const choice of pivotChoices(event)) {
		const name = fit(choice.name, nameWidth);
		lines.push(
			choice.clause === undefined
				? [
						{text: ` ${choice.key}  `, tone: 'muted'},
						{text: name, tone: 'muted'},
						{text: fit(`— ${choice.unavailable ?? ''}`, room), tone: 'muted'},
					]
				: [
						{text: ` ${choice.key}  `, tone: 'command'},
						{text: name},
						{
							text: fit(headFor(visible(choice.clause), room), room),
							tone: 'label',
						},
					],
		);
	}

	return lines;
}
