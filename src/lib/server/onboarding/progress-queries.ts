import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	course,
	courseVersion,
	lesson,
	lessonCompletion,
	practicumDay,
	practicumSignature
} from '../db/schema';

/** Class hours of the seat course's current lessons that the person has completed. */
export async function sumSeatHoursCompleted(
	db: Db,
	staffId: number,
	seatCourseId: number
): Promise<number> {
	const row = await db
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
		.where(and(eq(lessonCompletion.staffId, staffId), eq(lessonCompletion.courseId, seatCourseId)))
		.get();
	return row?.hours ?? 0;
}

/** The plan's practicum days as they stand: rows no later correction has replaced. */
export async function selectCurrentDays(db: Db, planId: number) {
	const superseded = db
		.select({ id: practicumDay.supersedesId })
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), sql`${practicumDay.supersedesId} is not null`));
	return await db
		.select()
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), notInArray(practicumDay.id, superseded)))
		.orderBy(practicumDay.dayNumber)
		.all();
}

export async function selectSignatures(db: Db, dayIds: number[]) {
	if (dayIds.length === 0) return [];
	return await db
		.select()
		.from(practicumSignature)
		.where(inArray(practicumSignature.dayId, dayIds))
		.all();
}

/** The seat course: the onboarding-kind course offered now (the first, if content has several). */
export async function selectSeatCourse(db: Db) {
	return await db
		.select()
		.from(course)
		.where(and(eq(course.kind, 'onboarding'), eq(course.retired, false)))
		.orderBy(asc(course.position))
		.get();
}

export async function selectCourseSlug(db: Db, courseId: number): Promise<string | null> {
	return (
		(await db.select({ slug: course.slug }).from(course).where(eq(course.id, courseId)).get())
			?.slug ?? null
	);
}
