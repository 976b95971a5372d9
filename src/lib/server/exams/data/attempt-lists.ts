// attempt, as lists and counts read it: a person's attempts, an exam's summary, the submitted
// attempts item analysis reads, the open ones extra time would move.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { attempt, staff, type Attempt } from '../../db/schema';

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
		.orderBy(attempt.examId, attempt.attemptNo);
}

export interface AttemptCounts {
	submitted: number;
	passed: number;
	open: number;
	/** Mean percent of the submitted attempts; null when none. */
	averagePercent: number | null;
}

const countColumns = {
	examId: attempt.examId,
	submitted: sql<number>`sum(case when ${attempt.status} = 'submitted' then 1 else 0 end)`,
	passed: sql<number>`sum(case when ${attempt.status} = 'submitted' and ${attempt.passed} then 1 else 0 end)`,
	open: sql<number>`sum(case when ${attempt.status} = 'open' then 1 else 0 end)`,
	averagePercent: sql<
		number | null
	>`avg(case when ${attempt.status} = 'submitted' then ${attempt.percent} end)`
};

/** Attempt counts per exam, for the list and the summary on an exam's page. */
export async function selectAttemptCounts(
	db: Db,
	examIds?: number[]
): Promise<Map<number, AttemptCounts>> {
	const rows = await db
		.select(countColumns)
		.from(attempt)
		.where(examIds ? inArray(attempt.examId, examIds) : undefined)
		.groupBy(attempt.examId);
	return new Map(
		rows.map((r) => [
			r.examId,
			{
				submitted: r.submitted ?? 0,
				passed: r.passed ?? 0,
				open: r.open ?? 0,
				averagePercent: r.averagePercent
			}
		])
	);
}

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
		.orderBy(asc(attempt.id));
}

/** Open attempts on an exam, so the extra-time page can say whose deadline a grant moves. */
export async function selectOpenAttemptsOf(
	db: Db,
	examId: number
): Promise<{ employeeNo: string; name: string; deadline: number | null }[]> {
	return await db
		.select({ employeeNo: staff.employeeNo, name: staff.name, deadline: attempt.deadline })
		.from(attempt)
		.innerJoin(staff, eq(staff.id, attempt.staffId))
		.where(and(eq(attempt.examId, examId), eq(attempt.status, 'open')))
		.orderBy(asc(staff.employeeNo));
}
