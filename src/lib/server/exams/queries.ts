import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	attempt,
	examDefinition,
	extraTime,
	questionBank,
	type Attempt,
	type ExamDefinition
} from '../db/schema';

// Starting an attempt runs these for every examinee at once (a spot exam opens for hundreds):
// built once per connection instead of on every call.
function prepareStartLookups(db: Db) {
	const examId = sql.placeholder('examId');
	const staffId = sql.placeholder('staffId');
	return {
		exam: db.select().from(examDefinition).where(eq(examDefinition.id, examId)).prepare(),
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
			.prepare(),
		extraMinutes: db
			.select({ minutes: sql<number>`coalesce(sum(${extraTime.minutes}), 0)` })
			.from(extraTime)
			.where(and(eq(extraTime.examId, examId), eq(extraTime.staffId, staffId)))
			.prepare(),
		bankRevision: db
			.select({ revision: questionBank.revision })
			.from(questionBank)
			.where(eq(questionBank.id, sql.placeholder('bankId')))
			.prepare()
	};
}
const prepared = new WeakMap<Db, Awaited<ReturnType<typeof prepareStartLookups>>>();
function lookups(db: Db): Awaited<ReturnType<typeof prepareStartLookups>> {
	let p = prepared.get(db);
	if (!p) prepared.set(db, (p = prepareStartLookups(db)));
	return p;
}

export async function selectExam(db: Db, examId: number): Promise<ExamDefinition | undefined> {
	return await lookups(db).exam.get({ examId });
}

export async function selectOpenAttemptId(
	db: Db,
	examId: number,
	staffId: number
): Promise<number | null> {
	return (await lookups(db).openAttemptId.get({ examId, staffId }))?.id ?? null;
}

export async function selectAttempt(db: Db, attemptId: number): Promise<Attempt | undefined> {
	return await db.select().from(attempt).where(eq(attempt.id, attemptId)).get();
}

export async function selectOpenAttempt(
	db: Db,
	examId: number,
	staffId: number
): Promise<Attempt | undefined> {
	return await db
		.select()
		.from(attempt)
		.where(
			and(eq(attempt.examId, examId), eq(attempt.staffId, staffId), eq(attempt.status, 'open'))
		)
		.get();
}

export async function countAttempts(db: Db, examId: number, staffId: number): Promise<number> {
	return (await lookups(db).attemptCount.get({ examId, staffId }))?.n ?? 0;
}

/** Inserts an attempt and returns its id (not the row: reading the paper back is wasted work). */
export async function insertAttempt(db: Db, row: typeof attempt.$inferInsert): Promise<number> {
	return (await db.insert(attempt).values(row).returning({ id: attempt.id }).get()).id;
}

export async function sumExtraTimeMs(db: Db, examId: number, staffId: number): Promise<number> {
	return ((await lookups(db).extraMinutes.get({ examId, staffId }))?.minutes ?? 0) * 60_000;
}

export async function insertExtraTime(db: Db, row: typeof extraTime.$inferInsert): Promise<void> {
	await db.insert(extraTime).values(row).run();
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
		.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')))
		.run();
}

/** The revision of each bank: a changed revision means a cached draw pool is stale. */
export async function selectBankRevisions(db: Db, bankIds: number[]): Promise<Map<number, number>> {
	const revisions = new Map<number, number>();
	for (const bankId of bankIds) {
		const row = await lookups(db).bankRevision.get({ bankId });
		if (row) revisions.set(bankId, row.revision);
	}
	return revisions;
}
