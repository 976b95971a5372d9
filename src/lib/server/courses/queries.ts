import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	course,
	courseModule,
	courseVersion,
	lesson,
	lessonCompletion,
	type Course,
	type Lesson
} from '../db/schema';

export async function selectCourses(db: Db, includeRetired = false): Promise<Course[]> {
	const query = db.select().from(course);
	return await (includeRetired ? query : query.where(eq(course.retired, false)))
		.orderBy(asc(course.position), asc(course.id))
		.all();
}

export async function selectCourseBySlug(db: Db, slug: string): Promise<Course | undefined> {
	return await db.select().from(course).where(eq(course.slug, slug)).get();
}

export async function selectCourseById(db: Db, id: number): Promise<Course | undefined> {
	return await db.select().from(course).where(eq(course.id, id)).get();
}

export async function selectVersion(db: Db, id: number) {
	return await db.select().from(courseVersion).where(eq(courseVersion.id, id)).get();
}

export async function selectLatestVersionNumber(db: Db, courseId: number): Promise<number> {
	const rows = await db
		.select({ version: courseVersion.version })
		.from(courseVersion)
		.where(eq(courseVersion.courseId, courseId))
		.all();
	return rows.reduce((max, r) => Math.max(max, r.version), 0);
}

export async function insertCourse(db: Db, row: typeof course.$inferInsert): Promise<Course> {
	return await db.insert(course).values(row).returning().get();
}

export async function updateCourse(
	db: Db,
	id: number,
	set: Partial<typeof course.$inferInsert>
): Promise<void> {
	await db.update(course).set(set).where(eq(course.id, id)).run();
}

export async function retireCoursesExcept(db: Db, slugs: string[], now: number): Promise<number> {
	const where = slugs.length
		? and(eq(course.retired, false), notInArray(course.slug, slugs))
		: eq(course.retired, false);
	return (await db.update(course).set({ retired: true, updatedAt: now }).where(where).run())
		.changes;
}

export async function insertVersion(db: Db, row: typeof courseVersion.$inferInsert) {
	return await db.insert(courseVersion).values(row).returning().get();
}

export async function insertModule(db: Db, row: typeof courseModule.$inferInsert) {
	return await db.insert(courseModule).values(row).returning().get();
}

export async function insertLesson(db: Db, row: typeof lesson.$inferInsert): Promise<Lesson> {
	return await db.insert(lesson).values(row).returning().get();
}

export async function selectModules(db: Db, versionId: number) {
	return await db
		.select()
		.from(courseModule)
		.where(eq(courseModule.courseVersionId, versionId))
		.orderBy(asc(courseModule.position))
		.all();
}

/** The lessons of a version without their bodies, for outlines and progress. */
export async function selectLessonOutline(db: Db, versionId: number) {
	return await db
		.select({
			id: lesson.id,
			moduleId: lesson.moduleId,
			lessonKey: lesson.lessonKey,
			slug: lesson.slug,
			title: lesson.title,
			classHours: lesson.classHours,
			position: lesson.position
		})
		.from(lesson)
		.where(eq(lesson.courseVersionId, versionId))
		.orderBy(asc(lesson.moduleId), asc(lesson.position))
		.all();
}

export async function selectLessonByKey(
	db: Db,
	versionId: number,
	lessonKey: string
): Promise<Lesson | undefined> {
	return await db
		.select()
		.from(lesson)
		.where(and(eq(lesson.courseVersionId, versionId), eq(lesson.lessonKey, lessonKey)))
		.get();
}

export async function selectCompletions(db: Db, staffId: number, courseIds: number[]) {
	if (courseIds.length === 0) return [];
	return await db
		.select()
		.from(lessonCompletion)
		.where(
			and(eq(lessonCompletion.staffId, staffId), inArray(lessonCompletion.courseId, courseIds))
		)
		.all();
}

/** Inserts a completion unless the person already completed that lesson; null when they had. */
export async function insertCompletionOnce(db: Db, row: typeof lessonCompletion.$inferInsert) {
	return (
		(await db.insert(lessonCompletion).values(row).onConflictDoNothing().returning().get()) ?? null
	);
}
