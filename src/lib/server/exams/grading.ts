import type { OptionDraft } from '../questions/service';
import { matchesAccepted } from './fill-in';
import { toTenths, type Answer, type ExamQuestion } from './types';

/**
 * Partial credit for multiple-choice questions, chosen per exam.
 * - 'none': all or nothing; the chosen set must equal the set of correct options.
 * - 'proportional': when the author weighted any option (GIFT %n%), the score is the sum of the
 *   chosen options' weights in percent, floored at 0 and capped at 100. Otherwise it is
 *   (correct options chosen − wrong options chosen) / number of correct options, floored at 0,
 *   so ticking every box earns nothing.
 * Single choice, true/false and fill-in are always all or nothing.
 */
export type PartialCredit = 'none' | 'proportional';

export interface GradingPolicy {
	partialCredit: PartialCredit;
	/** Pass mark in percent, 0–100; passing needs percent ≥ passMark. */
	passMark: number;
}

export interface ItemGrade {
	/** Full marks: exactly the key. A partly right multiple-choice answer is not correct. */
	correct: boolean;
	score: number;
}

export interface GradedItem extends ItemGrade {
	questionId: number;
	maxScore: number;
}

export interface AttemptGrade {
	score: number;
	maxScore: number;
	/** 0–100 with two decimals. */
	percent: number;
	passed: boolean;
	perItem: GradedItem[];
}

/** Grades one answer; a missing answer or one of the wrong shape scores 0. */
export function gradeItem(
	question: ExamQuestion,
	answer: Answer | null,
	points: number,
	policy: Pick<GradingPolicy, 'partialCredit'>
): ItemGrade {
	const fraction = answer ? creditFraction(question, answer, policy.partialCredit) : 0;
	const score = Math.round(toTenths(points) * fraction) / 10;
	return { correct: fraction === 1 && isExact(question, answer), score };
}

/** The share of the points (0–1) an answer earns. */
function creditFraction(question: ExamQuestion, answer: Answer, partial: PartialCredit): number {
	switch (question.type) {
		case 'single':
			return 'choice' in answer && isCorrectKey(question.options, answer.choice) ? 1 : 0;
		case 'true_false':
			return 'value' in answer && answer.value === question.correctBoolean ? 1 : 0;
		case 'fill_blank':
			return 'text' in answer && matchesAccepted(answer.text, question.acceptedAnswers) ? 1 : 0;
		case 'multiple': {
			if (!('choices' in answer) || answer.choices.length === 0) return 0;
			if (isExact(question, answer)) return 1;
			return partial === 'proportional' ? proportional(question.options, answer.choices) : 0;
		}
	}
}

function isCorrectKey(options: readonly OptionDraft[], key: string): boolean {
	return options.some((option) => option.key === key && option.correct);
}

/** For multiple choice: the chosen set is exactly the correct set. Other types: no extra test. */
function isExact(question: ExamQuestion, answer: Answer | null): boolean {
	if (question.type !== 'multiple') return true;
	if (!answer || !('choices' in answer)) return false;
	const chosen = new Set(answer.choices);
	return question.options.every((option) => option.correct === chosen.has(option.key));
}

function proportional(options: readonly OptionDraft[], choices: readonly string[]): number {
	const chosen = new Set(choices);
	if (options.some((option) => option.weight !== null)) {
		const percent = options
			.filter((option) => chosen.has(option.key))
			.reduce((sum, option) => sum + (option.weight ?? 0), 0);
		return Math.min(1, Math.max(0, percent / 100));
	}
	const correctCount = options.filter((option) => option.correct).length;
	if (correctCount === 0) return 0;
	let net = 0;
	for (const option of options) {
		if (chosen.has(option.key)) net += option.correct ? 1 : -1;
	}
	return Math.max(0, net / correctCount);
}

/** Grades a whole attempt; answers are keyed by questionId, missing ones count as blank. */
export function gradeAttempt(
	items: readonly { question: ExamQuestion; points: number }[],
	answers: ReadonlyMap<number, Answer | null>,
	policy: GradingPolicy
): AttemptGrade {
	let scoreTenths = 0;
	let maxTenths = 0;
	const perItem = items.map(({ question, points }): GradedItem => {
		const grade = gradeItem(question, answers.get(question.questionId) ?? null, points, policy);
		scoreTenths += toTenths(grade.score);
		maxTenths += toTenths(points);
		return { questionId: question.questionId, maxScore: points, ...grade };
	});
	const percent = maxTenths === 0 ? 0 : Math.round((scoreTenths * 10_000) / maxTenths) / 100;
	return {
		score: scoreTenths / 10,
		maxScore: maxTenths / 10,
		percent,
		passed: percent >= policy.passMark,
		perItem
	};
}
