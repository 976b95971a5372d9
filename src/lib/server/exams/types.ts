import type { PoolQuestion } from '../questions/service';
import type { QuestionType } from '../../questions/enums';

/**
 * One stored version of a question, as the exam engine reads it: a QuestionDraft plus ids.
 * Attempts point at a version, so later edits never change a paper already drawn.
 */
export type ExamQuestion = PoolQuestion;

/** Answers as stored, in the question's own option keys (never the display letters). */
export interface SingleAnswer {
	choice: string;
}
export interface MultipleAnswer {
	/** Distinct keys, in the question's option order. */
	choices: string[];
}
export interface TrueFalseAnswer {
	value: boolean;
}
export interface FillBlankAnswer {
	text: string;
}
export type Answer = SingleAnswer | MultipleAnswer | TrueFalseAnswer | FillBlankAnswer;

/** One question on a frozen paper. */
export interface PaperItem {
	readonly ruleId: string;
	readonly questionId: number;
	readonly versionId: number;
	readonly points: number;
	/** The question's option keys in display order; empty for true/false and fill-in. */
	readonly optionOrder: readonly string[];
}

/** What a draw produces and an attempt stores: replaying `seed` on the same pool gives it back. */
export interface Paper {
	readonly seed: string;
	readonly items: readonly PaperItem[];
	readonly maxScore: number;
}

/** The order question types appear in on a paper, as Chinese exams print them: 单选, 多选, 判断, 填空. */
export const TYPE_ORDER: readonly QuestionType[] = [
	'single',
	'multiple',
	'true_false',
	'fill_blank'
];

/** Points are kept in tenths internally so sums never drift (0.1 + 0.2). */
export function toTenths(points: number): number {
	return Math.round(points * 10);
}
