import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { attempt, attemptAnswer, type Attempt } from '../db/schema';

export async function selectAnswers(db: Db, attemptId: number) {
	return await db.select().from(attemptAnswer).where(eq(attemptAnswer.attemptId, attemptId)).all();
}

export async function markSubmitted(
	db: Db,
	attemptId: number,
	set: Pick<Attempt, 'submittedAt' | 'submittedBy' | 'score' | 'percent' | 'passed'>
): Promise<boolean> {
	return (
		(
			await db
				.update(attempt)
				.set({ ...set, status: 'submitted' })
				.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')))
				.run()
		).changes === 1
	);
}

export async function recordItemGrade(
	db: Db,
	row: {
		attemptId: number;
		position: number;
		questionVersionId: number;
		correct: boolean;
		score: number;
		now: number;
	}
): Promise<void> {
	await db
		.insert(attemptAnswer)
		.values({
			attemptId: row.attemptId,
			position: row.position,
			questionVersionId: row.questionVersionId,
			answer: null,
			seq: 0,
			savedAt: row.now,
			correct: row.correct,
			score: row.score
		})
		.onConflictDoUpdate({
			target: [attemptAnswer.attemptId, attemptAnswer.position],
			set: { correct: row.correct, score: row.score }
		})
		.run();
}

export async function selectOverdueAttemptIds(db: Db, before: number): Promise<number[]> {
	return (
		await db
			.select({ id: attempt.id })
			.from(attempt)
			.where(and(eq(attempt.status, 'open'), lte(attempt.deadline, before)))
			.all()
	).map((r) => r.id);
}
