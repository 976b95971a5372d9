import type { Answer, PaperItem } from './types';

/**
 * Option ids the browser sees are the display letters of this paper: A, B, C… in the paper's
 * shuffled order. They are opaque (they say nothing about the author's order, which a printed
 * bank with "answer: C" would give away) and the server maps them back through the frozen
 * `optionOrder`. Answers are stored in the question's own keys, so grading and statistics never
 * depend on how one paper happened to show them.
 */
export function displayIds(item: Pick<PaperItem, 'optionOrder'>): string[] {
	return item.optionOrder.map((_, i) => displayLetter(i));
}

/** A, B, … Z, then O27, O28… (no bank has that many options, but ids must stay unique). */
export function displayLetter(index: number): string {
	return index < 26 ? String.fromCharCode(65 + index) : `O${index + 1}`;
}

/** Maps an answer in display ids (already checked by parseAnswer) to stored option keys. */
export function answerFromDisplay(item: Pick<PaperItem, 'optionOrder'>, answer: Answer): Answer {
	const ids = displayIds(item);
	const toKey = (id: string): string => {
		const key = item.optionOrder[ids.indexOf(id)];
		if (key === undefined) throw new RangeError(`option id ${id} is not on this paper`);
		return key;
	};
	if ('choice' in answer) return { choice: toKey(answer.choice) };
	if ('choices' in answer) {
		const keys = new Set(answer.choices.map(toKey));
		// Sorted, so one set of choices is always stored the same way (keys are A, B, C…).
		return { choices: [...keys].sort() };
	}
	return answer;
}

/** Maps a stored answer back to this paper's display ids; keys no longer on the paper drop out. */
export function answerToDisplay(
	item: Pick<PaperItem, 'optionOrder'>,
	answer: Answer
): Answer | null {
	const ids = displayIds(item);
	const toId = (key: string): string | undefined => ids[item.optionOrder.indexOf(key)];
	if ('choice' in answer) {
		const id = toId(answer.choice);
		return id === undefined ? null : { choice: id };
	}
	if ('choices' in answer) {
		const chosen = answer.choices.map(toId).filter((id): id is string => id !== undefined);
		return chosen.length === 0 ? null : { choices: chosen.sort() };
	}
	return answer;
}
