// exam_definition: quizzes and exams as trainers define them.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { examDefinition, type ExamDefinition } from '../../db/schema';

// Starting an attempt reads the exam for every examinee at once (a spot exam opens for
// hundreds): built once per handle instead of on every call.
function prepareExamLookup(db: Db) {
	return db
		.select()
		.from(examDefinition)
		.where(eq(examDefinition.id, sql.placeholder('examId')))
		.prepare();
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareExamLookup>>();

export async function selectExam(db: Db, examId: number): Promise<ExamDefinition | undefined> {
	let exam = prepared.get(db);
	if (!exam) prepared.set(db, (exam = prepareExamLookup(db)));
	return await exam.get({ examId });
}

export async function insertExam(
	db: Db,
	row: typeof examDefinition.$inferInsert
): Promise<ExamDefinition> {
	return await inserted(db.insert(examDefinition).values(row).returning());
}

export async function updateExamRow(
	db: Db,
	examId: number,
	set: Partial<typeof examDefinition.$inferInsert>
): Promise<void> {
	await db.update(examDefinition).set(set).where(eq(examDefinition.id, examId));
}

export async function countExams(db: Db): Promise<number> {
	return (
		(
			await first(db
				.select({ n: sql<number>`count(*)` })
				.from(examDefinition))
		)?.n ?? 0
	);
}

/** Every exam, active first, then by purpose and id: the trainers' list. */
export async function selectExamList(db: Db): Promise<ExamDefinition[]> {
	return await db
		.select()
		.from(examDefinition)
		// Practice sessions and mocks are made by the practice domain, not defined by trainers.
		.where(isNull(examDefinition.practiceKind))
		.orderBy(desc(examDefinition.active), asc(examDefinition.purpose), asc(examDefinition.id));
}

/** Active practice quizzes of a course; a lesson-end quiz names its lesson. */
export async function selectPracticeQuizzes(
	db: Db,
	courseId: number
): Promise<{ examId: number; title: string; lessonKey: string | null }[]> {
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
		.orderBy(asc(examDefinition.id));
}

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
				isNull(examDefinition.practiceKind),
				sql`(${examDefinition.windowOpensAt} is null or ${examDefinition.windowOpensAt} <= ${now})`,
				sql`(${examDefinition.windowClosesAt} is null or ${examDefinition.windowClosesAt} > ${now})`
			)
		)
		.orderBy(examDefinition.title);
}

/** The exam definition the practice domain made for `kind` (and, for a mock, its formal exam). */
export async function selectPracticeExam(
	db: Db,
	kind: 'drill' | 'mock',
	mockOf: number | null
): Promise<ExamDefinition | undefined> {
	return await first(db
		.select()
		.from(examDefinition)
		.where(
			and(
				eq(examDefinition.practiceKind, kind),
				mockOf === null ? isNull(examDefinition.mockOf) : eq(examDefinition.mockOf, mockOf)
			)
		)
		.orderBy(asc(examDefinition.id)));
}
