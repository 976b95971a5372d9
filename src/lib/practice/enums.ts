// Practice vocabularies, for the schema (db/schema/practice.ts), the services and the pages.

/** 顺序练习, 随机练习, 专项练习, 错题练习, 模拟考试. */
export const PRACTICE_MODES = ['sequential', 'random', 'topic', 'wrong', 'mock'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];

/**
 * What a system-made exam definition is for: 'drill' holds everyone's practice sessions (their
 * papers are built by the practice domain), 'mock' is a timed copy of a formal exam's blueprint.
 * Both have purpose 'practice', so no pass-rate, certification or competency report counts them.
 */
export const PRACTICE_KINDS = ['drill', 'mock'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/** Correct answers in practice after the last wrong one that take a question out of 错题本. */
export const DEFAULT_MASTERY_THRESHOLD = 2;

/** Knowledge-point mastery looks back this far. */
export const MASTERY_WINDOW_DAYS = 90;
