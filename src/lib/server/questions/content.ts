import type { OptionDraft, QuestionDraft } from './types';

/** What a question version holds: a draft without where it came from. */
export type VersionContent = Omit<QuestionDraft, 'line' | 'externalId' | 'bank'>;

/** The wording alone, of a draft or a stored version (extra fields are left behind). */
export function contentOf(draft: VersionContent): VersionContent {
	return {
		category: draft.category,
		type: draft.type,
		format: draft.format,
		stem: draft.stem,
		options: draft.options,
		correctBoolean: draft.correctBoolean,
		acceptedAnswers: draft.acceptedAnswers,
		explanation: draft.explanation,
		difficulty: draft.difficulty,
		tags: draft.tags,
		competency: draft.competency
	};
}

// A fixed field order: JSON read back from SQLite need not keep the order it was written in.
function canonical(c: VersionContent): string {
	const option = (o: OptionDraft): unknown[] => [o.key, o.text, o.correct, o.weight, o.feedback];
	return JSON.stringify([
		c.category ?? null,
		c.type,
		c.format,
		c.stem,
		c.options.map(option),
		c.correctBoolean ?? null,
		c.acceptedAnswers,
		c.explanation,
		c.difficulty,
		c.tags,
		c.competency ?? null
	]);
}

/** True when storing `next` would only repeat `current`: no new version is made then. */
export function isSameContent(current: VersionContent, next: VersionContent): boolean {
	return canonical(current) === canonical(next);
}
