import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	attempt,
	course,
	examDefinition,
	extraTime,
	question,
	questionBank,
	staff,
	type ExamDefinition
} from '../db/schema';

export async function insertExam(
	db: Db,
	row: typeof examDefinition.$inferInsert
): Promise<ExamDefinition> {
	return await db.insert(examDefinition).values(row).returning().get();
}

export async function updateExamRow(
	db: Db,
	examId: number,
	set: Partial<typeof examDefinition.$inferInsert>
): Promise<void> {
	await db.update(examDefinition).set(set).where(eq(examDefinition.id, examId)).run();
}

export async function countExams(db: Db): Promise<number> {
	return (
		(
			await db
				.select({ n: sql<number>`count(*)` })
				.from(examDefinition)
				.get()
		)?.n ?? 0
	);
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
	passed: sql<number>`sum(case when ${attempt.status} = 'submitted' and ${attempt.passed} = 1 then 1 else 0 end)`,
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

export async function selectExamList(db: Db) {
	return await db
		.select({ exam: examDefinition, courseTitle: course.title })
		.from(examDefinition)
		.leftJoin(course, eq(course.id, examDefinition.courseId))
		.orderBy(desc(examDefinition.active), asc(examDefinition.purpose), asc(examDefinition.id))
		.all();
}

/** Banks with their live question counts, for the rule editor's bank select. */
export async function selectBankChoices(
	db: Db
): Promise<{ id: number; name: string; live: number }[]> {
	return await db
		.select({
			id: questionBank.id,
			name: questionBank.name,
			live: sql<number>`count(${question.id})`
		})
		.from(questionBank)
		.leftJoin(question, and(eq(question.bankId, questionBank.id), eq(question.retired, false)))
		.groupBy(questionBank.id)
		.orderBy(asc(questionBank.id))
		.all();
}

export async function selectBankIds(db: Db, ids: number[]): Promise<Set<number>> {
	if (ids.length === 0) return new Set();
	return new Set(
		(
			await db
				.select({ id: questionBank.id })
				.from(questionBank)
				.where(inArray(questionBank.id, ids))
				.all()
		).map((r) => r.id)
	);
}

/** Active practice quizzes of a course; a lesson-end quiz names its lesson. */
export async function selectPracticeQuizzes(db: Db, courseId: number) {
	return await db
		.select({
			examId: examDefinition.id,
			title: examDefinition.title,
			lessonKey: examDefinition.lessonKey
		})
		.from(examDefinition)
		.where(
			and(
				eq(examDefinition.courseId, courseId),
				eq(examDefinition.purpose, 'practice'),
				eq(examDefinition.active, true)
			)
		)
		.orderBy(asc(examDefinition.id))
		.all();
}

const grantedBy = sql<
	string | null
>`(select ${staff.name} from ${staff} where ${staff.id} = ${extraTime.grantedBy})`;

/** Extra-time grants on an exam, newest first, with who received and who granted them. */
export async function selectExtraTimeGrants(db: Db, examId: number) {
	return await db
		.select({
			id: extraTime.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			minutes: extraTime.minutes,
			reason: extraTime.reason,
			grantedAt: extraTime.grantedAt,
			grantedBy
		})
		.from(extraTime)
		.innerJoin(staff, eq(staff.id, extraTime.staffId))
		.where(eq(extraTime.examId, examId))
		.orderBy(desc(extraTime.grantedAt), desc(extraTime.id))
		.all();
}

/** Open attempts on an exam, so the extra-time page can say whose deadline a grant moves. */
export async function selectOpenAttemptsOf(db: Db, examId: number) {
	return await db
		.select({ employeeNo: staff.employeeNo, name: staff.name, deadline: attempt.deadline })
		.from(attempt)
		.innerJoin(staff, eq(staff.id, attempt.staffId))
		.where(and(eq(attempt.examId, examId), eq(attempt.status, 'open')))
		.orderBy(asc(staff.employeeNo))
		.all();
}

/** Courses on offer, for linking a practice quiz. */
export async function selectOfferedCourses(db: Db) {
	return await db
		.select({ id: course.id, title: course.title, currentVersionId: course.currentVersionId })
		.from(course)
		.where(and(eq(course.retired, false), sql`${course.currentVersionId} is not null`))
		.orderBy(asc(course.position), asc(course.id))
		.all();
}
