import { and, eq, inArray, sql } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { course, courseVersion, lesson, lessonCompletion } from '../../db/schema';

// lesson_completion: who finished which lesson, once per person and lesson key.

export type LessonCompletion = typeof lessonCompletion.$inferSelect;

export async function selectCompletions(
	db: Db,
	staffId: number,
	courseIds: number[]
): Promise<LessonCompletion[]> {
	if (courseIds.length === 0) return [];
	return await db
		.select()
		.from(lessonCompletion)
		.where(
			and(eq(lessonCompletion.staffId, staffId), inArray(lessonCompletion.courseId, courseIds))
		);
}

/** Inserts a completion unless the person already completed that lesson; null when they had. */
export async function insertCompletionOnce(
	db: Db,
	row: typeof lessonCompletion.$inferInsert
): Promise<LessonCompletion | null> {
	return (
		(await first(db.insert(lessonCompletion).values(row).onConflictDoNothing().returning())) ?? null
	);
}

/** Class hours of the course's current lessons that the person has completed. */
export async function sumCompletedCurrentHours(
	db: Db,
	staffId: number,
	courseId: number
): Promise<number> {
	const row = await first(db
		.select({ hours: sql<number>`coalesce(sum(${lesson.classHours}), 0)` })
		.from(lessonCompletion)
		.innerJoin(course, eq(course.id, lessonCompletion.courseId))
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.innerJoin(
			lesson,
			and(
				eq(lesson.courseVersionId, courseVersion.id),
				eq(lesson.lessonKey, lessonCompletion.lessonKey)
			)
		)
		.where(and(eq(lessonCompletion.staffId, staffId), eq(lessonCompletion.courseId, courseId))));
	return row?.hours ?? 0;
}
