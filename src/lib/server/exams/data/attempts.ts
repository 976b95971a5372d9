// attempt: one person's sitting of an exam, its frozen paper and, once submitted, its grade.
import { and, eq, lte, sql } from 'drizzle-orm';
import { first, inserted, type Db, type Tx } from '../../db';
import { attempt, type Attempt } from '../../db/schema';

// Starting an attempt runs these for every examinee at once (a spot exam opens for hundreds):
// built once per handle instead of on every call.
function prepareStartLookups(db: Db) {
	const examId = sql.placeholder('examId');
	const staffId = sql.placeholder('staffId');
	return {
		openAttemptId: db
			.select({ id: attempt.id })
			.from(attempt)
			.where(
				and(eq(attempt.examId, examId), eq(attempt.staffId, staffId), eq(attempt.status, 'open'))
			)
			.prepare(),
		attemptCount: db
			.select({ n: sql<number>`count(*)` })
			.from(attempt)
			.where(and(eq(attempt.examId, examId), eq(attempt.staffId, staffId)))
			.prepare()
	};
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareStartLookups>>();
function lookups(db: Db): ReturnType<typeof prepareStartLookups> {
	let p = prepared.get(db);
	if (!p) prepared.set(db, (p = prepareStartLookups(db)));
	return p;
}

export async function selectOpenAttemptId(
	db: Db,
	examId: number,
	staffId: number
): Promise<number | null> {
	return (await lookups(db).openAttemptId.get({ examId, staffId }))?.id ?? null;
}

export async function countAttempts(db: Db, examId: number, staffId: number): Promise<number> {
	return (await lookups(db).attemptCount.get({ examId, staffId }))?.n ?? 0;
}

export async function selectAttempt(db: Db, attemptId: number): Promise<Attempt | undefined> {
	return await first(db.select().from(attempt).where(eq(attempt.id, attemptId)));
}

export async function selectOpenAttempt(
	db: Db,
	examId: number,
	staffId: number
): Promise<Attempt | undefined> {
	return await first(db
		.select()
		.from(attempt)
		.where(
			and(eq(attempt.examId, examId), eq(attempt.staffId, staffId), eq(attempt.status, 'open'))
		));
}

/**
 * Inserts an attempt and returns its id and branch and position (not the row: reading the paper
 * back is wasted work). The attempt records the person's branch and position as they are now, so reports keep it
 * where it happened after a transfer.
 */
export async function insertAttempt(
	db: Db,
	row: typeof attempt.$inferInsert
): Promise<Pick<Attempt, 'id' | 'branchId' | 'position'>> {
	const atTime = {
		branchId: sql<number>`(select branch_id from staff where id = ${row.staffId})`,
		position: sql<string>`(select position from staff where id = ${row.staffId})`
	};
	return await inserted(db
			.insert(attempt)
			.values({ ...atTime, ...row })
			.returning({ id: attempt.id, branchId: attempt.branchId, position: attempt.position }));
}

export async function updateOpenAttemptDeadline(
	db: Db,
	attemptId: number,
	deadline: number | null,
	extraTimeMs: number
): Promise<void> {
	await db
		.update(attempt)
		.set({ deadline, extraTimeMs })
		.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')));
}

/** Closes an open attempt with its grade; false when it was no longer open. */
/**
 * Takes the open attempt's row lock for the rest of `tx` (a no-op update): from here no answer
 * save can land on it until the transaction ends (see the answer upsert), and another node's
 * submission of it waits, then finds it closed. False when it is no longer open.
 */
export async function lockOpenAttempt(tx: Tx, attemptId: number): Promise<boolean> {
	return (
		(
			await tx
				.update(attempt)
				.set({ status: sql`${attempt.status}` })
				.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')))
		).changes === 1
	);
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
		).changes === 1
	);
}

export async function selectOverdueAttemptIds(db: Db, before: number): Promise<number[]> {
	return (
		await db
			.select({ id: attempt.id })
			.from(attempt)
			.where(and(eq(attempt.status, 'open'), lte(attempt.deadline, before)))
	).map((r) => r.id);
}
