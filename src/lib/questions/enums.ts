// Question vocabularies, for the schema (db/schema/questions.ts), import, grading and the pages.

/** Question types as the banks store them. */
export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How stem, options and explanation are written; markdown is the default. */
export const TEXT_FORMATS = ['markdown', 'html', 'plain'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];
