import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { attempt, examDefinition, type Attempt, type ExamDefinition } from '../db/schema';

/** Active exams of these purposes whose window is open at `now` (an absent bound is open). */
export async function selectExamsOpenAt(
	db: Db,
	now: number,
	purposes: readonly ExamDefinition['purpose'][]
): Promise<ExamDefinition[]> {
	return await db
		.select()
		.from(examDefinition)
		.where(
			and(
				eq(examDefinition.active, true),
				inArray(examDefinition.purpose, [...purposes]),
				sql`(${examDefinition.windowOpensAt} is null or ${examDefinition.windowOpensAt} <= ${now})`,
				sql`(${examDefinition.windowClosesAt} is null or ${examDefinition.windowClosesAt} > ${now})`
			)
		)
		.orderBy(examDefinition.title)
		.all();
}

export type AttemptSummary = Pick<
	Attempt,
	'id' | 'examId' | 'attemptNo' | 'status' | 'startedAt' | 'deadline' | 'submittedAt'
> &
	Pick<Attempt, 'score' | 'maxScore' | 'percent' | 'passed'>;

/** One person's attempts at some exams, oldest first; the papers are left out (they are large). */
export async function selectStaffAttempts(
	db: Db,
	staffId: number,
	examIds: number[]
): Promise<AttemptSummary[]> {
	if (examIds.length === 0) return [];
	return await db
		.select({
			id: attempt.id,
			examId: attempt.examId,
			attemptNo: attempt.attemptNo,
			status: attempt.status,
			startedAt: attempt.startedAt,
			deadline: attempt.deadline,
			submittedAt: attempt.submittedAt,
			score: attempt.score,
			maxScore: attempt.maxScore,
			percent: attempt.percent,
			passed: attempt.passed
		})
		.from(attempt)
		.where(and(eq(attempt.staffId, staffId), inArray(attempt.examId, examIds)))
		.orderBy(attempt.examId, attempt.attemptNo)
		.all();
}
