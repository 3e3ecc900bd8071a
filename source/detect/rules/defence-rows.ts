import type {Severity, TrailEvent} from '../../core/types.js';
import {requestOf, textField} from './request-fields.js';

/** One row of the defence table: see `defence-table.ts`. */
export interface DefenceAction {
	service: string;
	severity: Severity;
	/** Completes "It …". */
	effect: string;
	/**
	Extra test on the request; a string replaces the effect (UpdateDetector
	that turns off single protections rather than the whole detector).
	*/
	applies?: (event: TrailEvent) => boolean | string;
	/** The resource the call names, for the evidence. */
	resource?: (event: TrailEvent) => string | undefined;
	/** The command that shows the state now, without the region option. */
	check: (event: TrailEvent) => string;
}

/** A row keyed `service:EventName`, the service being the host's first label. */
export type DefenceRow = [string, DefenceAction];

/** Reads the first of the request's named fields that holds text. */
export const param =
	(...names: string[]) =>
	(event: TrailEvent): string | undefined => {
		const request = requestOf(event);
		for (const name of names) {
			const value = textField(request, name);
			if (value) {
				return value;
			}
		}

		return undefined;
	};

/** A check that needs nothing from the event. */
export const command = (text: string) => () => text;
