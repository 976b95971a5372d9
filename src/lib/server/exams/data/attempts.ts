// attempt: one person's sitting of an exam, its frozen paper and, once submitted, its grade.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { attempt, staff, type Attempt } from '../../db/schema';

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

/** Inserts an attempt and returns its id (not the row: reading the paper back is wasted work). */
export async function insertAttempt(db: Db, row: typeof attempt.$inferInsert): Promise<number> {
	return (await db.insert(attempt).values(row).returning({ id: attempt.id }).get()).id;
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

/** Closes an open attempt with its grade; false when it was no longer open. */
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

export async function selectOverdueAttemptIds(db: Db, before: number): Promise<number[]> {
	return (
		await db
			.select({ id: attempt.id })
			.from(attempt)
			.where(and(eq(attempt.status, 'open'), lte(attempt.deadline, before)))
			.all()
	).map((r) => r.id);
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
		.groupBy(attempt.examId)
		.all();
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
		.orderBy(asc(attempt.id))
		.all();
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
		.orderBy(asc(staff.employeeNo))
		.all();
}
