import type { QuestionType } from '../../questions/enums';
import type { ExamQuestion } from './types';

/** One line of an exam's blueprint: draw `count` questions like this, worth `pointsEach` each. */
export interface BlueprintRule {
	/** Stable id inside the exam definition; papers record which rule drew each item. */
	id: string;
	bankId: number;
	/** Category path; matches itself and everything under it ("储蓄业务" matches "储蓄业务/开户"). */
	category?: string | null;
	/** Any-of: a question with at least one of these tags matches. Empty or absent: no filter. */
	tags?: readonly string[] | null;
	type?: QuestionType | null;
	difficultyMin?: number | null;
	difficultyMax?: number | null;
	count: number;
	pointsEach: number;
}

/** True when a live question fits the rule; retired questions never match. */
export function matchesRule(question: ExamQuestion, rule: BlueprintRule): boolean {
	if (question.retired || question.bankId !== rule.bankId) return false;
	if (rule.type && question.type !== rule.type) return false;
	if (rule.difficultyMin != null && question.difficulty < rule.difficultyMin) return false;
	if (rule.difficultyMax != null && question.difficulty > rule.difficultyMax) return false;
	if (rule.category) {
		const category = question.category ?? '';
		// Whole path segments only: "储蓄" must not match "储蓄业务".
		if (category !== rule.category && !category.startsWith(`${rule.category}/`)) return false;
	}
	if (rule.tags && rule.tags.length > 0) {
		if (!rule.tags.some((tag) => question.tags.includes(tag))) return false;
	}
	return true;
}
