/** Reads of other domains' tables the records and rules need: attempts and courses. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { first, type Db } from '../../db';
import {
	attempt,
	course,
	examDefinition,
	lesson,
	lessonCompletion
} from '../../db/schema';

/** A person's submitted attempts with their exam titles, newest first. */
export async function selectExamHistory(db: Db, staffId: number) {
	return await db
		.select({
			attemptId: attempt.id,
			examTitle: examDefinition.title,
			purpose: examDefinition.purpose,
			submittedAt: attempt.submittedAt,
			score: attempt.score,
			maxScore: attempt.maxScore,
			percent: attempt.percent,
			passed: attempt.passed
		})
		.from(attempt)
		.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
		.where(and(eq(attempt.staffId, staffId), eq(attempt.status, 'submitted')))
		.orderBy(desc(attempt.submittedAt));
}

/** True when the person has completed every lesson of the course's current version. */
export async function isCourseComplete(
	db: Db,
	staffId: number,
	courseId: number
): Promise<boolean> {
	const row = await first(db
		.select({ missing: sql<number>`count(*)` })
		.from(lesson)
		.innerJoin(course, eq(course.currentVersionId, lesson.courseVersionId))
		.leftJoin(
			lessonCompletion,
			and(
				eq(lessonCompletion.courseId, course.id),
				eq(lessonCompletion.lessonKey, lesson.lessonKey),
				eq(lessonCompletion.staffId, staffId)
			)
		)
		.where(and(eq(course.id, courseId), isNull(lessonCompletion.staffId))));
	return (row?.missing ?? 1) === 0;
}

export async function selectCourseTitles(db: Db): Promise<Map<number, string>> {
	const rows = await db.select({ id: course.id, title: course.title }).from(course);
	return new Map(rows.map((r) => [r.id, r.title]));
}

