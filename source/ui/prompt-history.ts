/**
Up and Down in the search and filter prompts: older and newer entries of
the prompt's history, the draft being typed kept aside until Down comes
back past the newest entry. Entries equal to the text shown are skipped,
so every key changes the text (the filter prompt opens on the filter in
use, which is most often the newest entry).
*/

export interface Recall {
	/** The entry shown: an index into the history, oldest first. */
	index: number;
	/** The draft as it was before the first Up. */
	draft: string;
}

export interface Recalled {
	draft: string;
	recall: Recall | undefined;
}

/** Up: the next older entry that differs from the text shown. */
export function recallOlder(
	list: readonly string[],
	draft: string,
	recall: Recall | undefined,
): Recalled | undefined {
	for (let index = (recall?.index ?? list.length) - 1; index >= 0; index--) {
		if (list[index] !== draft) {
			return {
				draft: list[index]!,
				recall: {index, draft: recall?.draft ?? draft},
			};
		}
	}

	return undefined;
}

/** Down: the next newer entry that differs, else the draft kept aside. */
export function recallNewer(
	list: readonly string[],
	draft: string,
	recall: Recall | undefined,
): Recalled | undefined {
	if (recall === undefined) {
		return undefined;
	}

	for (let index = recall.index + 1; index < list.length; index++) {
		if (list[index] !== draft) {
			return {draft: list[index]!, recall: {...recall, index}};
		}
	}

	return {draft: recall.draft, recall: undefined};
}
