// What the practice domain needs of the exam engine: its own exam definitions (the drill that
// holds practice sessions, mocks of formal exams) and one item's feedback. No person: the
// practice service has checked access.
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { ExamDefinition } from '../db/schema';
import { NotFound } from '../errors';
import { loadQuestionVersions, type PoolQuestion } from '../questions/service';
import * as data from './data';
import { gradeAttempt, type PartialCredit } from './grading';
import { reviewItem, type ReviewItem } from './review-view';
import type { Answer, PaperItem } from './types';

/** The one exam definition every practice session is an attempt of; made on first use. */
export async function ensureDrillExam(ctx: AppContext, tx: Tx): Promise<ExamDefinition> {
	const found = await data.selectPracticeExam(tx, 'drill', null);
	if (found) return found;
	const now = ctx.clock.now();
	return await data.insertExam(tx, {
		title: '自主练习',
		purpose: 'practice',
		blueprint: [],
		timeLimitMinutes: null,
		passMark: 60,
		attemptsAllowed: null,
		shuffleOptions: true,
		partialCredit: 'none',
		reviewPolicy: 'score_and_answers',
		practiceKind: 'drill',
		createdAt: now,
		updatedAt: now
	});
}

/**
 * The mock (模拟考试) of a formal exam: its blueprint, time limit, pass mark and marking, purpose
 * 'practice' so no report counts it, no window and no attempt limit. Follows the formal exam's
 * later edits. `showAnswers` says whether its review may show the keys (all banks open).
 */
export async function ensureMockExam(
	ctx: AppContext,
	tx: Tx,
	formal: ExamDefinition,
	showAnswers: boolean
): Promise<ExamDefinition> {
	const columns = {
		title: formal.title,
		purpose: 'practice' as const,
		description: formal.description,
		blueprint: formal.blueprint,
		timeLimitMinutes: formal.timeLimitMinutes,
		passMark: formal.passMark,
		attemptsAllowed: null,
		shuffleOptions: formal.shuffleOptions,
		partialCredit: formal.partialCredit,
		reviewPolicy: showAnswers ? ('score_and_answers' as const) : ('score_only' as const),
		active: true,
		practiceKind: 'mock' as const,
		mockOf: formal.id
	};
	const found = await data.selectPracticeExam(tx, 'mock', formal.id);
	const now = ctx.clock.now();
	if (!found) return await data.insertExam(tx, { ...columns, createdAt: now, updatedAt: now });
	const stale = found.updatedAt < formal.updatedAt || found.reviewPolicy !== columns.reviewPolicy;
	if (!stale) return found;
	// Strictly later, as definitions.ts does: the draw-pool cache keys on updatedAt.
	const updatedAt = Math.max(now, formal.updatedAt, found.updatedAt + 1);
	await data.updateExamRow(tx, found.id, { ...columns, updatedAt });
	return (await data.selectExam(tx, found.id))!;
}

/**
 * One answered item of an attempt with its verdict, key and explanation: instant feedback in
 * practice. The caller decides the key may be shown (an open bank).
 */
export async function getItemFeedback(
	ctx: AppContext,
	attemptId: number,
	position: number
): Promise<ReviewItem> {
	const row = await data.selectAttempt(ctx.db, attemptId);
	const item = (row?.paper as PaperItem[] | undefined)?.[position - 1];
	const exam = row ? await data.selectExam(ctx.db, row.examId) : undefined;
	if (!row || !item || !exam) throw new NotFound(`attempt ${attemptId} item ${position}`);
	const versions = await loadQuestionVersions(ctx.db, [item.versionId]);
	const stored = (await data.selectAnswers(ctx.db, attemptId)).find((a) => a.position === position);
	const answers = new Map<number, Answer | null>([
		[item.questionId, (stored?.answer as Answer | null | undefined) ?? null]
	]);
	const grade = gradeAttempt(
		[{ question: versions.get(item.versionId)!, points: item.points }],
		answers,
		{
			partialCredit: exam.partialCredit as PartialCredit,
			passMark: exam.passMark
		}
	);
	const input = {
		policy: exam.reviewPolicy,
		now: ctx.clock.now(),
		windowClosesAt: null,
		grade,
		items: [item],
		questions: versions,
		answers
	};
	return reviewItem(input, item, position - 1);
}

/** A question with its key and explanation, options in their own order (A, B… as stored). */
export function questionKeyView(question: PoolQuestion): ReviewItem {
	const item: PaperItem = {
		ruleId: '',
		questionId: question.questionId,
		versionId: question.versionId,
		points: 1,
		optionOrder:
			question.type === 'single' || question.type === 'multiple'
				? question.options.map((o) => o.key)
				: []
	};
	const answers = new Map<number, Answer | null>();
	const grade = gradeAttempt([{ question, points: 1 }], answers, {
		partialCredit: 'none',
		passMark: 0
	});
	const questions = new Map([[question.versionId, question]]);
	const input = {
		policy: 'score_and_answers' as const,
		now: 0,
		windowClosesAt: null,
		grade,
		items: [item],
		questions,
		answers
	};
	return reviewItem(input, item, 0);
}

/** The frozen paper of an attempt, or null when there is no such attempt. */
export async function findPaperItems(
	ctx: AppContext,
	attemptId: number
): Promise<PaperItem[] | null> {
	const row = await data.selectAttempt(ctx.db, attemptId);
	return row ? (row.paper as PaperItem[]) : null;
}

/** Active formal exams (not practice quizzes), for the mocks the practice page offers. */
export async function listFormalExams(ctx: AppContext): Promise<ExamDefinition[]> {
	return (await data.selectExamList(ctx.db)).filter((e) => e.active && e.purpose !== 'practice');
}
