// practice_session, practice_check, practice_cursor: sessions, their instant-feedback verdicts
// and where 顺序练习 stopped.
import { and, desc, eq, sql } from 'drizzle-orm';
import { first, type Db } from '../../db';
import {
	attempt,
	practiceCheck,
	practiceCursor,
	practiceSession,
	type PracticeSession
} from '../../db/schema';

export async function insertSession(db: Db, row: PracticeSession): Promise<void> {
	await db.insert(practiceSession).values(row).onConflictDoNothing();
}

export async function selectSession(db: Db, attemptId: number): Promise<PracticeSession | undefined> {
	return await first(db
		.select()
		.from(practiceSession)
		.where(eq(practiceSession.attemptId, attemptId)));
}

/** The person's open practice session of `examId` (the drill or a mock), with its session row. */
export async function selectOpenSession(
	db: Db,
	staffId: number,
	examId: number
): Promise<{ attemptId: number; session: PracticeSession | null } | undefined> {
	const found = await first(db
		.select({ attemptId: attempt.id, session: practiceSession })
		.from(attempt)
		.leftJoin(practiceSession, eq(practiceSession.attemptId, attempt.id))
		.where(and(eq(attempt.staffId, staffId), eq(attempt.examId, examId), eq(attempt.status, 'open'))));
	return found ? { attemptId: found.attemptId, session: found.session } : undefined;
}

/** The person's latest sessions with their attempt's state and score. */
export async function selectRecentSessions(
	db: Db,
	staffId: number,
	limit: number
): Promise<
	(PracticeSession & { status: 'open' | 'submitted'; score: number | null; maxScore: number })[]
> {
	return await db
		.select({
			attemptId: practiceSession.attemptId,
			staffId: practiceSession.staffId,
			mode: practiceSession.mode,
			bankId: practiceSession.bankId,
			category: practiceSession.category,
			tag: practiceSession.tag,
			type: practiceSession.type,
			createdAt: practiceSession.createdAt,
			status: attempt.status,
			score: attempt.score,
			maxScore: attempt.maxScore
		})
		.from(practiceSession)
		.innerJoin(attempt, eq(attempt.id, practiceSession.attemptId))
		.where(eq(practiceSession.staffId, staffId))
		.orderBy(desc(practiceSession.createdAt), desc(practiceSession.attemptId))
		.limit(limit);
}

export interface CheckRow {
	attemptId: number;
	position: number;
	staffId: number;
	questionId: number;
	correct: boolean;
	checkedAt: number;
}

/** Records a verdict once; false when the item had been checked already. */
export async function insertCheck(db: Db, row: CheckRow): Promise<boolean> {
	const done = await db
		.insert(practiceCheck)
		.values(row)
		.onConflictDoNothing()
		.returning({ position: practiceCheck.position });
	return done.length > 0;
}

export async function selectChecks(db: Db, attemptId: number): Promise<CheckRow[]> {
	return await db
		.select()
		.from(practiceCheck)
		.where(eq(practiceCheck.attemptId, attemptId))
		.orderBy(practiceCheck.position);
}

/** Every verdict the person got in practice, for 错题本's mastery count. */
export async function selectStaffChecks(
	db: Db,
	staffId: number
): Promise<{ questionId: number; correct: boolean; checkedAt: number }[]> {
	return await db
		.select({
			questionId: practiceCheck.questionId,
			correct: practiceCheck.correct,
			checkedAt: practiceCheck.checkedAt
		})
		.from(practiceCheck)
		.where(eq(practiceCheck.staffId, staffId));
}

export async function selectCursor(
	db: Db,
	staffId: number,
	bankId: number,
	category: string
): Promise<number | null> {
	const found = await first(db
		.select({ last: practiceCursor.lastQuestionId })
		.from(practiceCursor)
		.where(
			and(
				eq(practiceCursor.staffId, staffId),
				eq(practiceCursor.bankId, bankId),
				eq(practiceCursor.category, category)
			)
		));
	return found?.last ?? null;
}

/** Moves the cursor forward to `questionId` (never back), or sets it to `questionId` when `reset`. */
export async function upsertCursor(
	db: Db,
	row: { staffId: number; bankId: number; category: string; lastQuestionId: number; updatedAt: number },
	reset = false
): Promise<void> {
	await db
		.insert(practiceCursor)
		.values(row)
		.onConflictDoUpdate({
			target: [practiceCursor.staffId, practiceCursor.bankId, practiceCursor.category],
			set: {
				lastQuestionId: reset
					? row.lastQuestionId
					: sql`case when excluded.last_question_id > ${practiceCursor.lastQuestionId} then excluded.last_question_id else ${practiceCursor.lastQuestionId} end`,
				updatedAt: row.updatedAt
			}
		});
}
