import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	attempt,
	attemptAnswer,
	examDefinition,
	extraTime,
	question,
	questionBank,
	questionVersion,
	type Attempt,
	type ExamDefinition
} from '../db/schema';
import type { ExamQuestion } from './types';

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
const prepared = new WeakMap<Db, ReturnType<typeof prepareStartLookups>>();
function lookups(db: Db): ReturnType<typeof prepareStartLookups> {
	let p = prepared.get(db);
	if (!p) prepared.set(db, (p = prepareStartLookups(db)));
	return p;
}

export function selectExam(db: Db, examId: number): ExamDefinition | undefined {
	return lookups(db).exam.get({ examId });
}

export function selectOpenAttemptId(db: Db, examId: number, staffId: number): number | null {
	return lookups(db).openAttemptId.get({ examId, staffId })?.id ?? null;
}

export function selectAttempt(db: Db, attemptId: number): Attempt | undefined {
	return db.select().from(attempt).where(eq(attempt.id, attemptId)).get();
}

export function selectOpenAttempt(db: Db, examId: number, staffId: number): Attempt | undefined {
	return db
		.select()
		.from(attempt)
		.where(
			and(eq(attempt.examId, examId), eq(attempt.staffId, staffId), eq(attempt.status, 'open'))
		)
		.get();
}

export function countAttempts(db: Db, examId: number, staffId: number): number {
	return lookups(db).attemptCount.get({ examId, staffId })?.n ?? 0;
}

/** Inserts an attempt and returns its id (not the row: reading the paper back is wasted work). */
export function insertAttempt(db: Db, row: typeof attempt.$inferInsert): number {
	return db.insert(attempt).values(row).returning({ id: attempt.id }).get().id;
}

export function sumExtraTimeMs(db: Db, examId: number, staffId: number): number {
	return (lookups(db).extraMinutes.get({ examId, staffId })?.minutes ?? 0) * 60_000;
}

export function insertExtraTime(db: Db, row: typeof extraTime.$inferInsert): void {
	db.insert(extraTime).values(row).run();
}

export function updateOpenAttemptDeadline(
	db: Db,
	attemptId: number,
	deadline: number | null,
	extraTimeMs: number
): void {
	db.update(attempt)
		.set({ deadline, extraTimeMs })
		.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')))
		.run();
}

/** The revision of each bank: a changed revision means a cached draw pool is stale. */
export function selectBankRevisions(db: Db, bankIds: number[]): Map<number, number> {
	const revisions = new Map<number, number>();
	for (const bankId of bankIds) {
		const row = lookups(db).bankRevision.get({ bankId });
		if (row) revisions.set(bankId, row.revision);
	}
	return revisions;
}

const versionColumns = {
	questionId: question.id,
	versionId: questionVersion.id,
	bankId: question.bankId,
	category: questionVersion.category,
	type: questionVersion.type,
	format: questionVersion.format,
	stem: questionVersion.stem,
	options: questionVersion.options,
	correctBoolean: questionVersion.correctBoolean,
	acceptedAnswers: questionVersion.acceptedAnswers,
	explanation: questionVersion.explanation,
	difficulty: questionVersion.difficulty,
	tags: questionVersion.tags,
	competency: questionVersion.competency,
	retired: question.retired
};

/** The live questions of some banks at their current versions: the pool a draw picks from. */
export function selectPool(db: Db, bankIds: number[]): ExamQuestion[] {
	if (bankIds.length === 0) return [];
	return db
		.select(versionColumns)
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(and(inArray(question.bankId, bankIds), eq(question.retired, false)))
		.all();
}

/** Specific versions, whatever their question's state now: a paper keeps what it showed. */
export function selectVersions(db: Db, versionIds: number[]): Map<number, ExamQuestion> {
	if (versionIds.length === 0) return new Map();
	const rows = db
		.select(versionColumns)
		.from(questionVersion)
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(inArray(questionVersion.id, versionIds))
		.all();
	return new Map(rows.map((r) => [r.versionId, r]));
}

export function selectAnswers(db: Db, attemptId: number) {
	return db.select().from(attemptAnswer).where(eq(attemptAnswer.attemptId, attemptId)).all();
}

export function markSubmitted(
	db: Db,
	attemptId: number,
	set: Pick<Attempt, 'submittedAt' | 'submittedBy' | 'score' | 'percent' | 'passed'>
): boolean {
	return (
		db
			.update(attempt)
			.set({ ...set, status: 'submitted' })
			.where(and(eq(attempt.id, attemptId), eq(attempt.status, 'open')))
			.run().changes === 1
	);
}

export function recordItemGrade(
	db: Db,
	row: {
		attemptId: number;
		position: number;
		questionVersionId: number;
		correct: boolean;
		score: number;
		now: number;
	}
): void {
	db.insert(attemptAnswer)
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

export function selectOverdueAttemptIds(db: Db, before: number): number[] {
	return db
		.select({ id: attempt.id })
		.from(attempt)
		.where(and(eq(attempt.status, 'open'), lte(attempt.deadline, before)))
		.all()
		.map((r) => r.id);
}

/** Active exams of these purposes whose window is open at `now` (an absent bound is open). */
export function selectExamsOpenAt(
	db: Db,
	now: number,
	purposes: readonly ExamDefinition['purpose'][]
): ExamDefinition[] {
	return db
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
export function selectStaffAttempts(db: Db, staffId: number, examIds: number[]): AttemptSummary[] {
	if (examIds.length === 0) return [];
	return db
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
