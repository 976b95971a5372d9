/**
 * Normalizes a fill-in answer so that what a person would call "the same answer" compares equal:
 * NFKC folds full-width forms (ＡＢＣ１２３, full-width spaces and ；．) to half-width, whitespace is
 * trimmed and collapsed, case is ignored, and trailing sentence punctuation (。.;) is dropped,
 * since staff often end an answer the way they end a sentence.
 */
export function normalizeFillIn(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[。.;；]+$/u, '')
		.trim()
		.toLowerCase();
}

/** True when the answer matches any accepted answer after normalization. */
export function matchesAccepted(text: string, accepted: readonly string[]): boolean {
	const given = normalizeFillIn(text);
	if (given === '') return false;
	return accepted.some((answer) => normalizeFillIn(answer) === given);
}
