import type { QuestionType, TextFormat } from '../../questions/enums';
import type { AttemptGrade } from './grading';
import { answerToDisplay, displayIds } from './option-ids';
import { versionOf } from './paper-view';
import type { Answer, ExamQuestion, MultipleAnswer, PaperItem, SingleAnswer } from './types';
import type { TrueFalseAnswer } from './types';

/**
 * What an examinee sees after submitting, set per exam:
 * - 'score_only': score and pass/fail;
 * - 'score_and_answers': plus each item's correctness, the correct answers and explanations;
 * - 'after_window': nothing until the exam's window closes (colleagues may still be sitting it),
 *   then as 'score_and_answers'. Without a window it never opens: the exam definition should
 *   refuse that pairing.
 */
export type ReviewPolicy = 'score_only' | 'score_and_answers' | 'after_window';

export type CorrectAnswer =
	SingleAnswer | MultipleAnswer | TrueFalseAnswer | { accepted: string[] };

export interface ReviewOption {
	id: string;
	text: string;
	correct: boolean;
	chosen: boolean;
	feedback: string | null;
}

export interface ReviewItem {
	number: number;
	questionId: number;
	type: QuestionType;
	format: TextFormat;
	stem: string;
	points: number;
	score: number;
	correct: boolean;
	options: ReviewOption[];
	/** The examinee's answer in display ids. */
	answer: Answer | null;
	correctAnswer: CorrectAnswer;
	explanation: string;
}

interface Score {
	score: number;
	maxScore: number;
	percent: number;
	passed: boolean;
}

export type ReviewView =
	| { show: 'nothing'; availableAt: number | null }
	| ({ show: 'score' } & Score)
	| ({ show: 'answers'; items: ReviewItem[] } & Score);

export interface ReviewInput {
	policy: ReviewPolicy;
	now: number;
	windowClosesAt: number | null;
	grade: AttemptGrade;
	items: readonly PaperItem[];
	questions: ReadonlyMap<number, ExamQuestion>;
	/** Stored answers by questionId. */
	answers: ReadonlyMap<number, Answer | null>;
	/** Whether a question of the paper comes from a closed bank (保密): its keys stay secret. */
	closedBank?: boolean;
}

/**
 * What an examinee may see of a submitted attempt at `now`: the one rule for answer keys, used
 * by the result page and by 错题本 (practice/notebook.ts). Correct answers only when the review
 * policy allows them at `now` and no question came from a closed bank.
 */
export function reviewShows(input: {
	policy: ReviewPolicy;
	now: number;
	windowClosesAt: number | null;
	closedBank: boolean;
}): 'nothing' | 'score' | 'answers' {
	const { policy, now, windowClosesAt } = input;
	if (policy === 'after_window' && (windowClosesAt === null || now < windowClosesAt)) {
		return 'nothing';
	}
	return policy === 'score_only' || input.closedBank ? 'score' : 'answers';
}

/** The review of a submitted attempt, filtered by the exam's review policy at `now`. */
export function reviewView(input: ReviewInput): ReviewView {
	const { policy, now, windowClosesAt, grade } = input;
	const shows = reviewShows({ policy, now, windowClosesAt, closedBank: input.closedBank ?? false });
	if (shows === 'nothing') return { show: 'nothing', availableAt: windowClosesAt };
	const score: Score = {
		score: grade.score,
		maxScore: grade.maxScore,
		percent: grade.percent,
		passed: grade.passed
	};
	if (shows === 'score') return { show: 'score', ...score };
	return {
		show: 'answers',
		...score,
		items: input.items.map((item, i) => reviewItem(input, item, i))
	};
}

/** One item with its key and explanation; callers show it only when reviewShows allows. */
export function reviewItem(input: ReviewInput, item: PaperItem, i: number): ReviewItem {
	const question = versionOf(input.questions, item);
	const graded = input.grade.perItem.find((g) => g.questionId === item.questionId);
	const stored = input.answers.get(item.questionId) ?? null;
	const answer = stored ? answerToDisplay(item, stored) : null;
	const ids = displayIds(item);
	const chosen = new Set(
		answer && 'choice' in answer
			? [answer.choice]
			: answer && 'choices' in answer
				? answer.choices
				: []
	);
	const options = item.optionOrder.map((key, k): ReviewOption => {
		const option = question.options.find((o) => o.key === key);
		const id = ids[k]!;
		return {
			id,
			text: option?.text ?? '',
			correct: option?.correct ?? false,
			chosen: chosen.has(id),
			feedback: option?.feedback ?? null
		};
	});
	return {
		number: i + 1,
		questionId: item.questionId,
		type: question.type,
		format: question.format ?? 'markdown',
		stem: question.stem,
		points: item.points,
		score: graded?.score ?? 0,
		correct: graded?.correct ?? false,
		options,
		answer,
		correctAnswer: correctAnswer(question, options),
		explanation: question.explanation
	};
}

function correctAnswer(question: ExamQuestion, options: readonly ReviewOption[]): CorrectAnswer {
	const correctIds = options.filter((o) => o.correct).map((o) => o.id);
	switch (question.type) {
		case 'single':
			return { choice: correctIds[0] ?? '' };
		case 'multiple':
			return { choices: correctIds };
		case 'true_false':
			return { value: question.correctBoolean ?? false };
		case 'fill_blank':
			return { accepted: [...question.acceptedAnswers] };
	}
}
