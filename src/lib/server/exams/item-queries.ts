import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { attempt, attemptAnswer, question, questionVersion } from '../db/schema';
import type { OptionDraft } from '../questions/types';
import type { QuestionType } from '../../questions/enums';

export interface SubmittedAttemptRow {
	id: number;
	score: number | null;
	maxScore: number;
}

/** The exam's submitted attempts with their totals (open ones have no score yet). */
export async function selectSubmittedAttempts(
	db: Db,
	examId: number
): Promise<SubmittedAttemptRow[]> {
	return await db
		.select({ id: attempt.id, score: attempt.score, maxScore: attempt.maxScore })
		.from(attempt)
		.where(and(eq(attempt.examId, examId), eq(attempt.status, 'submitted')))
		.orderBy(asc(attempt.id))
		.all();
}

export interface GradedAnswerRow {
	attemptId: number;
	position: number;
	questionVersionId: number;
	answer: unknown;
	correct: boolean | null;
	score: number | null;
}

/** Every graded position of the exam's submitted attempts (walks attempt_exam_idx). */
export async function selectGradedAnswers(db: Db, examId: number): Promise<GradedAnswerRow[]> {
	return await db
		.select({
			attemptId: attemptAnswer.attemptId,
			position: attemptAnswer.position,
			questionVersionId: attemptAnswer.questionVersionId,
			answer: attemptAnswer.answer,
			correct: attemptAnswer.correct,
			score: attemptAnswer.score
		})
		.from(attemptAnswer)
		.innerJoin(attempt, eq(attempt.id, attemptAnswer.attemptId))
		.where(and(eq(attempt.examId, examId), eq(attempt.status, 'submitted')))
		.all();
}

export interface AnalysedVersionRow {
	versionId: number;
	version: number;
	questionId: number;
	bankId: number;
	externalId: string | null;
	retired: boolean;
	type: QuestionType;
	stem: string;
	options: OptionDraft[];
	correctBoolean: boolean | null;
}

/** The versions the papers showed, with their question and bank for links. */
export async function selectAnalysedVersions(
	db: Db,
	versionIds: number[]
): Promise<AnalysedVersionRow[]> {
	if (versionIds.length === 0) return [];
	return await db
		.select({
			versionId: questionVersion.id,
			version: questionVersion.version,
			questionId: question.id,
			bankId: question.bankId,
			externalId: question.externalId,
			retired: question.retired,
			type: questionVersion.type,
			stem: questionVersion.stem,
			options: questionVersion.options,
			correctBoolean: questionVersion.correctBoolean
		})
		.from(questionVersion)
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(inArray(questionVersion.id, versionIds))
		.all();
}
